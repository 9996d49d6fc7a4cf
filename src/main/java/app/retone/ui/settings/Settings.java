package app.retone.ui.settings;

import java.util.Optional;

/** What the app remembers between runs: window geometry, split positions, folders, recent files. */
public interface Settings {

    Optional<String> get(String key);

    void put(String key, String value);

    default double getDouble(String key, double fallback) {
        return get(key).map(v -> {
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    default void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }
}
