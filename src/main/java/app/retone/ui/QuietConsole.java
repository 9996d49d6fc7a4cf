package app.retone.ui;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the console to what a user needs to read. JavaFX says "Unsupported JavaFX configuration"
 * whenever it is loaded from the class path ({@code java -jar}: the installed app's own runtime has
 * it as modules and never says it), though it runs exactly the same there; and Java's preferences
 * say "Created user preferences directory" on a first run. Neither is something to act on; every
 * other message stays.
 */
final class QuietConsole {

    /** The loggers, kept here so they are not collected with their settings. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static final Logger PREFERENCES = Logger.getLogger("java.util.prefs");

    private QuietConsole() {
    }

    static void apply() {
        Filter previous = JAVAFX.getFilter();
        JAVAFX.setFilter(record -> !String.valueOf(record.getMessage()).startsWith("Unsupported JavaFX configuration")
                && (previous == null || previous.isLoggable(record)));
        PREFERENCES.setLevel(Level.WARNING);
    }
}
