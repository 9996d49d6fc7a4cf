package app.retone.core.color;

/**
 * White balance in linear light: the per-channel gains that give a neutral the colour of a light
 * warmer or cooler than daylight (along the Planckian locus, in mired) and greener or more magenta
 * (off the locus, in Duv), relative to 6504 K, with luminance kept. The one home of the locus for
 * the camera family of bad edits and for the develop adjustments Temperature and Tint.
 */
public final class WhiteBalance {

    /** The white photos are balanced for: 6504 K, D65's correlated colour temperature. */
    public static final double REFERENCE_KELVIN = 6504;

    private WhiteBalance() {
    }

    /**
     * Linear-sRGB gains that give a neutral the colour of a light {@code mired} warmer than 6504 K
     * (negative: cooler) and {@code duv} off the Planckian locus (positive: towards green),
     * relative to 6504 K on it; their Rec. 709 luminance is 1.
     */
    public static double[] gains(double mired, double duv) {
        if (mired == 0 && duv == 0) {
            return new double[] {1, 1, 1};
        }
        double referenceMired = 1e6 / REFERENCE_KELVIN;
        double kelvin = 1e6 / Math.max(1e6 / 20000, referenceMired + mired); // the locus formula holds to 15 000 K; 20 000 at most
        double[] reference = linearSrgbOfLight(REFERENCE_KELVIN, 0);
        double[] cast = linearSrgbOfLight(kelvin, duv);
        double[] gains = new double[3];
        for (int c = 0; c < 3; c++) {
            gains[c] = cast[c] / reference[c];
        }
        double y = RgbSpace.luminance(gains[0], gains[1], gains[2]);
        for (int c = 0; c < 3; c++) {
            gains[c] /= y;
        }
        return gains;
    }

    /** The linear sRGB (Y = 1) of a light at {@code kelvin}, {@code duv} off the Planckian locus (CIE 1960 uv). */
    static double[] linearSrgbOfLight(double kelvin, double duv) {
        double[] uv = planckianUv(kelvin);
        if (duv != 0) {
            // the locus's normal, towards green (positive v side of its tangent)
            double[] ahead = planckianUv(kelvin * 1.001);
            double du = ahead[0] - uv[0];
            double dv = ahead[1] - uv[1];
            double norm = Math.hypot(du, dv);
            double nu = -dv / norm;
            double nv = du / norm;
            if (nv < 0) {
                nu = -nu;
                nv = -nv;
            }
            uv = new double[] {uv[0] + duv * nu, uv[1] + duv * nv};
        }
        double d = 2 * uv[0] - 8 * uv[1] + 4;
        double x = 3 * uv[0] / d;
        double y = 2 * uv[1] / d;
        double bigX = x / y;
        double bigZ = (1 - x - y) / y;
        return new double[] {
            3.2404542 * bigX - 1.5371385 - 0.4985314 * bigZ,
            -0.9692660 * bigX + 1.8760108 + 0.0415560 * bigZ,
            0.0556434 * bigX - 0.2040259 + 1.0572252 * bigZ};
    }

    /** Krystek's (1985) rational approximation of the Planckian locus in CIE 1960 uv, 1000–15000 K. */
    public static double[] planckianUv(double t) {
        double u = (0.860117757 + 1.54118254e-4 * t + 1.28641212e-7 * t * t) / (1 + 8.42420235e-4 * t + 7.08145163e-7 * t * t);
        double v = (0.317398726 + 4.22806245e-5 * t + 4.20481691e-8 * t * t) / (1 - 2.89741816e-5 * t + 1.61456053e-7 * t * t);
        return new double[] {u, v};
    }
}
