package app.retone.testing;

import app.retone.core.color.ColorLut3D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads 3D LUTs in the Adobe / Resolve {@code .cube} text format, for the tests of what
 * {@link app.retone.core.color.CubeFile} writes: {@code LUT_3D_SIZE} (up to
 * {@link ColorLut3D#MAX_SIZE}), optional {@code TITLE}, {@code DOMAIN_MIN} and {@code DOMAIN_MAX},
 * then N³ lines of "r g b" with red varying fastest.
 *
 * <p>Test code: no feature of the app or the command line reads a {@code .cube} file. It was the
 * production reader until then, hardened by fuzzing ({@code CubeFileFuzzTest}, {@code .ci/fuzz},
 * {@code FuzzFindingsTest}), and is kept so, whole, so that a feature that applies a {@code .cube}
 * look can take it back into {@code core.color} with its fuzzing.
 */
public final class CubeReader {

    /** Larger files are not LUTs anyone meant to make (a 256³ table is about 400 MB of text). */
    private static final long MAX_BYTES = 512L << 20;
    /** Room for a 17³ table before the first growth. */
    private static final int INITIAL_VALUES = 3 * 17 * 17 * 17;

    private CubeReader() {
    }

    public static ColorLut3D read(Path path) throws IOException {
        long bytes = Files.size(path);
        if (bytes > MAX_BYTES) {
            throw new CubeFormatException(path.getFileName() + ": too large for a .cube file");
        }
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            return read(in, bytes);
        } catch (CubeFormatException e) {
            throw new CubeFormatException(path.getFileName() + ": " + e.getMessage());
        }
    }

    public static ColorLut3D read(Reader reader) throws IOException {
        return read(reader, Long.MAX_VALUE);
    }

    /** Reads a table; {@code bytes}, when known, bounds the size the header may claim (each entry needs 6 bytes or more). */
    private static ColorLut3D read(Reader reader, long bytes) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int size = -1;
        float[] min = {0, 0, 0};
        float[] max = {1, 1, 1};
        float[] nodes = null;
        int values = 0; // 3 × the entries LUT_3D_SIZE asks for
        int count = 0;
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).replace("\u00EF\u00BB\u00BF", "")
                    .replace("\uFEFF", "").trim();
            if (text.isEmpty()) {
                continue;
            }
            char first = text.charAt(0);
            boolean numeric = first == '-' || first == '+' || first == '.' || Character.isDigit(first);
            if (!numeric) {
                String[] parts = text.split("\\s+");
                String key = parts[0].toUpperCase(Locale.ROOT);
                if (nodes != null && count > 0) {
                    throw new CubeFormatException("line " + lineNo + ": keyword " + quote(parts[0]) + " after the table started");
                }
                switch (key) {
                    case "TITLE" -> { }
                    case "LUT_3D_SIZE" -> {
                        size = parseInt(parts, lineNo);
                        if (!ColorLut3D.isValidSize(size)) {
                            throw new CubeFormatException("line " + lineNo + ": LUT_3D_SIZE " + size + " is outside "
                                    + ColorLut3D.MIN_SIZE + ".." + ColorLut3D.MAX_SIZE);
                        }
                        if ((long) size * size * size * 6 > bytes) {
                            throw new CubeFormatException("line " + lineNo + ": LUT_3D_SIZE " + size
                                    + " needs more entries than the file can hold (is it truncated?)");
                        }
                        // the table grows as its entries arrive: a header alone cannot claim memory
                        values = 3 * size * size * size;
                        nodes = new float[Math.min(values, INITIAL_VALUES)];
                    }
                    case "LUT_1D_SIZE" -> throw new CubeFormatException("line " + lineNo
                            + ": this is a 1D LUT (LUT_1D_SIZE); only 3D LUTs are supported");
                    case "DOMAIN_MIN" -> min = parseTriple(parts, 1, lineNo);
                    case "DOMAIN_MAX" -> max = parseTriple(parts, 1, lineNo);
                    case "LUT_3D_INPUT_RANGE" -> {
                        float[] range = parseTriple(new String[] {parts[0], parts.length > 1 ? parts[1] : "",
                            parts.length > 2 ? parts[2] : "", "0"}, 1, lineNo);
                        min = new float[] {range[0], range[0], range[0]};
                        max = new float[] {range[1], range[1], range[1]};
                    }
                    default -> {
                        // other tools' keywords (LUT_IN_VIDEO_RANGE, LUT_OUT_VIDEO_RANGE, ...) do not change the table
                        if (!key.matches("[A-Z0-9_]+")) {
                            throw new CubeFormatException("line " + lineNo + ": unknown keyword " + quote(parts[0]));
                        }
                    }
                }
                continue;
            }
            if (nodes == null) {
                throw new CubeFormatException("line " + lineNo + ": table values before LUT_3D_SIZE");
            }
            if (count * 3 >= values) {
                throw new CubeFormatException("line " + lineNo + ": more than " + size + "³ entries");
            }
            float[] v = parseTriple(text.split("\\s+"), 0, lineNo);
            if (count * 3 == nodes.length) {
                nodes = Arrays.copyOf(nodes, (int) Math.min(values, 2L * nodes.length));
            }
            System.arraycopy(v, 0, nodes, 3 * count, 3);
            count++;
        }
        if (nodes == null) {
            throw new CubeFormatException("no LUT_3D_SIZE: not a 3D .cube file");
        }
        if (count * 3 != values) {
            throw new CubeFormatException("the table has " + count + " entries, LUT_3D_SIZE " + size + " needs "
                    + size * size * size + " (is the file truncated?)");
        }
        for (int c = 0; c < 3; c++) {
            if (!(max[c] > min[c])) {
                throw new CubeFormatException("DOMAIN_MAX must be greater than DOMAIN_MIN in every channel");
            }
        }
        boolean unitDomain = true;
        for (int c = 0; c < 3; c++) {
            unitDomain &= min[c] == 0f && max[c] == 1f;
        }
        // the domain says which inputs the nodes stand for; Retone's tables span inputs 0..1
        return ColorLut3D.of(size, unitDomain ? nodes : resampledFromDomain(size, nodes, min, max));
    }

    /**
     * The same mapping for a table whose nodes stood for inputs from {@code min} to {@code max}
     * (a .cube DOMAIN): each node at input x in 0..1 takes the trilinear value of the table at
     * (x − min) / (max − min), clamped to the table.
     */
    static float[] resampledFromDomain(int n, float[] rgb, float[] min, float[] max) {
        float[] out = new float[rgb.length];
        float[] pos = new float[3];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++, i += 3) {
                    int[] node = {r, g, b};
                    for (int c = 0; c < 3; c++) {
                        float x = node[c] / (n - 1f);
                        pos[c] = Math.max(0, Math.min(n - 1, (x - min[c]) / (max[c] - min[c]) * (n - 1)));
                    }
                    trilinearAt(n, rgb, pos, out, i);
                }
            }
        }
        return out;
    }

    private static void trilinearAt(int n, float[] rgb, float[] pos, float[] out, int at) {
        int r0 = Math.min((int) pos[0], n - 2);
        int g0 = Math.min((int) pos[1], n - 2);
        int b0 = Math.min((int) pos[2], n - 2);
        float fr = pos[0] - r0;
        float fg = pos[1] - g0;
        float fb = pos[2] - b0;
        for (int c = 0; c < 3; c++) {
            float v = 0;
            for (int k = 0; k < 8; k++) {
                int dr = k & 1;
                int dg = k >> 1 & 1;
                int db = k >> 2 & 1;
                float w = (dr == 1 ? fr : 1 - fr) * (dg == 1 ? fg : 1 - fg) * (db == 1 ? fb : 1 - fb);
                v += w * rgb[3 * ((r0 + dr) + n * ((g0 + dg) + n * (b0 + db))) + c];
            }
            out[at + c] = v;
        }
    }

    /**
     * A word from the file as an error message shows it: printable ASCII, at most 32 characters, so
     * a binary or hostile file cannot put control characters or a screenful of bytes on a terminal.
     */
    static String quote(String word) {
        int max = 32;
        StringBuilder sb = new StringBuilder(Math.min(word.length(), max) + 3);
        for (int i = 0; i < word.length() && i < max; i++) {
            char c = word.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return word.length() > max ? sb.append("...").toString() : sb.toString();
    }

    private static int parseInt(String[] parts, int lineNo) throws CubeFormatException {
        if (parts.length != 2) {
            throw new CubeFormatException("line " + lineNo + ": " + quote(parts[0]) + " takes one number");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new CubeFormatException("line " + lineNo + ": '" + quote(parts[1]) + "' is not a whole number");
        }
    }

    private static float[] parseTriple(String[] parts, int from, int lineNo) throws CubeFormatException {
        if (parts.length - from != 3) {
            throw new CubeFormatException("line " + lineNo + ": expected three numbers, found " + (parts.length - from));
        }
        float[] v = new float[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Float.parseFloat(parts[from + i]);
            } catch (NumberFormatException e) {
                throw new CubeFormatException("line " + lineNo + ": '" + quote(parts[from + i]) + "' is not a number");
            }
            if (!Float.isFinite(v[i])) {
                throw new CubeFormatException("line " + lineNo + ": '" + quote(parts[from + i]) + "' is not a finite number");
            }
        }
        return v;
    }
}
