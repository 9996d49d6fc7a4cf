package app.retone.core.render;

import app.retone.core.color.RgbSpace;
import app.retone.core.color.SrgbCurve;
import app.retone.core.color.WhiteBalance;
import java.util.List;
import java.util.Locale;

/**
 * The develop adjustments, as Lightroom's Basic panel names them, applied after the look: global
 * colour operations on linear light (extended-range sRGB), so together with the look and its
 * strength they fold into the one 3D LUT a photo is rendered with ({@link Recipe#lut}). All zero
 * is no change. In order:
 * <ol>
 *   <li><b>Temperature</b> and <b>Tint</b> (−100…+100): white moves along the blue–amber axis by
 *       Temperature mired (positive warmer: a neutral takes the colour of a light that much warmer
 *       than 6504 K) and off it along green–magenta by −Tint / 5000 Duv (positive more magenta), by
 *       per-channel gains in linear light that keep luminance ({@link WhiteBalance#gains}).</li>
 *   <li><b>Exposure</b> (−5…+5 EV): linear light × 2^EV.</li>
 *   <li>The tone curve, on the pixel's luminance Y with its hue and saturation kept (the pixel is
 *       scaled by Y′/Y, Y′ never below 0; a black pixel becomes the neutral Y′), in the sRGB-encoded luminance
 *       v = sRGB(Y), a perceptual scale:
 *     <ul>
 *       <li><b>Contrast</b> (−100…+100): v → m (v/m)^g below mid-grey m = sRGB(0.18), 1 − (1 − m)((1 − v)/(1 − m))^g
 *           above it, g = 2^(Contrast/100): 0, mid-grey and white stay, the mid-tones' slope is g;</li>
 *       <li><b>Blacks</b>, <b>Shadows</b>, <b>Highlights</b>, <b>Whites</b> (−100…+100): a monotone
 *           cubic (Fritsch–Carlson) through (0, Blacks/1000), (¼, ¼ + Shadows/800), (½, ½),
 *           (¾, ¾ + Highlights/800), (1, 1 + Whites/1000): each moves its quarter of the tones
 *           by up to 0.125 (Shadows, Highlights) or its end by up to 0.1 (Blacks, Whites; below 0 or
 *           above 1 clips there), and the curve never turns back.</li>
 *     </ul></li>
 *   <li><b>Vibrance</b> and <b>Saturation</b> (−100…+100): chroma around the luminance (x − Y) × k,
 *       k = (1 + Saturation/100)(1 + Vibrance/100 · (1 − S)), S = (max − min)/max of the pixel's
 *       linear channels (0 grey, 1 fully saturated): Vibrance moves dull colours most and leaves
 *       the most saturated alone; Saturation −100 is grey.</li>
 * </ol>
 *
 * @param exposure   EV, −5…+5
 * @param contrast   −100…+100, likewise the rest
 */
