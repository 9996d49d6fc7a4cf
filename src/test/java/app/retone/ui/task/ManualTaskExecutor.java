package app.retone.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;

/**
 * Holds submitted tasks until the test runs them, one by one, on the test's thread: a way to
 * put work "in flight" and decide the order in which it finishes.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final class Pending<T> implements TaskHandle {
        final BackgroundTask<T> task;
        boolean cancelled;
        boolean done;

        Pending(BackgroundTask<T> task) {
            this.task = task;
        }

        void run() {
            TaskContext context = TaskContexts.direct(task, () -> cancelled);
            try {
                T result = task.work().run(context);
                if (!cancelled) {
                    task.succeeded(result);
                }
            } catch (CancellationException e) {
                // cancelled
            } catch (Exception e) {
                if (!cancelled) {
                    task.failed(e);
                }
            } finally {
                done = true;
                task.finished();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }

    private final Deque<Pending<?>> queue = new ArrayDeque<>();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        Pending<T> pending = new Pending<>(task);
        queue.add(pending);
        return pending;
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the oldest pending task (which may submit more). */
    public void runNext() {
        queue.removeFirst().run();
    }

    /** Runs the newest pending task first. */
    public void runLatest() {
        queue.removeLast().run();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        queue.clear();
    }
}
