package app.retone.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A device RGB profile of the kind scanners and printers carry: no primaries and curves (rXYZ,
 * rTRC…), only lookup tables (A2B0 and B2A0, ICC.1:2001-04's lut16Type 'mft2'), so that only a
 * colour management module such as LittleCMS can convert its values. None ships with Debian's
 * profile packages, so it is written here, as ICC v2 lays it out. Its tables are sampled from a
 * known space, Adobe RGB (1998): its D50 primaries as colord's AdobeRGB1998.icc gives them, its
 * 563/256 gamma; the connection space is XYZ, so the table between linear RGB and XYZ is a linear
 * map, which a 9-node grid holds exactly (A2B0), and back a 33-node grid over XYZ that clips to the
 * device's gamut at its nodes (B2A0).
 */
public final class LutProfiles {

    /** Adobe RGB (1998)'s red, green, blue in XYZ (D50): the columns. */
    static final double[][] ADOBE_RGB_TO_XYZ_D50 = {
        {0.60974, 0.20528, 0.14919},
        {0.31111, 0.62567, 0.06322},
        {0.01947, 0.06087, 0.74457}};
    static final double GAMMA = 563 / 256.0;

    private LutProfiles() {
    }

    /** The profile's bytes: class 'scnr', RGB, PCS XYZ, perceptual intent, tags desc, wtpt, A2B0, B2A0, cprt. */
    public static byte[] adobeRgbAsLookupTables() {
        double[][] toRgb = invert(ADOBE_RGB_TO_XYZ_D50);
        byte[] a2b0 = lut16(9, 4096, 2, // device → linear (input curves), linear → XYZ (grid), identity after
                x -> Math.pow(x, GAMMA),
                rgb -> toXyz(multiply(ADOBE_RGB_TO_XYZ_D50, rgb)),
                x -> x);
        byte[] b2a0 = lut16(33, 2, 4096, // identity before, XYZ → linear RGB clipped (grid), linear → device (output curves)
                x -> x,
                xyz16 -> clip(multiply(toRgb, new double[] {xyz16[0] * 65535 / 32768, xyz16[1] * 65535 / 32768,
                    xyz16[2] * 65535 / 32768})),
                x -> Math.pow(x, 1 / GAMMA));
        Object[][] tags = {
            {"desc", desc("Adobe RGB (1998) as lookup tables (Retone's tests)")},
            {"wtpt", xyz(0.9642, 1.0, 0.8249)},
            {"A2B0", a2b0},
            {"B2A0", b2a0},
            {"cprt", text("No copyright, use freely")},
        };
        int offset = 128 + 4 + 12 * tags.length;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Object[] tag : tags) {
            byte[] body = (byte[]) tag[1];
            table.writeBytes(((String) tag[0]).getBytes(StandardCharsets.US_ASCII));
            table.writeBytes(ByteBuffer.allocate(8).putInt(offset + data.size()).putInt(body.length).array());
            data.writeBytes(body);
            data.writeBytes(new byte[-body.length & 3]);
        }
        int size = offset + data.size();
        ByteBuffer header = ByteBuffer.allocate(128);
        header.putInt(size).put(ascii("none")).putInt(0x02100000).put(ascii("scnr")).put(ascii("RGB ")).put(ascii("XYZ "));
        header.putShort((short) 2026).putShort((short) 12).putShort((short) 8).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0);
        header.put(ascii("acsp")).putInt(0).putInt(0).putInt(0).putInt(0).putLong(0).putInt(0); // intent: perceptual
        header.put(s15(0.9642)).put(s15(1.0)).put(s15(0.8249)).putInt(0);
        ByteArrayOutputStream profile = new ByteArrayOutputStream(size);
        profile.writeBytes(header.array());
        profile.writeBytes(ByteBuffer.allocate(4).putInt(tags.length).array());
        profile.writeBytes(table.toByteArray());
        profile.writeBytes(data.toByteArray());
        return profile.toByteArray();
    }

    /** Values over the whole cube, Adobe RGB's primaries among them, at 8 bits. */
    public static java.awt.image.BufferedImage cube8() {
        int w = 64;
        int[] argb = new int[w * w];
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = 0xFF000000 | Math.min(255, x * 4) << 16 | Math.min(255, y * 4) << 8 | Math.min(255, (x + y) * 2);
            }
        }
        argb[0] = 0xFFFF0000;
        argb[1] = 0xFF00FF00;
        argb[2] = 0xFF0000FF;
        return TestImages.fromArgb(argb, w, w, false);
    }

    /** An 8-bit TIFF of {@link #cube8} with the device profile, {@link #adobeRgbAsLookupTables}. */
    public static java.nio.file.Path tiff8(java.nio.file.Path file) throws Exception {
        return TestImages.write(file, TestImages.tiffWithProfile(cube8(), adobeRgbAsLookupTables()));
    }

    /** A 16-bit TIFF of {@link TestImages#gradient16} with the device profile, {@link #adobeRgbAsLookupTables}. */
    public static java.nio.file.Path tiff16(java.nio.file.Path file) throws Exception {
        return TestImages.tiff16WithProfile(file, TestImages.gradient16(320, 200), adobeRgbAsLookupTables());
    }

    /**
     * An 'mft2' tag of 3 inputs and 3 outputs: input curves of {@code inputEntries}, a grid of
     * {@code grid}³ nodes (values in [0, 1] in, encoded 16-bit values out, as {@code node} gives
     * them for the node's [0, 1] coordinates), output curves of {@code outputEntries}; the matrix is the identity.
     */
    private static byte[] lut16(int grid, int inputEntries, int outputEntries, java.util.function.DoubleUnaryOperator in,
                                java.util.function.Function<double[], double[]> node, java.util.function.DoubleUnaryOperator out) {
        int nodes = grid * grid * grid;
        ByteBuffer b = ByteBuffer.allocate(52 + 2 * (3 * inputEntries + 3 * nodes + 3 * outputEntries));
        b.put(ascii("mft2")).putInt(0).put((byte) 3).put((byte) 3).put((byte) grid).put((byte) 0);
        for (int i = 0; i < 9; i++) {
            b.put(s15(i % 4 == 0 ? 1 : 0));
        }
        b.putShort((short) inputEntries).putShort((short) outputEntries);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < inputEntries; i++) {
                b.putShort(u16(in.applyAsDouble(i / (inputEntries - 1.0))));
            }
        }
        for (int r = 0; r < grid; r++) { // the first input varies slowest
            for (int g = 0; g < grid; g++) {
                for (int bl = 0; bl < grid; bl++) {
                    double[] v = node.apply(new double[] {r / (grid - 1.0), g / (grid - 1.0), bl / (grid - 1.0)});
                    for (double x : v) {
                        b.putShort(u16(x));
                    }
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < outputEntries; i++) {
                b.putShort(u16(out.applyAsDouble(i / (outputEntries - 1.0))));
            }
        }
        return b.array();
    }

    /** XYZ as lut16 encodes it for the connection space: 1.0 is 32768 of 65535. */
    private static double[] toXyz(double[] xyz) {
        return new double[] {xyz[0] * 32768 / 65535, xyz[1] * 32768 / 65535, xyz[2] * 32768 / 65535};
    }

    private static double[] clip(double[] v) {
        return new double[] {Math.min(1, Math.max(0, v[0])), Math.min(1, Math.max(0, v[1])), Math.min(1, Math.max(0, v[2]))};
    }

    private static short u16(double x) {
        return (short) Math.round(Math.min(1, Math.max(0, x)) * 65535);
    }

    private static byte[] desc(String text) {
        byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(12 + ascii.length + 8 + 3 + 67).put(ascii("desc")).putInt(0).putInt(ascii.length).put(ascii)
                .array(); // then no Unicode (language, count 0) and no ScriptCode (code, count, 67 bytes): zeros
    }

    private static byte[] text(String text) {
        byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + ascii.length).put(ascii("text")).putInt(0).put(ascii).array();
    }

    private static byte[] xyz(double x, double y, double z) {
        return ByteBuffer.allocate(20).put(ascii("XYZ ")).putInt(0).put(s15(x)).put(s15(y)).put(s15(z)).array();
    }

    private static byte[] s15(double v) {
        return ByteBuffer.allocate(4).putInt((int) Math.round(v * 65536)).array();
    }

    private static byte[] ascii(String four) {
        return four.getBytes(StandardCharsets.US_ASCII);
    }

    static double[] multiply(double[][] m, double[] v) {
        return new double[] {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
    }

    static double[][] invert(double[][] m) {
        double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2], g = m[2][0], h = m[2][1], k = m[2][2];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        return new double[][] {
            {(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det},
            {(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det},
            {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}};
    }
}
