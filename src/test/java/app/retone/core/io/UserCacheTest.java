package app.retone.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UserCacheTest {

    @Test
    void theCacheIsThePropertyThenAnAbsoluteXdgCacheHomeThenDotCacheInTheHome() {
        assertEquals(Path.of("/p"), UserCache.home("/p", "/xdg", "/home/me"));
        assertEquals(Path.of("/xdg"), UserCache.home(null, "/xdg", "/home/me"));
        assertEquals(Path.of("/home/me/.cache"), UserCache.home(null, "relative/xdg", "/home/me"),
                "a relative XDG_CACHE_HOME is ignored, as the XDG Base Directory rule says");
        assertEquals(Path.of("/home/me/.cache"), UserCache.home("", "", "/home/me"));
    }
}
