package app.retone.core.image;

import app.retone.core.color.RgbSpace;
import app.retone.core.color.ToneCurve;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the colour space an ICC profile describes as Retone's own {@link RgbSpace}, for the kinds
 * that can be computed exactly, unclipped: matrix/TRC RGB profiles and grey TRC profiles, with
 * {@code curv} or {@code para} curves (every camera, display and editing space in use). A profile
 * with lookup tables (A2B/B2A) is a device profile whose conversion only LittleCMS can make;
 * for those this answers empty and the loader converts with LittleCMS, clipping to sRGB.
 */
final class IccSpaces {

    private static final int HEADER = 128;

    private IccSpaces() {
    }

    /**
     * The space of {@code profile}, or empty when it is not a matrix/TRC RGB or TRC grey profile.
     *
     * @throws IllegalArgumentException when the tags it needs are damaged
     */
    static Optional<RgbSpace> of(byte[] profile, String name) {
        if (profile == null || profile.length < HEADER + 4) {
            return Optional.empty();
        }
        ByteBuffer data = ByteBuffer.wrap(profile);
        String space = ascii(profile, 16);
        Map<String, int[]> tags = tagTable(data);
        for (String lut : new String[] {"A2B0", "A2B1", "A2B2", "B2A0", "B2A1", "B2A2"}) {
            if (tags.containsKey(lut)) {
                return Optional.empty();
            }
        }
        if (space.equals("RGB ")) {
            if (!tags.keySet().containsAll(java.util.List.of("rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"))) {
                return Optional.empty();
            }
            double[][] m = new double[3][3];
            String[] xyz = {"rXYZ", "gXYZ", "bXYZ"};
            for (int c = 0; c < 3; c++) {
                double[] column = xyzOf(data, tags.get(xyz[c]));
                for (int r = 0; r < 3; r++) {
                    m[r][c] = column[r];
                }
            }
            return Optional.of(RgbSpace.ofProfile(name, curveOf(data, tags.get("rTRC")), curveOf(data, tags.get("gTRC")),
                    curveOf(data, tags.get("bTRC")), m));
        }
        if (space.equals("GRAY") && tags.containsKey("kTRC")) {
            return Optional.of(RgbSpace.grey(name, curveOf(data, tags.get("kTRC"))));
        }
        return Optional.empty();
    }

    /** Tag signature → {offset, size}, each checked to lie inside the profile. */
    private static Map<String, int[]> tagTable(ByteBuffer data) {
        int count = data.getInt(HEADER);
        if (count < 0 || (long) HEADER + 4 + 12L * count > data.capacity()) {
            throw new IllegalArgumentException("its tag table claims " + Integer.toUnsignedString(count)
                    + " tags, more than the profile holds");
        }
        Map<String, int[]> tags = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int at = HEADER + 4 + 12 * i;
            String signature = ascii(data.array(), at);
            long offset = Integer.toUnsignedLong(data.getInt(at + 4));
            long size = Integer.toUnsignedLong(data.getInt(at + 8));
            if (offset + size > data.capacity() || size < 8) {
                throw new IllegalArgumentException("its tag " + signature.strip() + " lies outside the profile");
            }
            tags.put(signature, new int[] {(int) offset, (int) size});
        }
        return tags;
    }

    private static double[] xyzOf(ByteBuffer data, int[] tag) {
        if (!type(data, tag).equals("XYZ ") || tag[1] < 20) {
            throw new IllegalArgumentException("a primary is not an XYZ value");
        }
        return new double[] {s15(data, tag[0] + 8), s15(data, tag[0] + 12), s15(data, tag[0] + 16)};
    }

    private static ToneCurve curveOf(ByteBuffer data, int[] tag) {
        String type = type(data, tag);
        int at = tag[0];
        if (type.equals("curv")) {
            long count = Integer.toUnsignedLong(data.getInt(at + 8));
            if (12 + 2 * count > tag[1]) {
                throw new IllegalArgumentException("a curve claims " + count + " entries, more than its tag holds");
            }
            if (count == 0) {
                return ToneCurve.gamma(1);
            }
            if (count == 1) {
                return ToneCurve.gamma((data.getShort(at + 12) & 0xFFFF) / 256.0);
            }
            double[] samples = new double[(int) count];
            for (int i = 0; i < count; i++) {
                samples[i] = (data.getShort(at + 12 + 2 * i) & 0xFFFF) / 65535.0;
            }
            return ToneCurve.table(samples);
        }
        if (type.equals("para")) {
            int function = data.getShort(at + 8) & 0xFFFF;
            int[] counts = {1, 3, 4, 5, 7};
            if (function > 4 || 12 + 4 * counts[function] > tag[1]) {
                throw new IllegalArgumentException("a parametric curve of type " + function + " is damaged");
            }
            double[] p = new double[counts[function]];
            for (int i = 0; i < p.length; i++) {
                p[i] = s15(data, at + 12 + 4 * i);
            }
            return ToneCurve.parametric(function, p);
        }
        throw new IllegalArgumentException("a tone curve is of an unknown type '" + type.strip() + "'");
    }

    private static String type(ByteBuffer data, int[] tag) {
        return ascii(data.array(), tag[0]);
    }

    private static double s15(ByteBuffer data, int at) {
        return data.getInt(at) / 65536.0;
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }
}
