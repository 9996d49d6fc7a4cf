package app.retone.core.color;

import app.retone.core.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes 3D LUTs in the Adobe / Resolve {@code .cube} text format: {@code TITLE},
 * {@code LUT_3D_SIZE}, {@code DOMAIN_MIN} and {@code DOMAIN_MAX}, then N³ lines of "r g b" with red
 * varying fastest (the app's Export LUT and {@code retone lut}).
 *
 * <p>Nothing in Retone reads a {@code .cube} file, so there is no reader here; the tests read what
 * this writes with {@code app.retone.testing.CubeReader} (the former reader, fuzzed), which a
 * feature that applies {@code .cube} looks can bring back.
 */
public final class CubeFile {

    private CubeFile() {
    }

    public static void write(ColorLut3D lut, String title, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        out.write("# Created by Retone\n");
        if (title != null && !title.isBlank()) {
            out.write("TITLE \"" + asciiTitle(title) + "\"\n");
        }
        int n = lut.size();
        out.write("LUT_3D_SIZE " + n + "\n");
        out.write("DOMAIN_MIN 0.0 0.0 0.0\n");
        out.write("DOMAIN_MAX 1.0 1.0 1.0\n");
        float[] nodes = lut.nodes();
        for (int i = 0; i < nodes.length; i += 3) {
            sb.setLength(0);
            sb.append(format(nodes[i])).append(' ').append(format(nodes[i + 1])).append(' ')
                    .append(format(nodes[i + 2])).append('\n');
            out.write(sb.toString());
        }
    }

    /** Titles are one line of printable ASCII: file names may hold anything. */
    static String asciiTitle(String title) {
        StringBuilder sb = new StringBuilder(title.length());
        for (char c : title.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7F && c != '"' ? c : (c == '"' ? '\'' : '_'));
        }
        return sb.toString();
    }

    private static String format(float v) {
        float clamped = Math.max(0f, Math.min(1f, v));
        return String.format(Locale.ROOT, "%.6f", clamped);
    }

    /** Writes to a temporary file beside {@code path} and moves it into place. */
    public static void write(ColorLut3D lut, String title, Path path) throws IOException {
        Path target = path.toAbsolutePath().normalize();
        Path temp = AtomicFiles.siblingTemp(target);
        boolean moved = false;
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
                write(lut, title, out);
            }
            AtomicFiles.moveIntoPlace(temp, target, true);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
