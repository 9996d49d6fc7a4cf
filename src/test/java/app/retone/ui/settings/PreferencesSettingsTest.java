package app.retone.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.JavaRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /** {@code write KEY=VALUE...} puts and flushes; {@code read KEY...} prints each value or "-". */
    public static void main(String[] args) {
        PreferencesSettings settings = PreferencesSettings.forApp();
        if (args[0].equals("write")) {
            for (int i = 1; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                settings.put(kv[0], kv[1]);
            }
            settings.flush();
        } else {
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + " " + settings.get(args[i]).orElse("-"));
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
        JavaRuns.Run write = run("write", "window.width=1440.0", "lastFolder=/home/me/Pictures/Été 2026", "recent.0=/tmp/a b.jpg");
        assertEquals(0, write.exit(), write.err());

        JavaRuns.Run read = run("read", "window.width", "lastFolder", "recent.0", "never.set");
        assertEquals(0, read.exit(), read.err());
        assertEquals(List.of("window.width 1440.0", "lastFolder /home/me/Pictures/Été 2026", "recent.0 /tmp/a b.jpg",
                "never.set -"), read.out().lines().toList());
    }

    @Test
    void aValueTooLongForPreferencesIsNotKeptAndNothingFails() {
        Preferences node = Preferences.userRoot().node("/app/retone-test-" + ProcessHandle.current().pid());
        try {
            PreferencesSettings settings = new PreferencesSettings(node);
            settings.put("long", "x".repeat(Preferences.MAX_VALUE_LENGTH + 1));
            settings.put("short", "kept");
            assertEquals(Optional.empty(), settings.get("long"));
            assertEquals(Optional.of("kept"), settings.get("short"));
            assertEquals(2.5, settings.getDouble("missing", 2.5));
            settings.put("bad", "NaN");
            assertEquals(2.5, settings.getDouble("bad", 2.5), "a non-finite number falls back");
        } finally {
            try {
                node.removeNode();
            } catch (java.util.prefs.BackingStoreException e) {
                assertTrue(false, "could not clean up: " + e);
            }
        }
    }
}
