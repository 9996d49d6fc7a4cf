package app.retone.core.color;

/** How far one image is from another: PSNR and mean CIELAB ΔE76 (sRGB, D65). */
public final class ImageMetrics {

    private ImageMetrics() {
    }

    /** PSNR in dB over the R, G and B values; infinite for identical images. */
    public static double psnr(int[] a, int[] b) {
        check(a, b);
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            int p = a[i];
            int q = b[i];
            double dr = (p >>> 16 & 0xFF) - (q >>> 16 & 0xFF);
            double dg = (p >>> 8 & 0xFF) - (q >>> 8 & 0xFF);
            double db = (p & 0xFF) - (q & 0xFF);
            se += dr * dr + dg * dg + db * db;
        }
        double mse = se / (3.0 * a.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    /** Mean CIE76 colour difference (Euclidean distance in CIELAB) per pixel. */
    public static double meanDeltaE76(int[] a, int[] b) {
        check(a, b);
        double sum = 0;
        double[] la = new double[3];
        double[] lb = new double[3];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            lab(a[i], la);
            lab(b[i], lb);
            double dl = la[0] - lb[0];
            double da = la[1] - lb[1];
            double dbb = la[2] - lb[2];
            sum += Math.sqrt(dl * dl + da * da + dbb * dbb);
        }
        return sum / a.length;
    }

    /** sRGB (D65) to CIELAB. */
    public static void lab(int argb, double[] out) {
        labOfLinear(SrgbCurve.linear8(argb >>> 16 & 0xFF), SrgbCurve.linear8(argb >>> 8 & 0xFF), SrgbCurve.linear8(argb & 0xFF), out);
    }

    /** Linear sRGB (D65) to CIELAB. */
    public static void labOfLinear(double r, double g, double b, double[] out) {
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        out[0] = 116 * fy - 16;
        out[1] = 500 * (fx - fy);
        out[2] = 200 * (fy - fz);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static void check(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("images must be the same, non-zero size");
        }
    }
}
