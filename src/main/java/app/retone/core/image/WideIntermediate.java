package app.retone.core.image;

import app.retone.core.color.RgbSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The space a device profile's values (lookup tables, which only LittleCMS converts) are converted
 * into on load and back from on export, so that the look works on them unclipped, as on any photo:
 * ProPhoto RGB's primaries (ROMM RGB, D50) with a gamma of 1.8, wider than any device's gamut. It is
 * an ICC profile made here (matrix and curves), which LittleCMS converts into and out of, and whose
 * space Retone reads from the same bytes ({@link IccSpaces}), so both compute one space exactly.
 */
final class WideIntermediate {

    private static final String NAME = "ProPhoto RGB (a device profile's values, converted)";
    /** ROMM RGB's primaries as D50 XYZ (the ICC connection space), columns R, G, B. */
    private static final double[][] PRIMARIES = {
            {0.7976749, 0.1351917, 0.0313534},
            {0.2880402, 0.7118741, 0.0000857},
            {0.0000000, 0.0000000, 0.8252100}};
    private static final double[] D50 = {0.9642, 1.0, 0.8249};
    /** The curve's gamma as an ICC curv stores it (u8Fixed8): 461 / 256 = 1.80078. */
    private static final int GAMMA_U8F8 = 461;

    static final byte[] PROFILE = profile();
    static final ICC_ColorSpace COLOR_SPACE = new ICC_ColorSpace(ICC_Profile.getInstance(PROFILE));
    static final RgbSpace SPACE = IccSpaces.of(PROFILE, NAME).orElseThrow();

    private WideIntermediate() {
    }

    /** An ICC v2 display profile: header, tag table, then desc, cprt, wtpt, r/g/bXYZ and one curv for r/g/bTRC. */
    private static byte[] profile() {
        String[] signatures = {"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"};
        byte[][] data = {desc(NAME), text("No copyright: made by Retone"), xyz(D50), xyz(column(0)), xyz(column(1)),
                xyz(column(2)), curv(), null, null};
        data[7] = data[6];
        data[8] = data[6];
        int tableEnd = 128 + 4 + 12 * signatures.length;
        int[] offsets = new int[signatures.length];
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < signatures.length; i++) {
            if (i >= 7) {
                offsets[i] = offsets[6]; // the three curves share one
                continue;
            }
            offsets[i] = tableEnd + body.size();
            body.writeBytes(data[i]);
            while (body.size() % 4 != 0) {
                body.write(0);
            }
        }
        int size = tableEnd + body.size();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(size);
        out.putInt(0); // preferred CMM: none
        out.putInt(0x02100000); // version 2.1
        out.put(ascii("mntr")).put(ascii("RGB ")).put(ascii("XYZ "));
        out.put(new byte[12]); // date
        out.put(ascii("acsp"));
        out.put(new byte[4 + 4 + 4 + 4 + 8]); // platform, flags, manufacturer, model, attributes
        out.putInt(0); // rendering intent: perceptual
        for (double v : D50) {
            out.putInt(s15Fixed16(v));
        }
        out.put(new byte[4 + 16 + 28]); // creator, profile ID, reserved
        out.putInt(signatures.length);
        for (int i = 0; i < signatures.length; i++) {
            out.put(ascii(signatures[i])).putInt(offsets[i]).putInt(data[i].length);
        }
        out.put(body.toByteArray());
        return out.array();
    }

    private static double[] column(int c) {
        return new double[] {PRIMARIES[0][c], PRIMARIES[1][c], PRIMARIES[2][c]};
    }

    private static byte[] xyz(double[] v) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.put(ascii("XYZ ")).putInt(0);
        for (double x : v) {
            b.putInt(s15Fixed16(x));
        }
        return b.array();
    }

    private static byte[] curv() {
        ByteBuffer b = ByteBuffer.allocate(14);
        b.put(ascii("curv")).putInt(0).putInt(1).putShort((short) GAMMA_U8F8);
        return b.array();
    }

    private static byte[] text(String s) {
        byte[] chars = s.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + chars.length + 1);
        b.put(ascii("text")).putInt(0).put(chars).put((byte) 0);
        return b.array();
    }

    /** textDescriptionType: the ASCII description, then empty Unicode and ScriptCode parts. */
    private static byte[] desc(String s) {
        byte[] chars = s.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + chars.length + 1 + 8 + 3 + 67);
        b.put(ascii("desc")).putInt(0).putInt(chars.length + 1).put(chars).put((byte) 0);
        b.putInt(0).putInt(0); // Unicode: language, count
        b.putShort((short) 0).put((byte) 0); // ScriptCode: code, count
        b.put(new byte[67]);
        return b.array();
    }

    private static int s15Fixed16(double v) {
        return (int) Math.round(v * 65536);
    }

    private static byte[] ascii(String four) {
        return four.getBytes(StandardCharsets.US_ASCII);
    }
}
