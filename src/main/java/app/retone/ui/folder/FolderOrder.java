package app.retone.ui.folder;

import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.PhotoFolder;
import app.retone.ui.task.BackgroundTask;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The orders a folder is shown in, and reading when its photos were taken (their metadata only, in the background). */
final class FolderOrder {

    private FolderOrder() {
    }

    /** Names as people read them; by date, the undated last, then by name. */
    static Comparator<FolderPhoto> comparator(FolderViewModel.Order order) {
        Comparator<FolderPhoto> byName = Comparator.comparing(FolderPhoto::path, PhotoFolder.BY_NAME);
        Comparator<FolderPhoto> byDate = Comparator.comparing((FolderPhoto p) -> p.dateTaken().orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return order == FolderViewModel.Order.DATE_TAKEN ? byDate.thenComparing(byName) : byName;
    }

    /** The work that reads the dates of {@code photos}, in their order (null where a photo has none). */
    static BackgroundTask.Work<List<LocalDateTime>> reading(List<FolderPhoto> photos, String title) {
        return context -> {
            List<LocalDateTime> dates = new ArrayList<>(photos.size());
            for (int i = 0; i < photos.size(); i++) {
                context.checkCancelled();
                context.progress((double) i / photos.size(), title + "…");
                dates.add(PhotoDetailsReader.dateTaken(photos.get(i).path()).orElse(null));
            }
            return dates;
        };
    }
}
