package app.retone.testing;

import java.util.function.IntUnaryOperator;

/** Pixel helpers for tests: per-channel curves, differences. */
public final class Pixels {
    private Pixels() {
    }

    public static int r(int p) {
        return p >>> 16 & 0xFF;
    }

    public static int g(int p) {
        return p >>> 8 & 0xFF;
    }

    public static int b(int p) {
        return p & 0xFF;
    }

    /** Applies one 8-bit curve per channel. */
    /** The same pixels in grey (Rec. 709 luma), opaque. */
    public static int[] toGrey(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int y = (int) Math.round(0.2126 * r(p) + 0.7152 * g(p) + 0.0722 * b(p));
            out[i] = 0xFF000000 | y << 16 | y << 8 | y;
        }
        return out;
    }

    public static int[] curves(int[] argb, IntUnaryOperator red, IntUnaryOperator green, IntUnaryOperator blue) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = (p & 0xFF000000) | red.applyAsInt(r(p)) << 16 | green.applyAsInt(g(p)) << 8 | blue.applyAsInt(b(p));
        }
        return out;
    }

    public static IntUnaryOperator gamma(double gamma) {
        return v -> (int) Math.round(255 * Math.pow(v / 255.0, gamma));
    }

    /** Mean absolute difference per channel value, over all pixels and channels. */
    public static double meanAbsDiff(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(r(a[i]) - r(b[i])) + Math.abs(g(a[i]) - g(b[i])) + Math.abs(b(a[i]) - b(b[i]));
        }
        return sum / (3.0 * a.length);
    }

    public static int maxAbsDiff(int[] a, int[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.max(Math.abs(r(a[i]) - r(b[i])),
                    Math.max(Math.abs(g(a[i]) - g(b[i])), Math.abs(b(a[i]) - b(b[i])))));
        }
        return max;
    }

    /** The value below which the given share of per-channel absolute differences falls. */
    public static int percentileAbsDiff(int[] a, int[] b, double share) {
        long[] counts = new long[256];
        for (int i = 0; i < a.length; i++) {
            counts[Math.abs(r(a[i]) - r(b[i]))]++;
            counts[Math.abs(g(a[i]) - g(b[i]))]++;
            counts[Math.abs(b(a[i]) - b(b[i]))]++;
        }
        long need = (long) Math.ceil(share * 3L * a.length);
        long seen = 0;
        for (int d = 0; d < 256; d++) {
            seen += counts[d];
            if (seen >= need) {
                return d;
            }
        }
        return 255;
    }

    public static double[] mean(int[] argb) {
        double[] m = new double[3];
        for (int p : argb) {
            m[0] += r(p);
            m[1] += g(p);
            m[2] += b(p);
        }
        for (int c = 0; c < 3; c++) {
            m[c] /= argb.length;
        }
        return m;
    }

    /** A colour cast: a 3×3 matrix on 0..255 values plus an offset, clamped. */
    public static int[] cast(int[] argb, double[] matrix, double[] offset) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int rr = r(p);
            int gg = g(p);
            int bb = b(p);
            int[] c = new int[3];
            for (int k = 0; k < 3; k++) {
                double v = matrix[3 * k] * rr + matrix[3 * k + 1] * gg + matrix[3 * k + 2] * bb + offset[k];
                c[k] = (int) Math.max(0, Math.min(255, Math.round(v)));
            }
            out[i] = (p & 0xFF000000) | c[0] << 16 | c[1] << 8 | c[2];
        }
        return out;
    }
}
