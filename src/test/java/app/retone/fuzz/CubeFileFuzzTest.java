package app.retone.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.CubeFile;
import app.retone.testing.CubeReader;
import app.retone.testing.CubeFormatException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Any text given to {@link CubeReader#read(java.io.Reader)} gives a table or a
 * {@link CubeFormatException} that names the line (or, for a problem of the whole file, says
 * which): never another exception, and never memory out of proportion to the text.
 */
@Timeout(10)
class CubeFileFuzzTest {

    /** A line's problem names the line; the others are about the file as a whole. */
    private static final Pattern MESSAGE = Pattern.compile(
            "line \\d+: .+|no LUT_3D_SIZE: .+|the table has \\d+ entries, .+|DOMAIN_MAX must be .+", Pattern.DOTALL);

    @FuzzTest(maxDuration = "60s")
    void read(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // as CubeReader.read(Path) reads a file
        ColorLut3D[] lut = new ColorLut3D[1];
        // parsing makes garbage line by line, but what it keeps grows with the table it read
        FuzzChecks.assertAllocatesAtMost((8L << 20) + 512L * bytes.length, "reading a " + bytes.length + "-byte .cube",
                () -> lut[0] = readOrRefuse(text));
        if (lut[0] == null) {
            return;
        }
        float[] nodes = lut[0].nodes();
        int n = lut[0].size();
        assertEquals(3 * n * n * n, nodes.length);
        for (float v : nodes) {
            assertTrue(Float.isFinite(v), "a table read from a file holds " + v);
        }
        // what Retone writes, it reads back
        StringWriter out = new StringWriter();
        CubeFile.write(lut[0], "fuzz", out);
        assertEquals(n, CubeReader.read(new StringReader(out.toString())).size());
    }

    /** The table, or null when the reader refused the text as it should. */
    private static ColorLut3D readOrRefuse(String text) throws IOException {
        try {
            return CubeReader.read(new StringReader(text));
        } catch (CubeFormatException e) {
            String message = FuzzChecks.assertOneLine(e);
            assertTrue(MESSAGE.matcher(message).matches(), () -> "message names no line: " + message);
            return null;
        }
    }
}
