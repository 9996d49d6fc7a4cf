package app.retone.ui;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Keeps the console to what a user needs to read. JavaFX says "Unsupported JavaFX configuration"
 * whenever it is loaded from the class path ({@code java -jar}: the installed app's own runtime has
 * it as modules and never says it), though it runs exactly the same there; and Java's preferences
 * say "Created user preferences directory." on a first run. Neither is something to act on; those
 * two lines are dropped and every other message stays (a filter on each of the two loggers, not a
 * level).
 */
final class QuietConsole {

    /** The loggers, kept here so they are not collected with their filters. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static final Logger PREFERENCES = Logger.getLogger("java.util.prefs");

    /** How JavaFX's class-path line begins (its cause, the module, follows). */
    static final String CLASS_PATH_LINE = "Unsupported JavaFX configuration";
    /** How the preferences' first-run line begins. */
    static final String FIRST_RUN_LINE = "Created user preferences directory";

    private QuietConsole() {
    }

    static void apply() {
        drop(JAVAFX, CLASS_PATH_LINE);
        drop(PREFERENCES, FIRST_RUN_LINE);
    }

    /** {@code logger} drops the messages that begin with {@code start}, and lets the rest through its filter as before. */
    private static void drop(Logger logger, String start) {
        Filter previous = logger.getFilter();
        logger.setFilter(record -> !String.valueOf(record.getMessage()).startsWith(start)
                && (previous == null || previous.isLoggable(record)));
    }
}