public record Develop(double exposure, double contrast, double highlights, double shadows, double whites, double blacks,
                      double temperature, double tint, double vibrance, double saturation) {

    public static final Develop NEUTRAL = new Develop(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static final double EXPOSURE_RANGE = 5;
    public static final double RANGE = 100;

    /** The adjustments by name, in the Basic panel's order: their one list for the app, the command line and the sidecar. */
    public enum Adjustment {
        TEMPERATURE("temperature", "Temperature", RANGE),
        TINT("tint", "Tint", RANGE),
        EXPOSURE("exposure", "Exposure", EXPOSURE_RANGE),
        CONTRAST("contrast", "Contrast", RANGE),
        HIGHLIGHTS("highlights", "Highlights", RANGE),
        SHADOWS("shadows", "Shadows", RANGE),
        WHITES("whites", "Whites", RANGE),
        BLACKS("blacks", "Blacks", RANGE),
        VIBRANCE("vibrance", "Vibrance", RANGE),
        SATURATION("saturation", "Saturation", RANGE);

        private final String id;
        private final String label;
        private final double range;

        Adjustment(String id, String label, double range) {
            this.id = id;
            this.label = label;
            this.range = range;
        }

        /** The name on the command line (--id) and in the sidecar. */
        public String id() {
            return id;
        }

        /** The name a person reads. */
        public String label() {
            return label;
        }

        /** The values run from −range to +range; 0 is no change. */
        public double range() {
            return range;
        }

        public boolean isValid(double value) {
            return value >= -range && value <= range;
        }

        /** The value as a person reads it: "+0.50 EV" or "+20". */
        public String format(double value) {
            return this == EXPOSURE ? String.format(Locale.ROOT, "%+.2f EV", value) : String.format(Locale.ROOT, "%+.0f", value);
        }
    }

    public Develop {
        double[] values = {exposure, contrast, highlights, shadows, whites, blacks, temperature, tint, vibrance, saturation};
        Adjustment[] order = {Adjustment.EXPOSURE, Adjustment.CONTRAST, Adjustment.HIGHLIGHTS, Adjustment.SHADOWS,
            Adjustment.WHITES, Adjustment.BLACKS, Adjustment.TEMPERATURE, Adjustment.TINT, Adjustment.VIBRANCE,
            Adjustment.SATURATION};
        for (int i = 0; i < values.length; i++) {
            if (!order[i].isValid(values[i])) {
                throw new IllegalArgumentException(outOfRange(order[i], values[i]));
            }
        }
    }

    /** "Exposure must be between −5 and +5, got 7" — the one message for a value out of range. */
    public static String outOfRange(Adjustment adjustment, double value) {
        return String.format(Locale.ROOT, "%s must be between -%s and +%s, got %s", adjustment.label(),
                trim(adjustment.range()), trim(adjustment.range()), trim(value));
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }

    public double get(Adjustment a) {
        return switch (a) {
            case EXPOSURE -> exposure;
            case CONTRAST -> contrast;
            case HIGHLIGHTS -> highlights;
            case SHADOWS -> shadows;
            case WHITES -> whites;
            case BLACKS -> blacks;
            case TEMPERATURE -> temperature;
            case TINT -> tint;
            case VIBRANCE -> vibrance;
            case SATURATION -> saturation;
        };
    }

    /** The same with one adjustment set to {@code value}. */
    public Develop with(Adjustment a, double value) {
        return new Develop(a == Adjustment.EXPOSURE ? value : exposure, a == Adjustment.CONTRAST ? value : contrast,
                a == Adjustment.HIGHLIGHTS ? value : highlights, a == Adjustment.SHADOWS ? value : shadows,
                a == Adjustment.WHITES ? value : whites, a == Adjustment.BLACKS ? value : blacks,
                a == Adjustment.TEMPERATURE ? value : temperature, a == Adjustment.TINT ? value : tint,
                a == Adjustment.VIBRANCE ? value : vibrance, a == Adjustment.SATURATION ? value : saturation);
    }

    public boolean isNeutral() {
        return equals(NEUTRAL);
    }

    public static List<Adjustment> adjustments() {
        return List.of(Adjustment.values());
    }

    // ---- the operation --------------------------------------------------------------------

    /** Intervals of an operation's tabulated tone curve over [0, 1]. */
    static final int TONE_STEPS = 4096;

    /** Mid-grey, 18 % linear, on the sRGB-encoded scale the tone curve works on. */
    static final double MID_GREY = SrgbCurve.toEncoded(0.18);

    /** The develop adjustments prepared for many pixels: gains, exponent and the tone curve's spline. */
    public Operation operation() {
        return new Operation(this);
    }

    /** {@link Develop} prepared to apply to many colours; immutable, any thread. */
    public static final class Operation {
        private final double[] gains;
        private final double contrastPower;
        private final double[] knotX = {0, 0.25, 0.5, 0.75, 1};
        private final double[] knotY;
        private final double[] slopes;
        private final boolean tone;
        private final double saturation;
        private final double vibrance;
        private final boolean neutral;
        /** The tone curve from encoded luminance to linear luminance, tabulated over [0, 1]. */
        private final double[] toneTable;

        Operation(Develop d) {
            neutral = d.isNeutral();
            double[] wb = WhiteBalance.gains(d.temperature(), -d.tint() / 5000.0);
            double exposure = Math.pow(2, d.exposure());
            gains = new double[] {wb[0] * exposure, wb[1] * exposure, wb[2] * exposure};
            contrastPower = Math.pow(2, d.contrast() / 100);
            knotY = new double[] {d.blacks() / 1000, 0.25 + d.shadows() / 800, 0.5, 0.75 + d.highlights() / 800,
                1 + d.whites() / 1000};
            slopes = monotoneSlopes(knotX, knotY);
            tone = d.contrast() != 0 || d.blacks() != 0 || d.shadows() != 0 || d.highlights() != 0 || d.whites() != 0;
            saturation = 1 + d.saturation() / 100;
            vibrance = d.vibrance() / 100;
            toneTable = new double[TONE_STEPS + 1];
            if (tone) {
                for (int i = 0; i <= TONE_STEPS; i++) {
                    toneTable[i] = Math.max(0, SrgbCurve.toLinear(toneCurve((double) i / TONE_STEPS)));
                }
            }
        }

        /** Encoded luminance → the tone curve's linear luminance: from the table within [0, 1], exactly beyond. */
        private double tonedLinear(double v) {
            if (v >= 0 && v < 1) {
                double pos = v * TONE_STEPS;
                int i = (int) pos;
                double t = pos - i;
                return toneTable[i] + t * (toneTable[i + 1] - toneTable[i]);
            }
            return Math.max(0, SrgbCurve.toLinear(toneCurve(v)));
        }

        public boolean isNeutral() {
            return neutral;
        }

        /** Applies the adjustments to one colour in linear light (extended-range sRGB), in place. */
        public void applyLinear(double[] rgb) {
            if (neutral) {
                return;
            }
            for (int c = 0; c < 3; c++) {
                rgb[c] *= gains[c];
            }
            if (tone) {
                double y = RgbSpace.luminance(rgb[0], rgb[1], rgb[2]);
                // a curve crushing the blacks below 0 leaves black, never a negative light
                double toned = tonedLinear(SrgbCurve.toEncodedFast(y));
                if (y > 1e-9) {
                    double scale = toned / y;
                    for (int c = 0; c < 3; c++) {
                        rgb[c] *= scale;
                    }
                } else {
                    rgb[0] = toned;
                    rgb[1] = toned;
                    rgb[2] = toned;
                }
            }
            if (saturation != 1 || vibrance != 0) {
                double y = RgbSpace.luminance(rgb[0], rgb[1], rgb[2]);
                double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
                double min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
                double s = max > 0 ? Math.max(0, Math.min(1, (max - min) / max)) : 0;
                double k = saturation * (1 + vibrance * (1 - s));
                for (int c = 0; c < 3; c++) {
                    rgb[c] = y + k * (rgb[c] - y);
                }
            }
        }

        /** Applies the adjustments to one encoded sRGB colour (extended range), in place. */
        public void applyEncoded(double[] rgb) {
            if (neutral) {
                return;
            }
            for (int c = 0; c < 3; c++) {
                rgb[c] = SrgbCurve.toLinearFast(rgb[c]);
            }
            applyLinear(rgb);
            for (int c = 0; c < 3; c++) {
                rgb[c] = SrgbCurve.toEncodedFast(rgb[c]);
            }
        }

        /** The tone curve on the encoded luminance: contrast about mid-grey, then the five-point spline. */
        double toneCurve(double v) {
            double c = contrast(v);
            return spline(c);
        }

        double contrast(double v) {
            if (contrastPower == 1 || v <= 0 || v >= 1) {
                return v;
            }
            double m = MID_GREY;
            return v <= m ? m * Math.pow(v / m, contrastPower) : 1 - (1 - m) * Math.pow((1 - v) / (1 - m), contrastPower);
        }

        double spline(double v) {
            double[] x = knotX;
            double[] y = knotY;
            if (v <= 0) {
                return y[0] + slopes[0] * v;
            }
            if (v >= 1) {
                return y[4] + slopes[4] * (v - 1);
            }
            int k = Math.min(3, (int) (v * 4));
            double h = x[k + 1] - x[k];
            double t = (v - x[k]) / h;
            double t2 = t * t;
            double t3 = t2 * t;
            return (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * h * slopes[k] + (-2 * t3 + 3 * t2) * y[k + 1]
                    + (t3 - t2) * h * slopes[k + 1];
        }
    }

    /** Fritsch–Carlson slopes: a cubic Hermite spline through increasing points that never turns back. */
    static double[] monotoneSlopes(double[] x, double[] y) {
        int n = x.length;
        double[] delta = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            delta[k] = (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
        }
        double[] m = new double[n];
        m[0] = delta[0];
        m[n - 1] = delta[n - 2];
        for (int k = 1; k < n - 1; k++) {
            m[k] = delta[k - 1] * delta[k] <= 0 ? 0 : (delta[k - 1] + delta[k]) / 2;
        }
        for (int k = 0; k < n - 1; k++) {
            if (delta[k] == 0) {
                m[k] = 0;
                m[k + 1] = 0;
                continue;
            }
            double a = m[k] / delta[k];
            double b = m[k + 1] / delta[k];
            double r = a * a + b * b;
            if (r > 9) {
                double t = 3 / Math.sqrt(r);
                m[k] = t * a * delta[k];
                m[k + 1] = t * b * delta[k];
            }
        }
        return m;
    }
}
