package app.retone.core.color;

/**
 * The sRGB transfer function (IEC 61966-2-1): between encoded values and linear light, in [0, 1] and
 * beyond it. Outside [0, 1] the curve is extended as its own odd continuation (sign kept, the
 * power law carried on), as extended-range sRGB (scRGB's encoding) does, so colours outside the
 * sRGB gamut survive a round trip. The one home of the curve: metrics, edits, the working space
 * and the develop adjustments all use it.
 */
public final class SrgbCurve {

    private static final double[] LINEAR_8 = new double[256];
    private static final float[] LINEAR_8F = new float[256];
    /** The linear light where each 8-bit level's rounding interval starts: level v for UPPER[v-1] <= x < UPPER[v]. */
    private static final double[] UPPER = new double[255];

    static {
        for (int v = 0; v < 256; v++) {
            LINEAR_8[v] = toLinear(v / 255.0);
            LINEAR_8F[v] = (float) LINEAR_8[v];
        }
        for (int v = 0; v < 255; v++) {
            UPPER[v] = toLinear((v + 0.5) / 255.0);
        }
    }

    /** Intervals of the tables {@link #toLinearFast} and {@link #toEncodedFast} interpolate in, over [0, 1]. */
    private static final int FAST_STEPS = 8192;
    private static final double[] FAST_LINEAR = new double[FAST_STEPS + 1];
    /** {@link #toEncodedFast}'s table reaches this much light: four times white, what develop's exposure may push towards. */
    private static final int FAST_ENCODED_REACH = 4;
    private static final double[] FAST_ENCODED = new double[FAST_ENCODED_REACH * FAST_STEPS + 1];

    static {
        for (int i = 0; i <= FAST_STEPS; i++) {
            FAST_LINEAR[i] = toLinear((double) i / FAST_STEPS);
        }
        for (int i = 0; i < FAST_ENCODED.length; i++) {
            FAST_ENCODED[i] = toEncoded((double) i / FAST_STEPS);
        }
    }

    private SrgbCurve() {
    }

    /**
     * {@link #toLinear} by linear interpolation in a table over [0, 1] (exactly beyond it): within
     * 2e-7 of it, a hundred-thousandth of an 8-bit level, for the LUTs built per slider move.
     */
    public static double toLinearFast(double encoded) {
        return fast(FAST_LINEAR, encoded) ? interpolate(FAST_LINEAR, encoded) : toLinear(encoded);
    }

    /**
     * {@link #toEncoded} likewise, exact in the linear toe (below 0.0031308, where the curve is a line)
     * and beyond four times white, within 2e-5 between.
     */
    public static double toEncodedFast(double linear) {
        return linear > 0.0031308 && linear < FAST_ENCODED_REACH ? interpolate(FAST_ENCODED, linear) : toEncoded(linear);
    }

    private static boolean fast(double[] unused, double x) {
        return x >= 0 && x < 1;
    }

    private static double interpolate(double[] table, double x) {
        double pos = x * FAST_STEPS;
        int i = (int) pos;
        double t = pos - i;
        return table[i] + t * (table[i + 1] - table[i]);
    }

    /** Encoded value → linear light, extended beyond [0, 1] by odd symmetry and the same power law. */
    public static double toLinear(double encoded) {
        double a = Math.abs(encoded);
        double linear = a <= 0.04045 ? a / 12.92 : Math.pow((a + 0.055) / 1.055, 2.4);
        return encoded < 0 ? -linear : linear;
    }

    /** Linear light → encoded value, the inverse of {@link #toLinear} everywhere. */
    public static double toEncoded(double linear) {
        double a = Math.abs(linear);
        double encoded = a <= 0.0031308 ? a * 12.92 : 1.055 * Math.pow(a, 1 / 2.4) - 0.055;
        return linear < 0 ? -encoded : encoded;
    }

    /** The linear light of an 8-bit encoded level (a table). */
    public static double linear8(int level) {
        return LINEAR_8[level];
    }

    /** The same as a float. */
    public static float linear8f(int level) {
        return LINEAR_8F[level];
    }

    /**
     * Linear light → the nearest 8-bit encoded level, clipped to 0..255 (NaN gives 0): the level whose
     * rounding interval holds it, found among the 255 boundaries without a power.
     */
    public static int toLevel8(double linear) {
        if (!(linear > UPPER[0])) {
            return 0;
        }
        int lo = 0;
        int hi = 255; // UPPER[lo] <= linear, and linear < UPPER[hi] (taken as +infinity at 255)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (UPPER[mid] <= linear) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
