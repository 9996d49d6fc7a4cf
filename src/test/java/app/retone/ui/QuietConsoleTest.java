package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quiet console drops exactly JavaFX's class-path line and the preferences' first-run line, and
 * passes every other message: logged as JavaFX and the JDK log them (through {@link System.Logger},
 * which reaches java.util.logging), and read where the console's handler would read them.
 */
class QuietConsoleTest {

    private static final String JAVAFX = "javafx";
    private static final String PREFERENCES = "java.util.prefs";

    private record Line(String logger, System.Logger.Level level, String message) {
    }

    private final List<String> passed = new CopyOnWriteArrayList<>();
    private final Handler console = new Handler() {
        @Override
        public void publish(LogRecord record) {
            passed.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final List<Runnable> restore = new ArrayList<>();

    @BeforeEach
    void listen() {
        for (String name : List.of(JAVAFX, PREFERENCES)) {
            Logger logger = Logger.getLogger(name);
            Filter filter = logger.getFilter();
            boolean parents = logger.getUseParentHandlers();
            logger.addHandler(console);
            logger.setUseParentHandlers(false); // the lines are read here, not printed
            restore.add(() -> {
                logger.removeHandler(console);
                logger.setFilter(filter);
                logger.setUseParentHandlers(parents);
            });
        }
    }

    @AfterEach
    void putBack() {
        restore.forEach(Runnable::run);
    }

    @Test
    void dropsJavaFxsClassPathLineAndThePreferencesFirstRunLineAndPassesEveryOtherMessage() {
        List<Line> quieted = List.of(
                new Line(JAVAFX, System.Logger.Level.WARNING,
                        "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @6d06d69c'"),
                new Line(PREFERENCES, System.Logger.Level.INFO, "Created user preferences directory."));
        List<Line> kept = List.of(
                new Line(JAVAFX, System.Logger.Level.WARNING, "System can't support ConditionalFeature.SCENE3D"),
                new Line(JAVAFX, System.Logger.Level.INFO, "a JavaFX line that mentions Unsupported JavaFX configuration later"),
                new Line(JAVAFX, System.Logger.Level.ERROR, "Exception in Application start method"),
                new Line(PREFERENCES, System.Logger.Level.WARNING, "Couldn't flush user prefs: java.util.prefs.BackingStoreException"),
                new Line(PREFERENCES, System.Logger.Level.INFO, "Created system preferences directory in java.home."),
                new Line(PREFERENCES, System.Logger.Level.WARNING, "Prefs file removed in background /home/a/.java/.userPrefs/prefs.xml"));
        log(quieted);
        log(kept);
        assertEquals(messages(quieted).size() + messages(kept).size(), passed.size(), "without the quiet console all pass");

        passed.clear();
        QuietConsole.apply();
        log(quieted);
        log(kept);
        assertEquals(messages(kept), passed, "only the two lines are dropped, every other message passes");
    }

    private static void log(List<Line> lines) {
        for (Line line : lines) {
            System.getLogger(line.logger()).log(line.level(), line.message());
        }
    }

    private static List<String> messages(List<Line> lines) {
        return lines.stream().map(Line::message).toList();
    }
}
