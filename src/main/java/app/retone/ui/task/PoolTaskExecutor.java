package app.retone.ui.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's executor: a small pool of daemon worker threads, and one more thread for brief tasks
 * ({@link #submitBrief}); callbacks go to the UI thread through {@code uiThread} (the app passes
 * {@code Platform::runLater}). Progress reports are coalesced, so a chatty task never floods the
 * UI thread.
 */
public final class PoolTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(PoolTaskExecutor.class);

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;

    private final ExecutorService pool;
    /** Brief tasks' own thread: they never queue behind long work, and long work never behind them. */
    private final ExecutorService brief = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retone-brief");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        return thread;
    });
    private final Executor uiThread;
    /** The clock of {@link #runOnUiThreadAfter}: one daemon thread that only hands actions to the UI thread. */
    private final java.util.concurrent.ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "retone-timer");
                thread.setDaemon(true);
                return thread;
            });

    public PoolTaskExecutor(int threads, Executor uiThread) {
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "retone-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1); // the UI thread comes first
            return thread;
        });
        this.uiThread = uiThread;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        return submit(pool, task);
    }

    @Override
    public <T> TaskHandle submitBrief(BackgroundTask<T> task) {
        return submit(brief, task);
    }

    private <T> TaskHandle submit(ExecutorService threads, BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        // QUEUED → RUNNING → DONE, or QUEUED → DONE when cancelled before it started
        AtomicInteger state = new AtomicInteger(QUEUED);
        AtomicReference<BackgroundTask.Progress> pendingProgress = new AtomicReference<>();
        // the handle reaches the task (its callbacks, and all they hold) only until it is done: a
        // caller may keep a finished task's handle as long as it likes
        AtomicReference<BackgroundTask<T>> held = new AtomicReference<>(task);
        TaskContext context = new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                BackgroundTask.Progress progress = new BackgroundTask.Progress(task.title(), fraction, message);
                if (pendingProgress.getAndSet(progress) == null) {
                    uiThread.execute(() -> {
                        BackgroundTask.Progress latest = pendingProgress.getAndSet(null);
                        if (latest != null && !cancelled.get() && state.get() != DONE) {
                            task.progressed(latest);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        Future<?> future = threads.submit(() -> {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return; // cancelled while queued
            }
            Runnable outcome;
            try {
                context.checkCancelled();
                T result = task.work().run(context);
                outcome = () -> {
                    if (!cancelled.get()) {
                        task.succeeded(result);
                    }
                };
            } catch (Throwable error) {
                boolean cancellation = cancelled.get() || error instanceof CancellationException
                        || error instanceof InterruptedException;
                if (!cancellation) {
                    LOG.debug("task '{}' failed", task.title(), error);
                }
                outcome = () -> {
                    if (!cancellation) {
                        task.failed(error);
                    }
                };
            }
            Runnable report = outcome;
            Thread.interrupted(); // a late cancel must not leak an interrupt into the pool
            uiThread.execute(() -> {
                state.set(DONE);
                held.set(null);
                try {
                    report.run();
                } finally {
                    task.finished();
                }
            });
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                if (cancelled.compareAndSet(false, true)) {
                    if (state.compareAndSet(QUEUED, DONE)) {
                        future.cancel(false);
                        BackgroundTask<T> queued = held.getAndSet(null);
                        if (queued != null) {
                            uiThread.execute(queued::finished);
                        }
                    } else {
                        future.cancel(true);
                    }
                }
            }

            @Override
            public boolean isDone() {
                return state.get() == DONE;
            }
        };
    }

    @Override
    public void runOnUiThread(Runnable action) {
        uiThread.execute(action);
    }

    @Override
    public void runOnUiThreadAfter(java.time.Duration delay, Runnable action) {
        try {
            timer.schedule(() -> uiThread.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("closed: a delayed action is dropped");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        brief.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After {@link #close}: waits until work deaf to interrupts has ended too; false if it has not by then. */
    public boolean awaitClosed(java.time.Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
