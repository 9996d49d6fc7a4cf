package app.retone.core.edit;

import java.util.Locale;

/**
 * One random "bad edit", as drawn by {@link RandomEdits} (the seed's {@code random_edit}); the names follow
 * the seed's recorded parameters ({@code caseN.json} in the test resources). A field at its neutral value
 * means the step is skipped.
 *
 * @param contrast        contrast factor, PIL's {@code ImageEnhance.Contrast} (1 = none)
 * @param gamma           exponent on each channel, through PIL's rounded 256-entry table (1 = none)
 * @param brightnessLut   256 ints: HSV value V becomes {@code brightnessLut[V]}, clipped to 0..255 (null = none)
 * @param saturationByHue 256 factors: HSV saturation S becomes {@code round(S · saturationByHue[H])}, clipped to
 *                        0..255, H being PIL's 8-bit hue (null = none). With either table the photo goes through
 *                        PIL's HSV and back, which is not lossless by itself; with neither it does not.
 * @param spill           per-channel factors r, g, b, PIL's {@code convert("RGB", matrix)} (null = none)
 * @param noiseAlpha      share of uniform RGB noise blended in, 0..0.1 (0 = none)
 * @param noiseSeed       seed of that noise
 */
public record EditParameters(double contrast, double gamma, int[] brightnessLut, double[] saturationByHue,
        double[] spill, double noiseAlpha, long noiseSeed) implements PhotoEdit {

    public static final EditParameters NONE = new EditParameters(1, 1, null, null, null, 0, 0);

    /** The steps of an edit; CURVE is the brightness curve (V), HUE_SATURATION the saturation by hue (S). */
    public enum Step { CONTRAST, GAMMA, CURVE, HUE_SATURATION, SPILL, NOISE }

    public EditParameters {
        if (brightnessLut != null && brightnessLut.length != 256) {
            throw new IllegalArgumentException("brightnessLut needs 256 entries, has " + brightnessLut.length);
        }
        if (saturationByHue != null && saturationByHue.length != 256) {
            throw new IllegalArgumentException("saturationByHue needs 256 entries, has " + saturationByHue.length);
        }
        if (spill != null && spill.length != 3) {
            throw new IllegalArgumentException("spill needs 3 factors, has " + spill.length);
        }
    }

    /** Whether this edit changes the given step. */
    public boolean has(Step step) {
        return switch (step) {
            case CONTRAST -> contrast != 1;
            case GAMMA -> gamma != 1;
            case CURVE -> brightnessLut != null;
            case HUE_SATURATION -> saturationByHue != null;
            case SPILL -> spill != null;
            case NOISE -> noiseAlpha != 0;
        };
    }

    /** This edit reduced to one of its steps (the others neutral). */
    public EditParameters only(Step step) {
        return new EditParameters(step == Step.CONTRAST ? contrast : 1, step == Step.GAMMA ? gamma : 1,
                step == Step.CURVE ? brightnessLut : null, step == Step.HUE_SATURATION ? saturationByHue : null,
                step == Step.SPILL ? spill : null, step == Step.NOISE ? noiseAlpha : 0, noiseSeed);
    }

    /**
     * The edited pixels (packed ARGB, alpha passed through), a new array: every step this edit has,
     * in the seed's order, with PIL 9's arithmetic ({@link SeedEditSteps}).
     */
    @Override
    public int[] apply(int[] argb) {
        if (isIdentity()) {
            return argb.clone();
        }
        int[] px = argb;
        if (has(Step.CONTRAST)) {
            px = SeedEditSteps.contrast(px, contrast);
        }
        if (has(Step.GAMMA)) {
            px = SeedEditSteps.gamma(px, gamma);
        }
        if (has(Step.CURVE) || has(Step.HUE_SATURATION)) {
            px = SeedEditSteps.hsv(px, saturationByHue, brightnessLut);
        }
        if (has(Step.SPILL)) {
            px = SeedEditSteps.spill(px, spill);
        }
        if (has(Step.NOISE)) {
            px = SeedEditSteps.noise(px, noiseAlpha, noiseSeed);
        }
        return px == argb ? argb.clone() : px;
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
    public String toString() {
        if (isIdentity()) {
            return "unedited";
        }
        StringBuilder sb = new StringBuilder();
        if (has(Step.CONTRAST)) {
            sb.append(String.format(Locale.ROOT, "contrast %.2f ", contrast));
        }
        if (has(Step.GAMMA)) {
            sb.append(String.format(Locale.ROOT, "gamma %.2f ", gamma));
        }
        if (has(Step.CURVE)) {
            sb.append(String.format(Locale.ROOT, "brightness %d..%d ", brightnessLut[0], brightnessLut[255]));
        }
        if (has(Step.HUE_SATURATION)) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double f : saturationByHue) {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
            sb.append(String.format(Locale.ROOT, "saturation ×%.2f..%.2f ", min, max));
        }
        if (has(Step.SPILL)) {
            sb.append(String.format(Locale.ROOT, "spill %.2f/%.2f/%.2f ", spill[0], spill[1], spill[2]));
        }
        if (has(Step.NOISE)) {
            sb.append(String.format(Locale.ROOT, "noise %.3f", noiseAlpha));
        }
        return sb.toString().trim();
    }
}
