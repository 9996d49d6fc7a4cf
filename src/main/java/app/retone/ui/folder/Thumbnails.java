package app.retone.ui.folder;

import app.retone.ui.editor.Notice;
import app.retone.core.image.ThumbnailReader;
import app.retone.core.image.ThumbnailSource;
import app.retone.ui.task.BackgroundTask;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The filmstrip's thumbnails: read one at a time in the background ({@link FolderWork}), the latest wanted first (the
 * cells in view ask as they appear, so a fast scroll serves where it stops), and kept for at
 * most {@code capacity} photos, those wanted least recently dropped, so a folder of any size
 * holds a bounded number. A photo whose thumbnail cannot be read is marked failed with the
 * reader's reason. All methods belong to the UI thread.
 */
public final class Thumbnails implements AutoCloseable {

    /** Size of a thumbnail's longer side, in pixels. */
    public static final int SIDE = 160;
    /** Wants waiting at most: older ones are forgotten (their cells will ask again if still shown). */
    static final int MAX_WAITING = 96;

    private final ThumbnailSource reader;
    private final int capacity;
    private final BiConsumer<FolderPhoto, String> onFailure;
    private final Runnable wake;
    /** Photos holding a thumbnail, least recently wanted first. */
    private final Set<FolderPhoto> kept = new LinkedHashSet<>();
    private final Deque<FolderPhoto> waiting = new ArrayDeque<>();
    private boolean closed;

    /**
     * {@code onFailure} hears of a photo that cannot be read (the folder marks it); {@code wake}
     * asks the folder's {@link FolderWork} to look for work.
     */
    public Thumbnails(ThumbnailSource reader, int capacity, BiConsumer<FolderPhoto, String> onFailure, Runnable wake) {
        this.reader = reader;
        this.capacity = capacity;
        this.onFailure = onFailure;
        this.wake = wake;
    }

    /** Asks for {@code photo}'s thumbnail (a cell showing it): served before those asked for earlier. */
    public void want(FolderPhoto photo) {
        if (closed || photo.state() == FolderPhoto.State.FAILED) {
            return;
        }
        if (photo.thumbnailProperty().get() != null) {
            kept.remove(photo);
            kept.add(photo); // wanted now: the last to go
            return;
        }
        waiting.remove(photo);
        waiting.addFirst(photo);
        while (waiting.size() > MAX_WAITING) {
            waiting.removeLast();
        }
        wake.run();
    }

    /** How many photos hold a thumbnail now. */
    public int keptCount() {
        return kept.size();
    }

    /** The next thumbnail to read, the latest wanted first: asked by {@link FolderWork} when it is free. */
    Optional<BackgroundTask<?>> nextTask() {
        if (closed || waiting.isEmpty()) {
            return Optional.empty();
        }
        FolderPhoto photo = waiting.pollFirst();
        return Optional.of(BackgroundTask.<ThumbnailReader.Thumbnail>of("Thumbnail of " + photo.name(),
                        context -> reader.read(photo.path(), SIDE))
                .onSuccess(thumbnail -> {
                    if (!closed) {
                        keep(photo, thumbnail);
                    }
                })
                .onFailure(error -> {
                    if (!closed) {
                        onFailure.accept(photo, Notice.reason(error));
                    }
                }));
    }

    private void keep(FolderPhoto photo, ThumbnailReader.Thumbnail thumbnail) {
        photo.showThumbnail(thumbnail);
        kept.remove(photo);
        kept.add(photo);
        Iterator<FolderPhoto> oldest = kept.iterator();
        while (kept.size() > capacity) {
            FolderPhoto dropped = oldest.next();
            oldest.remove();
            dropped.showThumbnail(null);
        }
    }

    /** Stops: nothing more is read, and the thumbnails are let go. */
    @Override
    public void close() {
        closed = true;
        waiting.clear();
        kept.forEach(p -> p.showThumbnail(null));
        kept.clear();
    }
}
