package app.retone.core.edit;

import java.util.SplittableRandom;

/**
 * Draws and applies the random "bad edits" that make training and evaluation pairs, drawn like
 * the seed project's: contrast ~ N(1, 1/6) clipped to [0.5, 1.5]; gamma 1/(1+g) or 1+g with even
 * odds, g = 0.6·Beta(1, 2); a monotone brightness curve through 6 jittered points spanning 70–110 %
 * of the range; a per-hue saturation curve through 12 points around 1 ± 0.4 (cubic, periodic);
 * per-channel colour spill × (1 ± 0.2); uniform noise blended at up to 10 %. Each step is taken
 * with probability {@link #STEP_PROBABILITY}; {@link #UNEDITED_SHARE} of draws stay unedited.
 */
public final class RandomEdits {

    public static final double UNEDITED_SHARE = 0.05;
    public static final double STEP_PROBABILITY = 0.75;
    private static final double[] CURVE_X = {0, 0.2, 0.4, 0.6, 0.8, 1.0};

    private RandomEdits() {
    }

    public static EditParameters draw(SplittableRandom random) {
        if (random.nextDouble() < UNEDITED_SHARE) {
            return EditParameters.NONE;
        }
        double contrast = 1;
        double gamma = 1;
        double[] curve = null;
        double[] hue = null;
        double[] gains = null;
        double noise = 0;
        if (random.nextDouble() < STEP_PROBABILITY) {
            contrast = Math.max(0.5, Math.min(1.5, 1 + gaussian(random) / 6));
        }
        if (random.nextDouble() < STEP_PROBABILITY) {
            double g = 0.6 * (1 - Math.sqrt(1 - random.nextDouble())); // Beta(1, 2) by inverse CDF
            gamma = random.nextBoolean() ? 1 / (1 + g) : 1 + g;
        }
        if (random.nextDouble() < STEP_PROBABILITY) {
            double span = 0.7 + 0.4 * random.nextDouble();
            curve = new double[CURVE_X.length];
            for (int i = 0; i < curve.length; i++) {
                double jitter = (i == 0 ? Math.abs(gaussian(random)) : gaussian(random)) * 0.03;
                curve[i] = CURVE_X[i] * span + jitter;
            }
            java.util.Arrays.sort(curve); // monotone
        }
        if (random.nextDouble() < STEP_PROBABILITY) {
            hue = new double[12];
            for (int i = 0; i < hue.length; i++) {
                hue[i] = 1 + 0.4 * (2 * random.nextDouble() - 1);
            }
        }
        if (random.nextDouble() < STEP_PROBABILITY) {
            gains = new double[3];
            for (int c = 0; c < 3; c++) {
                gains[c] = 1 + 0.2 * (2 * random.nextDouble() - 1);
            }
        }
        if (random.nextDouble() < STEP_PROBABILITY) {
            noise = 0.1 * random.nextDouble();
        }
        return new EditParameters(contrast, gamma, curve, hue, gains, noise, random.nextLong());
    }

