package app.retone.core;

/**
 * The one home of the text a user reads for a failure, shared by the desktop app and the command
 * line. Retone's typed exceptions already say what went wrong in words a photographer can act
 * on, so their message is the text; an exception without one is named by its type.
 */
public final class Errors {

    private Errors() {
    }

    /** The error's own message, or its type's simple name when it has none (never null, never blank). */
    public static String message(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message;
    }

    /** {@link #message} on one line: for a terminal or a log, where a line break would split it. */
    public static String oneLine(Throwable error) {
        return message(error).replace('\n', ' ');
    }
}
