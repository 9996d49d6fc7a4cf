package app.retone.ui.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One piece of background work and what to do with its outcome. The callbacks run on the UI
 * thread; {@code onSuccess} never runs for a cancelled task, {@code onFailure} never receives a
 * cancellation.
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a worker thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    /** Progress as the UI shows it. */
    public record Progress(String title, double fraction, String message) {
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Consumer<Progress> onProgress = progress -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Progress> action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    /**
     * Runs last, after success, failure or cancellation. Actions add up, in the order given (the
     * view model's own, then the status bar's bookkeeping), rather than replace each other.
     */
    public BackgroundTask<T> onFinished(Runnable action) {
        Objects.requireNonNull(action);
        Runnable before = this.onFinished;
        this.onFinished = () -> {
            try {
                before.run();
            } finally {
                action.run();
            }
        };
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void progressed(Progress progress) {
        onProgress.accept(progress);
    }

    void finished() {
        onFinished.run();
    }
}
