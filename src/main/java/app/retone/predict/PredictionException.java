package app.retone.predict;

/** The model could not be loaded or gave no usable answer; the message says why in a user's words. */
public final class PredictionException extends Exception {

    public enum Problem {
        MODEL_MISSING,
        MODEL_BROKEN,
        BAD_OUTPUT,
        FAILED
    }

    private final Problem problem;

    public PredictionException(Problem problem, String message) {
        this(problem, message, null);
    }

    public PredictionException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