    /** Applies an edit to packed ARGB pixels, returning new ones; alpha passes through. */
    public static int[] apply(int[] argb, EditParameters edit) {
        if (edit.isIdentity()) {
            return argb.clone();
        }
        int n = argb.length;
        float[] r = new float[n];
        float[] g = new float[n];
        float[] b = new float[n];
        double lumaSum = 0;
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            r[i] = (p >>> 16 & 0xFF) / 255f;
            g[i] = (p >>> 8 & 0xFF) / 255f;
            b[i] = (p & 0xFF) / 255f;
            lumaSum += 0.299 * r[i] + 0.587 * g[i] + 0.114 * b[i];
        }
        if (edit.contrast() != 1) {
            float mean = (float) (lumaSum / n);
            float c = (float) edit.contrast();
            for (int i = 0; i < n; i++) {
                r[i] = clamp(mean + c * (r[i] - mean));
                g[i] = clamp(mean + c * (g[i] - mean));
                b[i] = clamp(mean + c * (b[i] - mean));
            }
        }
        if (edit.gamma() != 1) {
            float[] table = table(v -> Math.pow(v, edit.gamma()));
            lookup(table, r, g, b);
        }
        if (edit.curveY() != null) {
            double[] y = edit.curveY();
            float[] table = table(v -> MonotoneCubic.eval(CURVE_X, y, v));
            lookup(table, r, g, b);
        }
        if (edit.hueSaturation() != null) {
            hueSaturation(r, g, b, edit.hueSaturation());
        }
        if (edit.gains() != null) {
            float gr = (float) edit.gains()[0];
            float gg = (float) edit.gains()[1];
            float gb = (float) edit.gains()[2];
            for (int i = 0; i < n; i++) {
                r[i] = clamp(r[i] * gr);
                g[i] = clamp(g[i] * gg);
                b[i] = clamp(b[i] * gb);
            }
        }
        if (edit.noise() > 0) {
            SplittableRandom noise = new SplittableRandom(edit.noiseSeed());
            float a = (float) edit.noise();
            for (int i = 0; i < n; i++) {
                r[i] = (1 - a) * r[i] + a * (float) noise.nextDouble();
                g[i] = (1 - a) * g[i] + a * (float) noise.nextDouble();
                b[i] = (1 - a) * b[i] + a * (float) noise.nextDouble();
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (argb[i] & 0xFF000000) | to8(r[i]) << 16 | to8(g[i]) << 8 | to8(b[i]);
        }
        return out;
    }

    /** A 4097-entry table of f over [0, 1], looked up with linear interpolation. */
    private static float[] table(java.util.function.DoubleUnaryOperator f) {
        float[] t = new float[4097];
        for (int i = 0; i < t.length; i++) {
            t[i] = clamp((float) f.applyAsDouble(i / 4096.0));
        }
        return t;
    }

    private static void lookup(float[] table, float[] r, float[] g, float[] b) {
        for (int i = 0; i < r.length; i++) {
            r[i] = interp(table, r[i]);
            g[i] = interp(table, g[i]);
            b[i] = interp(table, b[i]);
        }
    }

    private static float interp(float[] t, float v) {
        float x = clamp(v) * (t.length - 1);
        int i = Math.min((int) x, t.length - 2);
        float f = x - i;
        return t[i] + f * (t[i + 1] - t[i]);
    }

    /** Scales HSV saturation by a periodic cubic (Catmull-Rom) curve of hue through 12 points. */
    private static void hueSaturation(float[] r, float[] g, float[] b, double[] points) {
        int k = points.length;
        for (int i = 0; i < r.length; i++) {
            float max = Math.max(r[i], Math.max(g[i], b[i]));
            float min = Math.min(r[i], Math.min(g[i], b[i]));
            float chroma = max - min;
            if (chroma <= 1e-6f || max <= 0) {
                continue;
            }
            float hue;
            if (max == r[i]) {
                hue = ((g[i] - b[i]) / chroma) / 6f;
            } else if (max == g[i]) {
                hue = ((b[i] - r[i]) / chroma + 2) / 6f;
            } else {
                hue = ((r[i] - g[i]) / chroma + 4) / 6f;
            }
            if (hue < 0) {
                hue += 1;
            }
            double pos = hue * k;
            int i1 = (int) Math.floor(pos) % k;
            double t = pos - Math.floor(pos);
            double p0 = points[(i1 - 1 + k) % k];
            double p1 = points[i1];
            double p2 = points[(i1 + 1) % k];
            double p3 = points[(i1 + 2) % k];
            double factor = 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                    + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t);
            float s = chroma / max;
            float s2 = clamp((float) (s * factor));
            // keep value (max) and hue: move the channels towards or away from max
            float scale = s2 / s;
            r[i] = max - (max - r[i]) * scale;
            g[i] = max - (max - g[i]) * scale;
            b[i] = max - (max - b[i]) * scale;
        }
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    private static int to8(float v) {
        int i = Math.round(v * 255f);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
