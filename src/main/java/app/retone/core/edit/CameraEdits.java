package app.retone.core.edit;

import java.util.SplittableRandom;

/**
 * The "camera" family of bad edits: what cameras and phones get wrong when they render a photo,
 * simulated in linear light (sRGB primaries) on a good photo. Real camera renderings, beside a
 * retoucher's version of the same shot, are mostly darker, flatter and less colourful, with white
 * balance off along the blue–amber and the green–magenta axes; the seed's edits ({@link RandomEdits})
 * brighten as often as they darken and tint by per-channel gains, so a model that learnt from them
 * alone is timid on these defects.
 *
 * <p>The steps, in order, each with the range it is drawn from and where that range comes from:
 * <ol>
 * <li><b>Exposure</b>: linear light × 2^ev, ev ~ N(−0.5, 0.45) clipped to [−1.5, +1.0]: mostly under.
 *     Reflected-light meters are calibrated with K = 12.5 (ISO 2720), which renders an average scene as
 *     about 12 % grey, half a stop below the 18 % card, and cameras' highlight-weighted metering errs
 *     further under; Afifi et al., "Learning Multi-Scale Photo Exposure Correction" (CVPR 2021), take
 *     −1.5 … +1.5 EV as the span of real mis-exposures.</li>
 * <li><b>White balance</b>: every pixel multiplied by the linear-sRGB colour of a Planckian light
 *     {@code mired} warmer than 6504 K and {@code duv} off the locus, relative to 6504 K's (luminance
 *     kept). mired ~ N(+8, 30) clipped to [−70, +90]; duv ~ N(0, 0.004) clipped to ±0.012. Afifi et al.,
 *     "When Color Constancy Goes Wrong" (CVPR 2019), render wrong white balance with the camera presets
 *     2850, 3800, 5500, 6500 and 7500 K, 21 to 88 mired apart: one preset off is the typical error, two
 *     the large one. Auto white balance leaves warm light warmer more often than it over-corrects it
 *     (the small warm bias). Tint: ANSI C78.377 allows ±0.006 Duv for a nominal white light, and
 *     fluorescent and LED light sits up to about 0.01 above the locus, which a balance along the
 *     locus alone leaves as a green (or, over-corrected, magenta) cast.</li>
 * <li><b>Flat tone</b>, each part with its own chance: mid-tone contrast x → 0.18 (x / 0.18)^c,
 *     c ~ U(0.72, 1) (60 %; an estimate: camera makers' "neutral" and "flat" picture profiles against
 *     their "standard" ones, and retouchers' usual contrast and clarity moves); lifted blacks, mean
 *     luminance × f added, f ~ U(0, 0.03) (50 %; ISO 9358 veiling-glare indices of photographic lenses
 *     are typically 1–3 %); soft highlights, a quadratic shoulder above half of white ending at
 *     1 − s/4, s ~ U(0, 0.8) (40 %; an estimate of the highlight compression of phones' HDR rendering).</li>
 * <li><b>Saturation</b>: chroma around luminance × s, s ~ U(0.7, 1) (60 %; an estimate: "neutral"
 *     camera renderings against retouched versions, where +10 … +30 vibrance or saturation is usual).</li>
 * </ol>
 * Exposure and white balance are always drawn (their errors are continuous, often small); one draw in
 * {@link #UNEDITED_SHARE} leaves the photo as it is, as the seed's does. The result is encoded back to
 * 8-bit sRGB, clipped: light pushed beyond white is lost, as in a camera's JPEG. This class draws
 * the edits; {@link CameraEdit#apply} applies them, step by step ({@link CameraEditSteps}).
 */
public final class CameraEdits {

    public static final double UNEDITED_SHARE = RandomEdits.UNEDITED_SHARE;

    static final double EV_MEAN = -0.5;
    static final double EV_SD = 0.45;
    static final double EV_MIN = -1.5;
    static final double EV_MAX = 1.0;
    static final double MIRED_MEAN = 8;
    static final double MIRED_SD = 30;
    static final double MIRED_MIN = -70;
    static final double MIRED_MAX = 90;
    static final double DUV_SD = 0.004;
    static final double DUV_MAX = 0.012;
    static final double CONTRAST_MIN = 0.72;
    static final double CONTRAST_SHARE = 0.6;
    static final double FLARE_MAX = 0.03;
    static final double FLARE_SHARE = 0.5;
    static final double SHOULDER_MAX = 0.8;
    static final double SHOULDER_SHARE = 0.4;
    static final double SATURATION_MIN = 0.7;
    static final double SATURATION_SHARE = 0.6;

    private CameraEdits() {
    }

    /** Draws a camera edit from the ranges above. */
    public static CameraEdit draw(SplittableRandom random) {
        if (random.nextDouble() < UNEDITED_SHARE) {
            return CameraEdit.NONE;
        }
        double ev = clippedGaussian(random, EV_MEAN, EV_SD, EV_MIN, EV_MAX);
        double mired = clippedGaussian(random, MIRED_MEAN, MIRED_SD, MIRED_MIN, MIRED_MAX);
        double duv = clippedGaussian(random, 0, DUV_SD, -DUV_MAX, DUV_MAX);
        double contrast = random.nextDouble() < CONTRAST_SHARE ? CONTRAST_MIN + (1 - CONTRAST_MIN) * random.nextDouble() : 1;
        double flare = random.nextDouble() < FLARE_SHARE ? FLARE_MAX * random.nextDouble() : 0;
        double shoulder = random.nextDouble() < SHOULDER_SHARE ? SHOULDER_MAX * random.nextDouble() : 0;
        double saturation = random.nextDouble() < SATURATION_SHARE
                ? SATURATION_MIN + (1 - SATURATION_MIN) * random.nextDouble() : 1;
        return new CameraEdit(ev, mired, duv, contrast, flare, shoulder, saturation);
    }

    static double clippedGaussian(SplittableRandom random, double mean, double sd, double min, double max) {
        return Math.max(min, Math.min(max, mean + sd * random.nextGaussian()));
    }
}
