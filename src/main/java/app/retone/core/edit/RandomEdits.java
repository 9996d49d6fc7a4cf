package app.retone.core.edit;

import java.util.SplittableRandom;

/**
 * The seed project's {@code random_edit}, step for step: the random "bad edits" that make training and
 * evaluation pairs. One draw in {@link #UNEDITED_SHARE} leaves the photo as it is; every other draw applies all
 * steps, in this order, with PIL 9's integer and float arithmetic: {@link #contrast}, {@link #gamma},
 * {@link #hsv} (saturation by hue and brightness curve in PIL's HSV), {@link #spill}, {@link #noise}.
 * Each step is tested pixel for pixel against the seed's own recorded run (the noise by its statistics):
 * {@code src/test/resources/app/retone/core/edit/seed-edits/}.
 */
public final class RandomEdits {

    /** Share of draws left unedited (the seed: {@code uniform(0, 1) > 0.95}). */
    public static final double UNEDITED_SHARE = 0.05;
    static final int BRIGHTNESS_POINTS = 6;
    static final int SATURATION_POINTS = 12;
    static final double BRIGHTNESS_JITTER = 0.1;
    static final double MIN_SPAN = 0.7;
    static final double MAX_SPAN = 1.1;

    private RandomEdits() {
    }

    // ---------------------------------------------------------------- drawing

    /** Draws an edit as the seed does (its draws in its order, from this generator). */
    public static EditParameters draw(SplittableRandom random) {
        if (random.nextDouble() < UNEDITED_SHARE) {
            return EditParameters.NONE;
        }
        double contrast = drawContrast(random);
        double gamma = drawGamma(random);
        double[] saturationKnots = drawSaturationKnots(random);
        double[] brightnessKnots = drawBrightnessKnots(random);
        double[] spill = drawSpill(random);
        double noiseAlpha = drawNoiseAlpha(random);
        return new EditParameters(contrast, gamma, brightnessLut(brightnessKnots), saturationByHue(saturationKnots),
                spill, noiseAlpha, random.nextLong());
    }

    /** The seed's {@code random(min, max)}: N((min + max) / 2, (max − min) / 6) clipped to [min, max]. */
    static double clippedNormal(SplittableRandom random, double min, double max) {
        double v = (min + max) / 2 + random.nextGaussian() * (max - min) / 6;
        return Math.max(min, Math.min(max, v));
    }

    /** N(1, 1/6) clipped to [0.5, 1.5]. */
    static double drawContrast(SplittableRandom random) {
        return clippedNormal(random, 0.5, 1.5);
    }

    /** 1/(1 + g) or 1 + g with even odds, g = 0.6 · Beta(1, 2). */
    static double drawGamma(SplittableRandom random) {
        double g = 0.6 * (1 - Math.sqrt(1 - random.nextDouble())); // Beta(1, 2) by its inverse CDF
        return random.nextBoolean() ? 1 / (1 + g) : 1 + g;
    }

    /** 12 factors 1 + clip(N(0, 0.4/3), −0.4, 0.4), at hues 0, 255/11, ..., 255. */
    static double[] drawSaturationKnots(SplittableRandom random) {
        double[] knots = new double[SATURATION_POINTS];
        for (int i = 0; i < knots.length; i++) {
            knots[i] = clippedNormal(random, -0.4, 0.4) + 1;
        }
        return knots;
    }

    /**
     * 6 outputs of the brightness curve at 0, 0.2, ..., 1: span ~ U(0.7, 1.1), start ~ U(0, max(0, 1 − span)),
     * evenly from start to start + span, the 4 inner ones moved by U(−0.1, 0.1), then sorted.
     */
    static double[] drawBrightnessKnots(SplittableRandom random) {
        double span = MIN_SPAN + (MAX_SPAN - MIN_SPAN) * random.nextDouble();
        double start = Math.max(0, 1 - span) * random.nextDouble();
        double[] knots = new double[BRIGHTNESS_POINTS];
        int last = BRIGHTNESS_POINTS - 1;
        knots[0] = start;
        for (int i = 1; i < last; i++) {
            knots[i] = start + i * span / last + (2 * random.nextDouble() - 1) * BRIGHTNESS_JITTER;
        }
        knots[last] = start + span;
        java.util.Arrays.sort(knots);
        return knots;
    }

