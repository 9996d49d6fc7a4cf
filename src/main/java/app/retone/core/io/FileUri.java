package app.retone.core.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The absolute canonical {@code file:} URI of a local file, as the freedesktop.org Thumbnail
 * Managing Standard names a thumbnail by it (RFC 2396, three slashes) and as GLib writes it
 * ({@code g_filename_to_uri}, which GNOME's file manager uses): the absolute path's UTF-8 bytes,
 * each byte that RFC 2396 does not allow in a path percent-encoded in upper-case hex. So
 * {@code /home/me/été 1.jpg} is {@code file:///home/me/%C3%A9t%C3%A9%201.jpg}; letters, digits,
 * {@code -_.!~*'()} and {@code /:@&=+$,} are kept, everything else (space, {@code ;?#%[]}, every
 * non-ASCII byte) is encoded. A thumbnail another program made is found only if both write the
 * same string, byte for byte.
 */
public final class FileUri {

    /** The bytes kept as they are (RFC 2396: unreserved, the path's own punctuation and the separator). */
    private static final boolean[] KEPT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            KEPT[c] = true;
            KEPT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            KEPT[c] = true;
        }
        for (char c : "-_.!~*'()/:@&=+$,".toCharArray()) {
            KEPT[c] = true;
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileUri() {
    }

    /** The canonical URI of {@code file}, made absolute and normalised (links are not followed: the path as given). */
    public static String canonical(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        if (java.io.File.separatorChar != '/') {
            path = "/" + path.replace(java.io.File.separatorChar, '/'); // C:\a → /C:/a
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        StringBuilder uri = new StringBuilder(bytes.length + 16).append("file://");
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 128 && KEPT[v]) {
                uri.append((char) v);
            } else {
                uri.append('%').append(HEX[v >>> 4]).append(HEX[v & 0xF]);
            }
        }
        return uri.toString();
    }
}
