package app.retone.ui.editor;

import app.retone.core.image.Thumbnail;
import app.retone.core.image.ThumbnailSource;
import app.retone.ui.editor.ReferenceCandidate.Origin;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The reference picker: the photos a user is likely to take a look from, each with its preview —
 * the references used before (newest first, those still there), then the open folder's other
 * photos — and the one chosen. Previews are read only for the candidates on screen ({@link
 * #want}), from the desktop's thumbnail cache when it has them; closing the picker cancels what is
 * still being read.
 */
public final class ReferencePickerViewModel implements AutoCloseable {

    /** The longer side of a preview, in pixels. */
    public static final int PREVIEW_SIDE = 160;

    private final ThumbnailSource thumbnails;
    private final TaskExecutor executor;
    private final ObservableList<ReferenceCandidate> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<ReferenceCandidate> selected = new SimpleObjectProperty<>();
    private final List<TaskHandle> reading = new ArrayList<>();
    private boolean closed;

    /**
     * The candidates for {@code photo} (never offered itself): {@code usedBefore} that still exist,
     * then {@code folder}'s photos, each once.
     */
    public ReferencePickerViewModel(Path photo, List<Path> usedBefore, List<Path> folder, ThumbnailSource thumbnails,
                                    TaskExecutor executor) {
        this.thumbnails = thumbnails;
        this.executor = executor;
        Set<Path> offered = new LinkedHashSet<>();
        if (photo != null) {
            offered.add(normal(photo));
        }
        List<ReferenceCandidate> list = new ArrayList<>();
        for (Path file : usedBefore) {
            if (offered.add(normal(file)) && Files.isRegularFile(file)) {
                list.add(new ReferenceCandidate(file, Origin.USED_BEFORE));
            }
        }
        for (Path file : folder) {
            if (offered.add(normal(file))) {
                list.add(new ReferenceCandidate(file, Origin.IN_FOLDER));
            }
        }
        candidates.setAll(list);
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    public ObservableList<ReferenceCandidate> candidates() {
        return candidates;
    }

    /** The candidate the user points at; the picker's answer. */
    public ObjectProperty<ReferenceCandidate> selectedProperty() {
        return selected;
    }

    /** The chosen photo, if one is selected. */
    public Optional<Path> chosen() {
        return Optional.ofNullable(selected.get()).map(ReferenceCandidate::file);
    }

    /** Reads {@code candidate}'s preview in the background, once: from the cache when it has it, else from the photo. */
    public void want(ReferenceCandidate candidate) {
        if (closed || !candidate.want()) {
            return;
        }
        reading.add(executor.submitBrief(BackgroundTask.<Optional<Thumbnail>>of("Preview of " + candidate.name(),
                        context -> thumbnails.cached(candidate.file(), PREVIEW_SIDE))
                .onSuccess(cached -> {
                    if (cached.isPresent()) {
                        candidate.showPreview(cached.get());
                    } else {
                        read(candidate);
                    }
                })
                .onFailure(error -> read(candidate))));
    }

    private void read(ReferenceCandidate candidate) {
        if (closed) {
            return;
        }
        reading.add(executor.submit(BackgroundTask.<Thumbnail>of("Preview of " + candidate.name(),
                        context -> thumbnails.read(candidate.file(), PREVIEW_SIDE))
                .onSuccess(candidate::showPreview)
                .onFailure(error -> candidate.fail(Notice.reason(error)))));
    }

    /** Stops reading previews. */
    @Override
    public void close() {
        closed = true;
        reading.forEach(TaskHandle::cancel);
        reading.clear();
    }
}
