package app.retone.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.JavaRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's real settings store, java.util.prefs: what one run of the app puts there, the next
 * run finds. Each run is a JVM of its own with its preferences in a temporary folder, so the
 * test neither reads nor touches the user's own.
 */
class PreferencesSettingsTest {

    @TempDir
    Path dir;

    /**
     * {@code write KEY=VALUE...} puts and flushes; {@code write-long KEY N} puts N characters;
     * {@code read KEY...} prints each value (or its length when over 80 characters) or "-".
     */
    public static void main(String[] args) {
        PreferencesSettings settings = PreferencesSettings.forApp();
        if (args[0].equals("write-long")) {
            settings.put(args[1], "x".repeat(Integer.parseInt(args[2])));
            settings.flush();
        } else if (args[0].equals("write")) {
            for (int i = 1; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                settings.put(kv[0], kv[1]);
            }
            settings.flush();
        } else {
            for (int i = 1; i < args.length; i++) {
                String value = settings.get(args[i]).orElse("-");
                System.out.println(args[i] + " " + (value.length() > 80 ? value.length() + " characters" : value));
            }
        }
    }

    private JavaRuns.Run run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-Dretone.prefs=/app/retone-test", PreferencesSettingsTest.class.getName()));
        command.addAll(List.of(args));
        return JavaRuns.java(dir, "-Xmx128m", command, 60);
    }

    @Test
    void whatOneRunRemembersTheNextRunFinds() throws Exception {
        JavaRuns.Run write = run("write", "window.width=1440.0", "lastFolder=/home/me/Pictures/Summer 2026", "recent.0=/tmp/a b.jpg");
        assertEquals(0, write.exit(), write.err());

        JavaRuns.Run read = run("read", "window.width", "lastFolder", "recent.0", "never.set");
        assertEquals(0, read.exit(), read.err());
        assertEquals(List.of("window.width 1440.0", "lastFolder /home/me/Pictures/Summer 2026", "recent.0 /tmp/a b.jpg",
                "never.set -"), read.out().lines().toList());
    }

    @Test
    void aValueTooLongForPreferencesIsNotKeptAndTheRestIs() throws Exception {
        int max = Preferences.MAX_VALUE_LENGTH;
        assertEquals(0, run("write-long", "fits", String.valueOf(max)).exit());
        JavaRuns.Run tooLong = run("write-long", "recent.list", String.valueOf(max + 1));
        assertEquals(0, tooLong.exit(), "nothing fails: " + tooLong.err());
        assertTrue(tooLong.out().contains("not remembered") || tooLong.err().contains("not remembered"),
                "it says why: " + tooLong.out() + tooLong.err());

        JavaRuns.Run read = run("read", "fits", "recent.list");
        assertEquals(List.of("fits " + max + " characters", "recent.list -"), read.out().lines().toList());
    }
}
