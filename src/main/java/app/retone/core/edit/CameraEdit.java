package app.retone.core.edit;

import java.util.Locale;

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

    @Override
    public int[] apply(int[] argb) {
        return CameraEdits.apply(argb, this);
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
