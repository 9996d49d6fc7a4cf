package app.retone.core.render;

import java.math.BigDecimal;

/**
 * How much of a look applies: the LUT blended with identity, {@code identity + s · (LUT − identity)}
 * ({@link app.retone.core.color.ColorLut3D#withStrength}). 0 gives the photo back bit for bit, 1
 * is the full transfer, values above 1 extrapolate. The one home of the range the app's slider,
 * the command line's {@code --strength} and the slider's frames use.
 */
public final class Strength {

    public static final double MIN = 0;
    public static final double MAX = 1.5;
    /** What a new look starts at, in the app and on the command line. */
    public static final double DEFAULT = 1.0;
    /** {@link #MIN} in percent, for the app's slider (which counts in percent). */
    public static final double MIN_PERCENT = MIN * 100;
    /** {@link #MAX} in percent, for the app's slider (which counts in percent). */
    public static final double MAX_PERCENT = MAX * 100;
    /**
     * Beyond the full transfer a channel may clip, so the slider's frames are this far apart
     * between 1 and {@link #MAX} (see {@link #sliderFrames}).
     */
    private static final double FRAME_STEP = 0.125;

    private Strength() {
    }

    /** Whether {@code strength} is within {@link #MIN}..{@link #MAX} (NaN is not). */
    public static boolean isValid(double strength) {
        return strength >= MIN && strength <= MAX;
    }

    /** {@code strength} itself, or an {@link IllegalArgumentException} saying the range. */
    public static double check(double strength) {
        if (!isValid(strength)) {
            throw new IllegalArgumentException(outOfRange("strength", strength));
        }
        return strength;
    }

    /** The nearest strength within the range. NaN stays NaN: the caller decides what no value means. */
    public static double clamp(double strength) {
        return Math.max(MIN, Math.min(MAX, strength));
    }

    /** "NAME must be between 0 and 1.5, got VALUE": the message for a value outside the range. */
    public static String outOfRange(String name, double strength) {
        return name + " must be between " + plain(MIN) + " and " + plain(MAX) + ", got " + strength;
    }

    /**
     * The strengths the app renders a look at once for its slider, ascending: none, the full
     * transfer (every strength between is an exact mix of these two), then every 12.5 % up to
     * {@link #MAX}. A new array each call.
     */
    public static double[] sliderFrames() {
        int beyond = (int) Math.round((MAX - 1) / FRAME_STEP);
        double[] frames = new double[2 + beyond];
        frames[0] = MIN;
        for (int i = 0; i <= beyond; i++) {
            frames[1 + i] = 1 + i * FRAME_STEP;
        }
        return frames;
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
