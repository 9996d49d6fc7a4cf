package app.retone.ui.task;

import java.util.concurrent.CancellationException;

/** What a running task may tell its executor, and ask it. */
public interface TaskContext {

    /** Reports progress, {@code fraction} in 0..1 (negative: unknown), with a short message. */
    void progress(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} when the task was cancelled; call it between steps. */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
