package app.retone.ui.folder;

import app.retone.core.image.Thumbnail;
import app.retone.core.image.ThumbnailSource;
import app.retone.ui.editor.Notice;
import app.retone.ui.task.BackgroundTask;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The filmstrip's thumbnails: read in the background, the latest wanted first (the cells in view
 * ask as they appear, so a fast scroll serves where it stops), and kept for at most {@code
 * capacity} photos, those wanted least recently dropped, so a folder of any size holds a bounded
 * number. Each wanted photo is looked for in the shared thumbnail cache first, several at a time,
 * in the folder's brief lane ({@link FolderWork#brief}: milliseconds, never behind a look); only
 * those not found there are made from the photo, one at a time, in the folder's lane of long work.
 * A photo whose thumbnail cannot be made is marked failed with the reader's reason. All methods
 * belong to the UI thread.
 */
public final class Thumbnails implements AutoCloseable {

    /** Size of a thumbnail's longer side, in pixels. */
    public static final int SIDE = 160;
    /** Wants waiting at most: older ones are forgotten (their cells will ask again if still shown). */
    static final int MAX_WAITING = 96;
    /** Photos looked for in the cache by one brief task at most (a view of the strip, and then some). */
    static final int LOOKUP_BATCH = 16;

    private final ThumbnailSource source;
    private final int capacity;
    private final BiConsumer<FolderPhoto, String> onFailure;
    private final Runnable wake;
    private final Runnable wakeBrief;
    /** Photos holding a thumbnail, least recently wanted first. */
    private final Set<FolderPhoto> kept = new LinkedHashSet<>();
    /** Wanted and not looked for in the cache yet, the latest wanted first. */
    private final Deque<FolderPhoto> waiting = new ArrayDeque<>();
    /** Not in the cache: to be made from the photo, the latest wanted first. */
    private final Deque<FolderPhoto> toMake = new ArrayDeque<>();
    /** Being looked for in the cache now. */
    private final Set<FolderPhoto> lookingUp = new HashSet<>();
    private boolean closed;

    /**
     * Thumbnails made in one lane only, without looking in a cache first. {@code onFailure} hears
     * of a photo that cannot be read (the folder marks it); {@code wake} asks the folder's {@link
     * FolderWork} to look for work.
     */
    public Thumbnails(ThumbnailSource source, int capacity, BiConsumer<FolderPhoto, String> onFailure, Runnable wake) {
        this(source, capacity, onFailure, wake, null);
    }

    /** Thumbnails looked for in the cache first, in the brief lane {@code wakeBrief} wakes ({@link #cachedTask}). */
    Thumbnails(ThumbnailSource source, int capacity, BiConsumer<FolderPhoto, String> onFailure, Runnable wake,
               Runnable wakeBrief) {
        this.source = source;
        this.capacity = capacity;
        this.onFailure = onFailure;
        this.wake = wake;
        this.wakeBrief = wakeBrief;
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
        if (lookingUp.contains(photo)) {
            return; // on its way
        }
        waiting.remove(photo);
        toMake.remove(photo);
        if (wakeBrief != null) {
            first(waiting, photo);
            wakeBrief.run();
        } else {
            first(toMake, photo);
            wake.run();
        }
    }

    private static void first(Deque<FolderPhoto> queue, FolderPhoto photo) {
        queue.addFirst(photo);
        while (queue.size() > MAX_WAITING) {
            queue.removeLast();
        }
    }

    /** How many photos hold a thumbnail now. */
    public int keptCount() {
        return kept.size();
    }

    /**
     * The next photos to look for in the cache, the latest wanted first, read together: asked by
     * the brief lane when it is free. Those found are shown; the others go to be made.
     */
    Optional<BackgroundTask<?>> cachedTask() {
        if (closed || waiting.isEmpty()) {
            return Optional.empty();
        }
        List<FolderPhoto> batch = new java.util.ArrayList<>();
        while (batch.size() < LOOKUP_BATCH && !waiting.isEmpty()) {
            batch.add(waiting.pollFirst());
        }
        lookingUp.addAll(batch);
        return Optional.of(BackgroundTask.<List<Optional<Thumbnail>>>of("Thumbnails from the cache",
                        context -> batch.parallelStream().map(photo -> source.cached(photo.path(), SIDE)).toList())
                .onSuccess(found -> {
                    if (!closed) {
                        arrived(batch, found);
                    }
                })
                .onFailure(error -> {
                    if (!closed) {
                        arrived(batch, Collections.nCopies(batch.size(), Optional.empty()));
                    }
                })
                .onFinished(() -> batch.forEach(lookingUp::remove)));
    }

    private void arrived(List<FolderPhoto> batch, List<Optional<Thumbnail>> found) {
        boolean make = false;
        for (int i = batch.size() - 1; i >= 0; i--) { // the latest wanted ends first in line
            FolderPhoto photo = batch.get(i);
            lookingUp.remove(photo);
            if (found.get(i).isPresent()) {
                keep(photo, found.get(i).get());
            } else if (!waiting.contains(photo)) {
                first(toMake, photo);
                make = true;
            }
        }
        if (make) {
            wake.run();
        }
    }

    /** The next thumbnail to make from its photo, the latest wanted first: asked by {@link FolderWork} when it is free. */
    Optional<BackgroundTask<?>> nextTask() {
        if (closed || toMake.isEmpty()) {
            return Optional.empty();
        }
        FolderPhoto photo = toMake.pollFirst();
        return Optional.of(BackgroundTask.<Thumbnail>of("Thumbnail of " + photo.name(),
                        context -> source.read(photo.path(), SIDE))
                .onSuccess(thumbnail -> {
                    if (!closed) {
                        keep(photo, thumbnail);
                    }
                })
                .onFailure(error -> {
                    // no room at that moment says nothing about the photo: no thumbnail now, asked again when wanted again
                    if (!closed && !app.retone.core.image.ImageReadException.isNoRoomNow(error)) {
                        onFailure.accept(photo, Notice.reason(error));
                    }
                }));
    }

    private void keep(FolderPhoto photo, Thumbnail thumbnail) {
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
        toMake.clear();
        kept.forEach(p -> p.showThumbnail(null));
        kept.clear();
    }
}
