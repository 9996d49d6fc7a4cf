package app.retone.ui.folder;

import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.PhotoFolder;
import app.retone.ui.editor.Activities;
import app.retone.ui.editor.Activity;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskHandle;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The order a folder's photos are shown in: by name as people read them, or by the date taken
 * (the undated last, then by name), the dates read once per folder in the background from the
 * metadata only. Sorting tells the folder, which keeps the photo on screen where it is.
 */
final class FolderOrder {

    private final ObjectProperty<PhotoOrder> order = new SimpleObjectProperty<>(PhotoOrder.NAME);
    private final ObservableList<FolderPhoto> photos;
    private final Activities activities;
    private final Supplier<FolderPhoto> current;
    private final Consumer<FolderPhoto> sorted;
    private TaskHandle dating = TaskHandle.NONE;
    /** Whether the photos' dates were read (they are only for date order). */
    private boolean datesRead;

    /** Orders {@code photos}; after each sort {@code sorted} hears which was {@code current} before it. */
    FolderOrder(ObservableList<FolderPhoto> photos, Activities activities, Supplier<FolderPhoto> current,
                Consumer<FolderPhoto> sorted) {
        this.photos = photos;
        this.activities = activities;
        this.current = current;
        this.sorted = sorted;
        order.addListener((obs, old, now) -> apply());
    }

    ObjectProperty<PhotoOrder> property() {
        return order;
    }

    /** Other photos are open: their dates are not known yet. */
    void newPhotos() {
        dating.cancel();
        datesRead = false;
        apply();
    }

    void cancel() {
        dating.cancel();
    }

    /** By date: the dates are read first (once per folder). */
    private void apply() {
        if (order.get() != PhotoOrder.DATE_TAKEN || datesRead || photos.isEmpty()) {
            sort();
            return;
        }
        dating.cancel();
        List<FolderPhoto> reading = List.copyOf(photos);
        String title = "Reading the dates of " + reading.size() + " photos";
        dating = activities.track(new Activity(title), BackgroundTask.of(title, reading(reading, title)).onSuccess(dates -> {
            for (int i = 0; i < reading.size(); i++) {
                reading.get(i).dateTaken(dates.get(i));
            }
            datesRead = true;
            sort();
        }));
    }

    private void sort() {
        FolderPhoto shown = current.get();
        FXCollections.sort(photos, comparator(order.get()));
        sorted.accept(shown);
    }

    /** Names as people read them; by date, the undated last, then by name. */
    static Comparator<FolderPhoto> comparator(PhotoOrder order) {
        Comparator<FolderPhoto> byName = Comparator.comparing(FolderPhoto::path, PhotoFolder.BY_NAME);
        Comparator<FolderPhoto> byDate = Comparator.comparing((FolderPhoto p) -> p.dateTaken().orElse(null),
                Comparator.nullsLast(Comparator.naturalOrder()));
        return order == PhotoOrder.DATE_TAKEN ? byDate.thenComparing(byName) : byName;
    }

    /** The work that reads the dates of {@code photos}, in their order (null where a photo has none). */
    private static BackgroundTask.Work<List<LocalDateTime>> reading(List<FolderPhoto> photos, String title) {
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
