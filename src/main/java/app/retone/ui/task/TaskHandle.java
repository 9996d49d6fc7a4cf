package app.retone.ui.task;

/** A submitted task: cancel it, or ask whether it is over. */
public interface TaskHandle {

    /** A handle for no work at all. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /** Asks the work to stop; its success callback will not run. Safe to call more than once. */
    void cancel();

    /** True once the task finished, failed or was cancelled. */
    boolean isDone();
}
