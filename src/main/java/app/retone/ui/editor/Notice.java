package app.retone.ui.editor;

import app.retone.core.Errors;

/**
 * Something the user must be told: what happened and, specifically, why. An error stops the user
 * (a dialog); a warning, or a notice that {@code lasts} (a summary to read: a batch's), stays on the
 * window until closed; anything else passes after a few seconds.
 */
public record Notice(Severity severity, String title, String text, boolean lasts) {

    public enum Severity {
        INFO, WARNING, ERROR
    }

    public Notice(Severity severity, String title, String text) {
        this(severity, title, text, severity != Severity.INFO);
    }

    /** A report to read (what a batch wrote, skipped and why some failed): stays until closed. */
    public static Notice summary(String title, String text) {
        return new Notice(Severity.INFO, title, text, true);
    }

    public static Notice error(String title, String text) {
        return new Notice(Severity.ERROR, title, text);
    }

    public static Notice warning(String title, String text) {
        return new Notice(Severity.WARNING, title, text);
    }

    public static Notice info(String title, String text) {
        return new Notice(Severity.INFO, title, text);
    }

    /**
     * A user's one-line reason for a failure: the shared error text ({@link Errors#message}), and
     * for a photo too large for memory, the heap it did not fit in.
     */
    public static String reason(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "not enough memory for this photo (the app's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB)";
        }
        return Errors.message(error);
    }
}