    /** 3 factors N(1, 0.2/3) clipped to [0.8, 1.2]. */
    static double[] drawSpill(SplittableRandom random) {
        return new double[] {clippedNormal(random, 0.8, 1.2), clippedNormal(random, 0.8, 1.2),
                clippedNormal(random, 0.8, 1.2)};
    }

    /** N(0.05, 0.1/6) clipped to [0, 0.1]. */
    static double drawNoiseAlpha(SplittableRandom random) {
        return clippedNormal(random, 0, 0.1);
    }

    /**
     * The brightness LUT of 6 curve outputs: linear between x = 0, 0.2, ..., 1 (as numpy's linspace), at
     * v / 255, times 255, rounded half to even (Python's round); not clipped here (the HSV step clips).
     */
    public static int[] brightnessLut(double[] knots) {
        int segments = knots.length - 1;
        double[] x = linspace(knots.length);
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            double t = v / 255.0;
            double y;
            if (t == 1) {
                y = knots[segments];
            } else {
                int k = 0;
                while (k + 1 < segments && x[k + 1] <= t) {
                    k++;
                }
                double u = (t - x[k]) / (x[k + 1] - x[k]);
                y = knots[k] + u * (knots[k + 1] - knots[k]);
            }
            lut[v] = (int) Math.rint(y * 255);
        }
        return lut;
    }

    /**
     * The saturation factor for each 8-bit hue: scipy's {@code CubicSpline} (not-a-knot ends) through the knots
     * at x = linspace(0, 1, n), evaluated at h / 255.
     */
    public static double[] saturationByHue(double[] knots) {
        double[] x = linspace(knots.length);
        double[] at = new double[256];
        for (int h = 0; h < 256; h++) {
            at[h] = h / 255.0;
        }
        return notAKnotSpline(x, knots, at);
    }

    /** numpy's linspace(0, 1, n): i · (1 / (n − 1)), the last exactly 1. */
    private static double[] linspace(int n) {
        double step = 1.0 / (n - 1);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * step;
        }
        x[n - 1] = 1;
        return x;
    }

    /** A cubic spline with not-a-knot ends (scipy's default) through (x, y), n ≥ 4, evaluated at each of at. */
    static double[] notAKnotSpline(double[] x, double[] y, double[] at) {
        int n = x.length;
        double[] dx = new double[n - 1];
        double[] slope = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            dx[i] = x[i + 1] - x[i];
            slope[i] = (y[i + 1] - y[i]) / dx[i];
        }
        // the slopes s at the knots: a tridiagonal system (scipy's CubicSpline, bc_type="not-a-knot")
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 1; i < n - 1; i++) {
            a[i][i - 1] = dx[i];
            a[i][i] = 2 * (dx[i - 1] + dx[i]);
            a[i][i + 1] = dx[i - 1];
            b[i] = 3 * (dx[i] * slope[i - 1] + dx[i - 1] * slope[i]);
        }
        double d0 = x[2] - x[0];
        a[0][0] = dx[1];
        a[0][1] = d0;
        b[0] = ((dx[0] + 2 * d0) * dx[1] * slope[0] + dx[0] * dx[0] * slope[1]) / d0;
        double d1 = x[n - 1] - x[n - 3];
        a[n - 1][n - 1] = dx[n - 3];
        a[n - 1][n - 2] = d1;
        b[n - 1] = (dx[n - 2] * dx[n - 2] * slope[n - 3] + (2 * d1 + dx[n - 2]) * dx[n - 3] * slope[n - 2]) / d1;
        double[] s = solve(a, b);

        double[] out = new double[at.length];
        for (int j = 0; j < at.length; j++) {
            double t = at[j];
            int i = 0;
            while (i + 1 < n - 1 && x[i + 1] <= t) {
                i++;
            }
            double c = (s[i] + s[i + 1] - 2 * slope[i]) / dx[i];
            double c0 = c / dx[i];
            double c1 = (slope[i] - s[i]) / dx[i] - c;
            double u = t - x[i];
            out[j] = y[i] + u * (s[i] + u * (c1 + u * c0));
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting (a and b are overwritten). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double bSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = bSwap;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                if (f != 0) {
                    for (int k = col; k < n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        double[] xs = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int k = r + 1; k < n; k++) {
                sum -= a[r][k] * xs[k];
            }
            xs[r] = sum / a[r][r];
        }
        return xs;
    }

    // ---------------------------------------------------------------- applying

    /** Applies an edit to packed ARGB pixels, returning new ones; alpha passes through. */
    public static int[] apply(int[] argb, EditParameters edit) {
        if (edit.isIdentity()) {
            return argb.clone();
        }
        int[] px = argb;
        if (edit.has(EditParameters.Step.CONTRAST)) {
            px = contrast(px, edit.contrast());
        }
        if (edit.has(EditParameters.Step.GAMMA)) {
            px = gamma(px, edit.gamma());
        }
        if (edit.has(EditParameters.Step.CURVE) || edit.has(EditParameters.Step.HUE_SATURATION)) {
            px = hsv(px, edit.saturationByHue(), edit.brightnessLut());
        }
        if (edit.has(EditParameters.Step.SPILL)) {
            px = spill(px, edit.spill());
        }
        if (edit.has(EditParameters.Step.NOISE)) {
            px = noise(px, edit.noiseAlpha(), edit.noiseSeed());
        }
        return px == argb ? argb.clone() : px;
    }

    /** PIL's ImageEnhance.Contrast: a blend from a flat grey at {@link #lumaMeanGrey} to the photo by factor. */
    public static int[] contrast(int[] argb, double factor) {
        return contrast(argb, factor, lumaMeanGrey(argb));
    }

    /** PIL's {@code Image.blend(grey, photo, factor)}. */
    public static int[] contrast(int[] argb, double factor, int grey) {
        float alpha = (float) factor;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | blend(grey, p >>> 16 & 0xFF, alpha) << 16 | blend(grey, p >>> 8 & 0xFF, alpha) << 8
                    | blend(grey, p & 0xFF, alpha);
        }
        return out;
    }

    /** int(mean of PIL's L + 0.5), L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16, as ImageEnhance.Contrast. */
    public static int lumaMeanGrey(int[] argb) {
        long sum = 0;
        for (int p : argb) {
            sum += ((p >>> 16 & 0xFF) * 19595 + (p >>> 8 & 0xFF) * 38470 + (p & 0xFF) * 7471 + 0x8000) >> 16;
        }
        return (int) ((double) sum / argb.length + 0.5);
    }

    /**
     * PIL's ImagingBlend on one 8-bit value, in C float: in1 + α·(in2 − in1), truncated for 0 ≤ α ≤ 1,
     * otherwise clipped to 0..255 and then truncated.
     */
    static int blend(int in1, int in2, float alpha) {
        float v = in1 + alpha * (in2 - in1);
        if (alpha >= 0 && alpha <= 1) {
            return (int) v;
        }
        return v <= 0 ? 0 : (v >= 255 ? 255 : (int) v);
    }

    /** PIL's {@code point(lambda x: (x / 255) ** gamma * 255)} on each channel. */
    public static int[] gamma(int[] argb, double gamma) {
        int[] table = gammaTable(gamma);
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | table[p >>> 16 & 0xFF] << 16 | table[p >>> 8 & 0xFF] << 8 | table[p & 0xFF];
        }
        return out;
    }

    /** The 256 entries as PIL 9 makes them: Python's round (half to even), then clipped to 0..255. */
    static int[] gammaTable(double gamma) {
        int[] table = new int[256];
        for (int x = 0; x < 256; x++) {
            table[x] = clip8((long) Math.rint(StrictMath.pow(x / 255.0, gamma) * 255));
        }
        return table;
    }

    /**
     * The seed's HSV step: PIL's RGB to HSV, S ← round(S · saturationByHue[H]) (half to even) and
     * V ← brightnessLut[V], both clipped to 0..255, and PIL's HSV to RGB. A null table leaves its channel.
     */
    public static int[] hsv(int[] argb, double[] saturationByHue, int[] brightnessLut) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int hsv = rgbToHsv(p >>> 16 & 0xFF, p >>> 8 & 0xFF, p & 0xFF);
            int h = hsv >>> 16;
            int s = hsv >>> 8 & 0xFF;
            int v = hsv & 0xFF;
            if (saturationByHue != null) {
                s = clip8((long) Math.rint(s * saturationByHue[h]));
            }
            if (brightnessLut != null) {
                v = clip8(brightnessLut[v]);
            }
            out[i] = p & 0xFF000000 | hsvToRgb(h, s, v);
        }
        return out;
    }

    /** Pillow's rgb2hsv_row (Convert.c), with its float and double arithmetic: H, S, V packed 0xHHSSVV. */
    static int rgbToHsv(int r, int g, int b) {
        int maxc = Math.max(r, Math.max(g, b));
        int minc = Math.min(r, Math.min(g, b));
        if (minc == maxc) {
            return maxc;
        }
        float cr = maxc - minc;
        float s = cr / maxc;
        float rc = (maxc - r) / cr;
        float gc = (maxc - g) / cr;
        float bc = (maxc - b) / cr;
        float h;
        if (r == maxc) {
            h = bc - gc;
        } else if (g == maxc) {
            h = (float) (2.0 + rc - bc);
        } else {
            h = (float) (4.0 + gc - rc);
        }
        h = (float) ((h / 6.0 + 1.0) % 1.0); // C fmod
        int uh = clip8((int) (h * 255.0));
        int us = clip8((int) (s * 255.0));
        return uh << 16 | us << 8 | maxc;
    }

    /** Pillow's hsv2rgb (Convert.c), with its float and double arithmetic and C round: RGB packed 0xRRGGBB. */
    static int hsvToRgb(int h, int s, int v) {
        if (s == 0) {
            return v << 16 | v << 8 | v;
        }
        double h6 = (float) h * 6.0 / 255.0;
        int i = (int) Math.floor(h6);
        float f = (float) (h6 - (float) i);
        float fs = (float) (s / 255.0);
        int up = clip8(cRound(v * (1.0 - fs)));
        int uq = clip8(cRound(v * (1.0 - fs * f))); // fs · f in float, as in C
        int ut = clip8(cRound(v * (1.0 - fs * (1.0 - f))));
        return switch (i % 6) {
            case 0 -> v << 16 | ut << 8 | up;
            case 1 -> uq << 16 | v << 8 | up;
            case 2 -> up << 16 | v << 8 | ut;
            case 3 -> up << 16 | uq << 8 | v;
            case 4 -> ut << 16 | up << 8 | v;
            default -> v << 16 | up << 8 | uq;
        };
    }

    /** PIL's {@code convert("RGB", matrix)} with a diagonal matrix: in C float, m·in + 0.5, clipped, truncated. */
    public static int[] spill(int[] argb, double[] spill) {
        float mr = (float) spill[0];
        float mg = (float) spill[1];
        float mb = (float) spill[2];
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | clipF(mr * (p >>> 16 & 0xFF)) << 16 | clipF(mg * (p >>> 8 & 0xFF)) << 8
                    | clipF(mb * (p & 0xFF));
        }
        return out;
    }

    private static int clipF(float product) {
        float v = (float) (product + 0.5); // "+ 0.5" is a double in Pillow's C, stored back to a float
        return v <= 0 ? 0 : (v >= 255 ? 255 : (int) v);
    }

    /**
     * PIL's {@code Image.blend(photo, noise, alpha)} with a uniform random RGB noise image (0..255 per channel
     * and pixel), the noise drawn from seed.
     */
    public static int[] noise(int[] argb, double alpha, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float a = (float) alpha;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = blend(p >>> 16 & 0xFF, random.nextInt(256), a);
            int g = blend(p >>> 8 & 0xFF, random.nextInt(256), a);
            int b = blend(p & 0xFF, random.nextInt(256), a);
            out[i] = p & 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** C's round(): half away from zero. */
    private static long cRound(double v) {
        return v >= 0 ? Math.round(v) : -Math.round(-v);
    }

    private static int clip8(long v) {
        return v <= 0 ? 0 : (v >= 255 ? 255 : (int) v);
    }
}
