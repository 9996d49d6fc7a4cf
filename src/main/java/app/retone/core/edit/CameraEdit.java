package app.retone.core.edit;

import app.retone.core.color.SrgbCurve;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One draw of what a camera or phone gets wrong ({@link CameraEdits}), each defect in linear light.
 * A field at its neutral value means the step is skipped.
 *
 * @param exposureEv  exposure error in stops: linear light × 2^ev (0 = none)
 * @param mired       white balance error along the blue–amber axis: the photo takes the colour of a
 *                    Planckian light this many mired warmer (positive) or cooler than the 6504 K it
 *                    was balanced for (0 = none)
 * @param duv         white balance error along the green–magenta axis: that light's distance from the
 *                    Planckian locus in CIE 1960 uv, positive towards green (0 = none)
 * @param contrast    mid-tone contrast: linear light x → 0.18 · (x / 0.18)^contrast, &lt; 1 flatter (1 = none)
 * @param flare       lifted blacks, veiling glare: this share of the photo's mean luminance added to
 *                    every channel (0 = none)
 * @param shoulder    soft highlights: above half of white the curve bends down quadratically so that
 *                    white ends at 1 − shoulder / 4 (0 = none)
 * @param saturation  chroma kept around each pixel's luminance, &lt; 1 duller (1 = none)
 */
public record CameraEdit(double exposureEv, double mired, double duv, double contrast, double flare, double shoulder,
                         double saturation) implements PhotoEdit {

    public static final CameraEdit NONE = new CameraEdit(0, 0, 0, 1, 0, 0, 1);

    /** The steps of a camera edit, in the order they are applied. */
    public enum Step { EXPOSURE, WHITE_BALANCE, FLAT_TONE, SATURATION }

    public CameraEdit {
        if (!Double.isFinite(exposureEv) || !Double.isFinite(mired) || !Double.isFinite(duv) || !(contrast > 0)
                || !(flare >= 0) || !(shoulder >= 0 && shoulder <= 1) || !(saturation >= 0)) {
            throw new IllegalArgumentException("not a camera edit: " + describe(exposureEv, mired, duv, contrast, flare,
                    shoulder, saturation));
        }
    }

    public boolean has(Step step) {
        return switch (step) {
            case EXPOSURE -> exposureEv != 0;
            case WHITE_BALANCE -> mired != 0 || duv != 0;
            case FLAT_TONE -> contrast != 1 || flare != 0 || shoulder != 0;
            case SATURATION -> saturation != 1;
        };
    }

    /** This edit reduced to one of its steps (the others neutral). */
    public CameraEdit only(Step step) {
        return new CameraEdit(step == Step.EXPOSURE ? exposureEv : 0, step == Step.WHITE_BALANCE ? mired : 0,
                step == Step.WHITE_BALANCE ? duv : 0, step == Step.FLAT_TONE ? contrast : 1,
                step == Step.FLAT_TONE ? flare : 0, step == Step.FLAT_TONE ? shoulder : 0,
                step == Step.SATURATION ? saturation : 1);
    }

    @Override
    public boolean isIdentity() {
        for (Step step : Step.values()) {
            if (has(step)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The edited pixels (8-bit sRGB, alpha passed through), a new array: the steps in linear light
     * ({@link CameraEditSteps}), then 8-bit sRGB again, clipped.
     */
    @Override
    public int[] apply(int[] argb) {
        int[] out = new int[argb.length];
        if (isIdentity()) {
            System.arraycopy(argb, 0, out, 0, argb.length);
            return out;
        }
        double exposure = Math.pow(2, exposureEv);
        double[] gains = CameraEditSteps.whiteBalanceGains(mired, duv);
        double gr = exposure * gains[0];
        double gg = exposure * gains[1];
        double gb = exposure * gains[2];
        // the glare is a share of the (exposed, balanced) photo's mean luminance
        double lift = flare == 0 ? 0 : flare * CameraEditSteps.meanLuminance(argb) * exposure;
        IntStream.range(0, (argb.length + 4095) >> 12).parallel().forEach(chunk -> {
            double[] rgb = new double[3];
            for (int i = chunk << 12, end = Math.min(argb.length, i + 4096); i < end; i++) {
                int p = argb[i];
                rgb[0] = SrgbCurve.linear8(p >>> 16 & 0xFF) * gr;
                rgb[1] = SrgbCurve.linear8(p >>> 8 & 0xFF) * gg;
                rgb[2] = SrgbCurve.linear8(p & 0xFF) * gb;
                for (int c = 0; c < 3; c++) {
                    rgb[c] = CameraEditSteps.shoulder(CameraEditSteps.contrast(rgb[c], contrast) + lift, shoulder);
                }
                CameraEditSteps.saturate(rgb, saturation);
                out[i] = p & 0xFF000000 | SrgbCurve.toLevel8(rgb[0]) << 16 | SrgbCurve.toLevel8(rgb[1]) << 8
                        | SrgbCurve.toLevel8(rgb[2]);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return isIdentity() ? "unedited" : describe(exposureEv, mired, duv, contrast, flare, shoulder, saturation);
    }

    private static String describe(double ev, double mired, double duv, double contrast, double flare, double shoulder,
                                   double saturation) {
        return String.format(Locale.ROOT, "exposure %+.2f EV, white balance %+.0f mired %+.4f Duv, contrast %.2f, "
                + "flare %.3f, shoulder %.2f, saturation %.2f", ev, mired, duv, contrast, flare, shoulder, saturation);
    }
}
