package app.retone.core.edit;

/**
 * One random "bad edit", as drawn by {@link RandomEdits}. A field at its neutral value means
 * the step is skipped.
 *
 * @param contrast      factor around the mean luminance (1 = none)
 * @param gamma         exponent on each channel (1 = none)
 * @param curveY        outputs of the brightness curve at inputs 0, 0.2, ..., 1 (null = none)
 * @param hueSaturation saturation factors at 12 hues 0, 30, ..., 330 degrees (null = none)
 * @param gains         per-channel colour spill factors r, g, b (null = none)
 * @param noise         share of uniform noise blended in, 0..0.1 (0 = none)
 * @param noiseSeed     seed of that noise
 */
public record EditParameters(double contrast, double gamma, double[] curveY, double[] hueSaturation, double[] gains,
        double noise, long noiseSeed) {

    public static final EditParameters NONE = new EditParameters(1, 1, null, null, null, 0, 0);

    /** The six steps of an edit. */
    public enum Step { CONTRAST, GAMMA, CURVE, HUE_SATURATION, SPILL, NOISE }

    /** Whether this edit changes the given step. */
    public boolean has(Step step) {
        return switch (step) {
            case CONTRAST -> contrast != 1;
            case GAMMA -> gamma != 1;
            case CURVE -> curveY != null;
            case HUE_SATURATION -> hueSaturation != null;
            case SPILL -> gains != null;
            case NOISE -> noise != 0;
        };
    }

    /** This edit reduced to one of its steps (the others neutral). */
    public EditParameters only(Step step) {
        return new EditParameters(step == Step.CONTRAST ? contrast : 1, step == Step.GAMMA ? gamma : 1,
                step == Step.CURVE ? curveY : null, step == Step.HUE_SATURATION ? hueSaturation : null,
                step == Step.SPILL ? gains : null, step == Step.NOISE ? noise : 0, noiseSeed);
    }

    public boolean isIdentity() {
        return contrast == 1 && gamma == 1 && curveY == null && hueSaturation == null && gains == null && noise == 0;
    }

    @Override
    public String toString() {
        if (isIdentity()) {
            return "unedited";
        }
        StringBuilder sb = new StringBuilder();
        if (contrast != 1) {
            sb.append(String.format(java.util.Locale.ROOT, "contrast %.2f ", contrast));
        }
        if (gamma != 1) {
            sb.append(String.format(java.util.Locale.ROOT, "gamma %.2f ", gamma));
        }
        if (curveY != null) {
            sb.append(String.format(java.util.Locale.ROOT, "curve to %.2f ", curveY[curveY.length - 1]));
        }
        if (hueSaturation != null) {
            sb.append("hue-saturation ");
        }
        if (gains != null) {
            sb.append(String.format(java.util.Locale.ROOT, "spill %.2f/%.2f/%.2f ", gains[0], gains[1], gains[2]));
        }
        if (noise != 0) {
            sb.append(String.format(java.util.Locale.ROOT, "noise %.3f", noise));
        }
        return sb.toString().trim();
    }
}
