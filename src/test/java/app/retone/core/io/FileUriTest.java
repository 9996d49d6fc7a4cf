package app.retone.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The canonical file URI, checked against what GLib's {@code gio info} printed for the same paths
 * (GLib 2.74, the library GNOME's file manager names its thumbnails with).
 */
class FileUriTest {

    @Test
    void theStandardsExampleHasThreeSlashesAndNothingEncoded() {
        assertEquals("file:///home/jens/photos/me.png", FileUri.canonical(Path.of("/home/jens/photos/me.png")));
    }

    @Test
    void spacesAndNonAsciiLettersArePercentEncodedAsUtf8InUpperCase() {
        assertEquals("file:///tmp/uri%20test/%C3%A9t%C3%A9%20%231%3Bx%3F%5Ba%5D%25.png",
                FileUri.canonical(Path.of("/tmp/uri test/été #1;x?[a]%.png")));
        assertEquals("file:///tmp/uri%20test/%C3%BC%E2%82%AC%F0%9F%98%80",
                FileUri.canonical(Path.of("/tmp/uri test/ü€😀")), "two, three and four UTF-8 bytes");
    }

    @Test
    void thePunctuationRfc2396AllowsInAPathIsKeptAndTheRestEncoded() {
        assertEquals("file:///tmp/uri%20test/a!$&'()*+,:=@~-_.b%60%7B%7D%7C%5E%22%3C%3E%5Cx",
                FileUri.canonical(Path.of("/tmp/uri test/a!$&'()*+,:=@~-_.b`{}|^\"<>\\x")));
    }

    @Test
    void aRelativePathIsMadeAbsoluteAndNormalised() {
        String uri = FileUri.canonical(Path.of("photos/../me.png"));
        assertEquals(FileUri.canonical(Path.of("").toAbsolutePath().resolve("me.png")), uri);
        assertTrue(uri.startsWith("file:///") && uri.endsWith("/me.png") && !uri.contains(".."), uri);
    }
}
