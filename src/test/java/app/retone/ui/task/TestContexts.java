package app.retone.ui.task;

/** Task contexts for calling background steps straight from a test. */
public final class TestContexts {

    /** A context of no executor: never cancelled, progress dropped. */
    public static final TaskContext PLAIN = new TaskContext() {
        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    private TestContexts() {
    }
}
