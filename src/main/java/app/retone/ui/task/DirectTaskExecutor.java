package app.retone.ui.task;

import java.util.concurrent.CancellationException;

/**
 * Runs each task at once, on the calling thread, with its callbacks on that thread too. For tests
 * of view models, which then need no toolkit and no waiting.
 */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        boolean[] cancelled = {false};
        TaskContext context = TaskContexts.direct(task, () -> cancelled[0]);
        try {
            T result = task.work().run(context);
            if (!cancelled[0]) {
                task.succeeded(result);
            }
        } catch (CancellationException e) {
            // cancelled from inside: nothing to report
        } catch (Exception | OutOfMemoryError e) {
            task.failed(e);
        } finally {
            task.finished();
        }
        return TaskHandle.NONE;
    }

    @Override
    public void runOnUiThread(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
    }
}
