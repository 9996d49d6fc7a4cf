package app.retone.core.edit;

import app.retone.core.color.SrgbCurve;
import app.retone.core.color.WhiteBalance;

/**
 * The steps of a camera edit ({@link CameraEdits}), each on linear light: the tone curves of the
 * flat look, the saturation around luminance, the white balance's gains. {@link CameraEdit#apply}
 * runs them in order.
 */
final class CameraEditSteps {

    /** Mid-grey, the pivot of the contrast step. */
    static final double MID_GREY = 0.18;
    /** Where the highlight shoulder starts, in linear light. */
    static final double SHOULDER_KNEE = 0.5;

    private static final double LUMA_R = 0.2126;
    private static final double LUMA_G = 0.7152;
    private static final double LUMA_B = 0.0722;

    private CameraEditSteps() {
    }

    /** 0.18 · (x / 0.18)^c for x &gt; 0. */
    static double contrast(double x, double c) {
        return c == 1 || x <= 0 ? x : MID_GREY * Math.pow(x / MID_GREY, c);
    }

    /**
     * Identity up to the knee, then a quadratic shoulder: slope 1 at the knee, 1 − s at 1, so white
     * ends at 1 − s (1 − knee) / 2 = 1 − s/4. Beyond 1 it carries on with that slope (monotone).
     */
    static double shoulder(double x, double s) {
        if (s == 0 || x <= SHOULDER_KNEE) {
            return x;
        }
        double span = 1 - SHOULDER_KNEE;
        double t = Math.min(x - SHOULDER_KNEE, span);
        double bent = SHOULDER_KNEE + t - s * t * t / (2 * span);
        return x - SHOULDER_KNEE > span ? bent + (1 - s) * (x - SHOULDER_KNEE - span) : bent;
    }

    /** Chroma around the pixel's luminance × s (linear light). */
    static void saturate(double[] rgb, double s) {
        if (s == 1) {
            return;
        }
        double y = LUMA_R * rgb[0] + LUMA_G * rgb[1] + LUMA_B * rgb[2];
        for (int c = 0; c < 3; c++) {
            rgb[c] = y + s * (rgb[c] - y);
        }
    }

    /** The mean luminance of 8-bit sRGB pixels, in linear light (0 for none). */
    static double meanLuminance(int[] argb) {
        double sum = 0;
        for (int p : argb) {
            sum += LUMA_R * SrgbCurve.linear8(p >>> 16 & 0xFF) + LUMA_G * SrgbCurve.linear8(p >>> 8 & 0xFF)
                    + LUMA_B * SrgbCurve.linear8(p & 0xFF);
        }
        return argb.length == 0 ? 0 : sum / argb.length;
    }

    /** The white-balance step's gains: {@link WhiteBalance#gains}. */
    static double[] whiteBalanceGains(double mired, double duv) {
        return WhiteBalance.gains(mired, duv);
    }
}
