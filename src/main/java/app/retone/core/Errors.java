package app.retone.core;

/**
 * The one home of the text a user reads for a failure, shared by the desktop app and the command
 * line. Retone's typed exceptions already say what went wrong in words a photographer can act
 * on, so their message is the text; an exception without one is named by its type.
 *
 * <p>Two uses, two forms: {@link #message} (and {@link #oneLine}) is a failure said on its own
 * (a notice, a line of the command line's list); {@link #describe} is a cause quoted inside
 * another sentence ("cannot be read (…)"), where the text may come from a decoder or the file
 * itself, so it is made {@link #printable} and kept short.
 */
public final class Errors {

    /** The longest text {@link #printable} keeps (then "..."). */
    public static final int MAX_QUOTED = 200;

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

    /**
     * A cause to quote inside another sentence: the error's {@link #message}, with its root cause's
     * when that says something more, {@link #printable}.
     */
    public static String describe(Throwable error) {
        String text = message(error);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != error && root.getMessage() != null && !text.contains(root.getMessage())) {
            text = text + ": " + root.getMessage();
        }
        return printable(text);
    }

    /**
     * Text from a decoder or a file as one line a person can read: it may quote bytes of the file (a
     * chunk's name), so line breaks and tabs become one space, other control characters '?', and it
     * is cut at {@value #MAX_QUOTED} characters. Null or nothing printable is "(no details)".
     */
    public static String printable(String text) {
        if (text == null) {
            return "(no details)";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_QUOTED + 3));
        for (int i = 0; i < text.length() && sb.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');   // line breaks and tabs: one space
                }
            } else {
                sb.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        if (text.length() > MAX_QUOTED) {
            sb.append("...");
        }
        String line = sb.toString().strip();
        return line.isEmpty() ? "(no details)" : line;
    }
}
