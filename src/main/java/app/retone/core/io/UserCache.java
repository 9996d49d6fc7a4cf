package app.retone.core.io;

import java.nio.file.Path;

/**
 * The user's cache directory, the one home of its rule: {@code -Dretone.cacheHome} if set (tests, a
 * portable install), else {@code $XDG_CACHE_HOME} if it is an absolute path (the XDG Base Directory
 * rule: a relative one is ignored), else {@code ~/.cache}. The shared thumbnails and ONNX Runtime's
 * native libraries are kept under it.
 */
public final class UserCache {

    /** The system property that stands for {@code $XDG_CACHE_HOME}. */
    public static final String PROPERTY = "retone.cacheHome";

    private UserCache() {
    }

    /** The user's cache directory now, by the rule above. */
    public static Path home() {
        return home(System.getProperty(PROPERTY), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /** The cache directory from the property, the environment's {@code XDG_CACHE_HOME} and the user's home. */
    static Path home(String property, String xdgCacheHome, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome);
        }
        return Path.of(userHome, ".cache");
    }
}
