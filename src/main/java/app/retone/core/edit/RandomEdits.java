package app.retone.core.edit;

import java.util.SplittableRandom;

/**
 * The seed project's {@code random_edit}, draw for draw: the random "bad edits" that make training and
 * evaluation pairs. One draw in {@link #UNEDITED_SHARE} leaves the photo as it is; every other draw has all
 * steps ({@link EditParameters}), which {@link EditParameters#apply} applies in the seed's order with PIL 9's
 * arithmetic ({@link SeedEditSteps}). The draws' curves are {@link EditCurves}'s.
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
        return new EditParameters(contrast, gamma, EditCurves.brightnessLut(brightnessKnots),
                EditCurves.saturationByHue(saturationKnots), spill, noiseAlpha, random.nextLong());
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
}
