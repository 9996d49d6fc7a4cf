package app.retone.testing;

import java.util.function.IntUnaryOperator;

/** Pixel helpers for tests: per-channel curves, differences. */
public final class Pixels {
    private Pixels() {
    }

    /**
     * A file's pixel values as it stores them, with no colour conversion whatever profile it
     * embeds, as packed ARGB (deeper samples rounded to 8 bits; grey replicated).
     */
    public static int[] rawValues(java.nio.file.Path file) {
        int[][] samples = rawSamples(file);
        int[] out = new int[samples[0].length];
        int max = samples[3][0];
        for (int i = 0; i < out.length; i++) {
            int r = (int) Math.round(samples[0][i] * 255.0 / max);
            int g = (int) Math.round(samples[1][i] * 255.0 / max);
            int b = (int) Math.round(samples[2][i] * 255.0 / max);
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** A file's R, G and B samples as stored (grey replicated), and {max sample value} as the fourth array. */
    public static int[][] rawSamples(java.nio.file.Path file) {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
            javax.imageio.ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw != null) {
                param.setDestinationType(raw);
            }
            java.awt.image.BufferedImage image = reader.read(0, param);
            java.awt.image.Raster raster = image.getRaster();
            int w = image.getWidth();
            int h = image.getHeight();
            boolean grey = image.getColorModel().getNumColorComponents() == 1;
            int[][] rgb = new int[3][w * h];
            for (int c = 0; c < 3; c++) {
                raster.getSamples(0, 0, w, h, grey ? 0 : c, rgb[c]);
            }
            int bits = image.getColorModel().getComponentSize(0);
            return new int[][] {rgb[0], rgb[1], rgb[2], {(1 << bits) - 1}};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    /** ΔE76 between pixel i of two files' samples as {@link #rawSamples} gives them, 16-bit sRGB. */
    public static double deltaE16(int[][] a, int[][] b, int i) {
        return deltaE16(a[0][i], a[1][i], a[2][i], b[0][i], b[1][i], b[2][i]);
    }

    /** ΔE76 between two 16-bit sRGB colours. */
    public static double deltaE16(int r1, int g1, int b1, int r2, int g2, int b2) {
        double[] p = lab(r1, g1, b1);
        double[] q = lab(r2, g2, b2);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    private static double[] lab(int r16, int g16, int b16) {
        double[] lab = new double[3];
        app.retone.core.color.ImageMetrics.labOfLinear(app.retone.core.color.SrgbCurve.toLinear(r16 / 65535.0),
                app.retone.core.color.SrgbCurve.toLinear(g16 / 65535.0), app.retone.core.color.SrgbCurve.toLinear(b16 / 65535.0), lab);
        return lab;
    }

}
