package app.retone.ui.task;

import java.util.function.BooleanSupplier;

/** The context of a task whose progress goes straight to its callback (executors that run on the UI thread). */
final class TaskContexts {

    private TaskContexts() {
    }

    static TaskContext direct(BackgroundTask<?> task, BooleanSupplier cancelled) {
        return new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                task.progressed(new BackgroundTask.Progress(task.title(), fraction, message));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
