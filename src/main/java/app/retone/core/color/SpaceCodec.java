package app.retone.core.color;

/**
 * One space's samples at 8 or 16 bits, per channel, both ways without a power: a table of each
 * level's linear light, and the nearest level of any linear light found by bisection among the
 * levels' rounding boundaries (so it is exactly the rounding of the curve's inverse). Made once
 * per space and depth ({@link RgbSpace#codec}); immutable, shared by every thread.
 */
public final class SpaceCodec {

    private final int max;
    private final float[][] linear;
    /** boundary[c][v]: the linear light where level v + 1's rounding interval starts. */
    private final double[][] boundary;

    /**
     * @param curves each channel's curve: three, or one for a grey space (its one channel shown as
     *               the three of a neutral grey)
     */
    SpaceCodec(ToneCurve[] curves, int bits) {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("8 or 16 bits, not " + bits);
        }
        if (curves.length != 1 && curves.length != 3) {
            throw new IllegalArgumentException("one curve (grey) or three, not " + curves.length);
        }
        max = (1 << bits) - 1;
        int channels = curves.length;
        linear = new float[3][];
        boundary = new double[3][];
        for (int c = 0; c < channels; c++) {
            ToneCurve curve = curves[c];
            float[] lin = new float[max + 1];
            double[] upper = new double[max];
            for (int v = 0; v <= max; v++) {
                lin[v] = (float) curve.toLinear((double) v / max);
                if (v < max) {
                    upper[v] = curve.toLinear((v + 0.5) / max);
                }
            }
            linear[c] = lin;
            boundary[c] = upper;
        }
        for (int c = channels; c < 3; c++) {
            linear[c] = linear[0];
            boundary[c] = boundary[0];
        }
    }

    /** The highest level: 255 or 65535. */
    public int max() {
        return max;
    }

    /** Channel c's level → linear light. */
    public float linear(int c, int level) {
        return linear[c][level];
    }

    /** Linear light → channel c's nearest level, clipped to 0..max (NaN gives 0). */
    public int level(int c, double linearLight) {
        double[] upper = boundary[c];
        if (!(linearLight >= upper[0])) {
            return 0;
        }
        int lo = 0;
        int hi = max; // upper[lo] <= x, and x < upper[hi] (infinite at max)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (upper[mid] <= linearLight) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
