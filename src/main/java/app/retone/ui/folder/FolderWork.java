package app.retone.ui.folder;

import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A lane of a folder's background work on the app's executor, one piece at a time: when one
 * ends, the sources are asked in their order of priority (the thumbnails in view before the
 * looks) for the next. So the folder never holds more than one worker, and the user's own work
 * (opening, the detail, an export) always finds the other free; and nothing is queued ahead, so
 * the next piece is chosen from the folder as it is when the last ends. A second, {@link #brief}
 * lane reads thumbnails from the shared cache on the executor's thread for brief tasks, so that
 * they never wait seconds behind a look. All methods belong to the UI thread.
 */
final class FolderWork implements AutoCloseable {

    /** How a lane hands its pieces to the executor. */
    @FunctionalInterface
    private interface Submitter {
        TaskHandle submit(BackgroundTask<?> task);
    }

    private final Submitter executor;
    private final List<Supplier<Optional<BackgroundTask<?>>>> sources = new ArrayList<>();
    private TaskHandle running = TaskHandle.NONE;
    private boolean busy;
    private boolean closed;

    /** The folder's lane of long work, on {@code executor}'s workers. */
    FolderWork(TaskExecutor executor) {
        this.executor = executor::submit;
    }

    private FolderWork(Submitter submitter) {
        this.executor = submitter;
    }

    /**
     * A lane of brief work ({@link TaskExecutor#submitBrief}: cached thumbnails, milliseconds each),
     * one piece at a time like the other, beside it: it never waits behind a look being made.
     */
    static FolderWork brief(TaskExecutor executor) {
        return new FolderWork(executor::submitBrief);
    }

    /** Adds a source of work, after those added before it in priority. */
    void add(Supplier<Optional<BackgroundTask<?>>> source) {
        sources.add(source);
    }

    /** Starts the most urgent piece of work, unless one runs. */
    void wake() {
        if (busy || closed) {
            return;
        }
        for (Supplier<Optional<BackgroundTask<?>>> source : sources) {
            Optional<BackgroundTask<?>> next = source.get();
            if (next.isPresent()) {
                busy = true;
                try {
                    running = executor.submit(next.get().onFinished(() -> {
                        busy = false;
                        wake();
                    }));
                } catch (RejectedExecutionException e) {
                    busy = false; // the app is closing: nothing more to do
                    closed = true;
                }
                return;
            }
        }
    }

    /** Whether a piece of work runs now. */
    boolean isBusy() {
        return busy;
    }

    /** Stops for good: the piece under way is cancelled, nothing more starts. */
    @Override
    public void close() {
        closed = true;
        running.cancel();
    }
}
