package app.retone.ui.task;

/**
 * Runs long work off the user interface thread and hands its outcome back on it.
 *
 * <p>The app's implementation ({@link PoolTaskExecutor}) uses a small pool of worker threads and
 * delivers callbacks on the JavaFX application thread; tests use {@link DirectTaskExecutor},
 * which runs everything at once on the calling thread, so view models can be tested without a
 * toolkit.
 */
public interface TaskExecutor extends AutoCloseable {

    /** Starts {@code task}; its callbacks arrive on the UI thread (or the caller's, for the direct executor). */
    <T> TaskHandle submit(BackgroundTask<T> task);

    /**
     * Starts a brief task: a few milliseconds of reading a file or two (a cached thumbnail), never
     * long work. The app's executor runs these on a thread of their own, so they never wait behind
     * the long work on its workers (a photo decoding, a look being made) and take no worker from
     * it; other executors run them as any task.
     */
    default <T> TaskHandle submitBrief(BackgroundTask<T> task) {
        return submit(task);
    }

    /** Runs {@code action} on the UI thread, later. Used for coalesced repaints and results. */
    void runOnUiThread(Runnable action);

    /**
     * Runs {@code action} on the UI thread after {@code delay} (a debounce). Executors without a
     * clock, such as the tests' direct ones, run it at once.
     */
    default void runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        runOnUiThread(action);
    }

    /** The clock {@link #runOnUiThreadAfter} delays are measured on, in nanoseconds (the tests' executors keep their own). */
    default long nanoTime() {
        return System.nanoTime();
    }

    @Override
    void close();
}
