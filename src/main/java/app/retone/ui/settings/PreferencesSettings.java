package app.retone.ui.settings;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings kept with {@link java.util.prefs}, in the user's preferences. */
public final class PreferencesSettings implements Settings {

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesSettings.class);
    private static final int MAX_VALUE_LENGTH = Preferences.MAX_VALUE_LENGTH;

    private final Preferences node;

    public PreferencesSettings(Preferences node) {
        this.node = node;
    }

    /** The app's own node ("/app/retone", or -Dretone.prefs=NODE for tests and trials). */
    public static PreferencesSettings forApp() {
        return new PreferencesSettings(Preferences.userRoot().node(System.getProperty("retone.prefs", "/app/retone")));
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(node.get(key, null));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            LOG.warn("setting '{}' not remembered: {} characters is more than preferences hold", key, value.length());
            return;
        }
        node.put(key, value);
    }

    /** Writes the settings out; failures are logged, since losing window sizes is no reason to fail. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("could not save settings: {}", e.getMessage());
        }
    }
}
