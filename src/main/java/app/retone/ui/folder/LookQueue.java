package app.retone.ui.folder;

import app.retone.ui.editor.Notice;
import app.retone.ui.editor.Look;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.editor.PreparedPhoto;
import app.retone.ui.task.BackgroundTask;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the automatic look to make next for a folder, one photo at a time (run by {@link FolderWork}):
 * first the photos beside the one on screen (kept, prepared, so that moving to them shows them
 * with their look at once), then every photo still waiting, nearest the one on screen first (its
 * look made to know that it can be, and let go: only its LUT is made, no display copy or frames). At
 * most one piece of work is ever submitted, and the next is chosen only when it ends, from the
 * folder as it is then: the queue is bounded by construction, follows the user's moves, and
 * holds no photo it is not working on. {@link #close} stops it for good.
 */
final class LookQueue implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LookQueue.class);

    /** A photo made ready to show: prepared (what the screen needs, not its full-resolution pixels), with its look. */
    record Ready(FolderPhoto photo, PreparedPhoto prepared, Look look, PhotoSettings settings) {
    }

    /** What the queue needs of the folder, asked on the UI thread each time it chooses. */
    interface Folder {
        List<FolderPhoto> photos();

        /** The index of the photo on screen, or -1. */
        int current();

        /** Whether a photo beside the one on screen is already prepared for {@code settings}. */
        boolean isPrepared(FolderPhoto photo);

        /** The background step for a photo to keep beside the one on screen (prepared, with its look), its settings fixed now. */
        BackgroundTask.Work<Ready> prepareWork(FolderPhoto photo);

        /**
         * The background step for any other photo: its look made, to know that it can be (the
         * filmstrip marks it), and nothing kept: no display copy, no slider frames.
         */
        BackgroundTask.Work<?> lookWork(FolderPhoto photo);

        /** A photo beside the one on screen was prepared, with its look. */
        void prepared(Ready ready);

        /** A photo's look was made, and let go. */
        void lookMade(FolderPhoto photo);

        void failed(FolderPhoto photo, String reason);
    }

    /** The next piece of work: a photo, and whether it is to be kept prepared. */
    record Job(FolderPhoto photo, boolean keep) {
    }

    private final Folder folder;
    private final Runnable wake;
    private boolean paused;
    private boolean closed;
    /** Photos whose work found no room in memory, put off until another photo comes on screen. */
    private final java.util.Set<FolderPhoto> putOff = new java.util.HashSet<>();
    /** The photo on screen when they were put off. */
    private int putOffAt = -1;

    /** {@code wake} asks the folder's {@link FolderWork} to look for work again. */
    LookQueue(Folder folder, Runnable wake) {
        this.folder = folder;
        this.wake = wake;
    }

    /** Looks again for work (the folder, the photo on screen or a photo's settings changed). */
    void wake() {
        wake.run();
    }

    /** The next piece of work, if any: asked by {@link FolderWork} when it is free. */
    Optional<BackgroundTask<?>> nextTask() {
        if (paused || closed) {
            return Optional.empty();
        }
        if (folder.current() != putOffAt) {
            putOff.clear();
            putOffAt = folder.current();
        }
        return next(folder.photos(), folder.current(), folder::isPrepared, putOff::contains).map(job -> {
            FolderPhoto photo = job.photo();
            BackgroundTask<?> task = job.keep()
                    ? BackgroundTask.of("Look of " + photo.name(), folder.prepareWork(photo)).onSuccess(ready -> {
                        if (!closed) {
                            folder.prepared(ready);
                        }
                    })
                    : BackgroundTask.of("Look of " + photo.name(), folder.lookWork(photo)).onSuccess(made -> {
                        if (!closed) {
                            folder.lookMade(photo);
                        }
                    });
            return task.onFailure(error -> {
                if (closed) {
                    return;
                }
                if (app.retone.core.image.ImageReadException.isNoRoomNow(error)) {
                    putOff.add(photo); // work ahead is best effort: the photo itself may well open (it is tried again when shown)
                    LOG.warn("Memory is short: the work ahead on {} is put off ({})", photo.name(), Notice.reason(error));
                } else {
                    folder.failed(photo, Notice.reason(error));
                }
            });
        });
    }

    /** Holds back new work (a batch export needs the cores); the piece under way finishes. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        wake();
    }

    /** Stops for good: a result that arrives after is dropped. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * The order of the work: the photos just after and just before the one on screen, to keep
     * (unless prepared already or failed); then the nearest photo whose look is still waiting
     * (after before before at equal distance); photos {@code putOff} are passed over. The photo
     * on screen is the editor's own.
     */
    static Optional<Job> next(List<FolderPhoto> photos, int current, java.util.function.Predicate<FolderPhoto> prepared,
                              java.util.function.Predicate<FolderPhoto> putOff) {
        if (current < 0 || current >= photos.size()) {
            return Optional.empty();
        }
        for (int side : new int[] {1, -1}) {
            int i = current + side;
            if (i >= 0 && i < photos.size()) {
                FolderPhoto neighbour = photos.get(i);
                if (neighbour.state() != FolderPhoto.State.FAILED && !prepared.test(neighbour) && !putOff.test(neighbour)) {
                    return Optional.of(new Job(neighbour, true));
                }
            }
        }
        for (int distance = 1; distance < photos.size(); distance++) {
            for (int side : new int[] {1, -1}) {
                int i = current + side * distance;
                if (i >= 0 && i < photos.size() && photos.get(i).state() == FolderPhoto.State.WAITING
                        && !putOff.test(photos.get(i))) {
                    return Optional.of(new Job(photos.get(i), false));
                }
            }
        }
        return Optional.empty();
    }
}
