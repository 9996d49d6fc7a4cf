package app.retone.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.RgbSpace;
import app.retone.core.color.SrgbCurve;
import app.retone.core.color.WhiteBalance;
import app.retone.core.render.Develop.Adjustment;
import org.junit.jupiter.api.Test;

/** Each develop adjustment against its definition ({@link Develop}'s), and their fold into the recipe's LUT. */
class DevelopTest {

    private static Develop only(Adjustment a, double value) {
        return Develop.NEUTRAL.with(a, value);
    }

    /** The 8-bit sRGB colour {@code argb} through the recipe's LUT (no look, strength 0: the adjustments alone). */
    private static int rendered(Develop develop, int argb) {
        ColorLut3D lut = new Recipe(ColorLut3D.identity(ColorLut3D.DEFAULT_SIZE), 0, develop, false).lut();
        return lut.apply(new int[] {argb}, Interpolation.TETRAHEDRAL)[0];
    }

    private static int grey(int v) {
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    private static double[] linear(int argb) {
        return new double[] {SrgbCurve.linear8(argb >>> 16 & 0xFF), SrgbCurve.linear8(argb >>> 8 & 0xFF),
            SrgbCurve.linear8(argb & 0xFF)};
    }

    @Test
    void exposureMultipliesLinearLightByTwoToTheEv() {
        // grey 118 is 18.1 % linear: +1 EV is 36.2 %, level 162; −1 EV is 9.1 %, level 85
        assertEquals(grey(162), rendered(only(Adjustment.EXPOSURE, 1), grey(118)));
        assertEquals(grey(85), rendered(only(Adjustment.EXPOSURE, -1), grey(118)));
        double[] rgb = {0.1, 0.2, 0.05};
        only(Adjustment.EXPOSURE, 2.5).operation().applyLinear(rgb);
        assertEquals(0.1 * Math.pow(2, 2.5), rgb[0], 1e-12);
        assertEquals(0.05 * Math.pow(2, 2.5), rgb[2], 1e-12);
        assertEquals(grey(255), rendered(only(Adjustment.EXPOSURE, 5), grey(118)), "beyond white clips");
    }

    @Test
    void temperatureAndTintMoveWhiteAlongTheirAxesKeepingLuminance() {
        int warm = rendered(only(Adjustment.TEMPERATURE, 40), grey(128));
        int cool = rendered(only(Adjustment.TEMPERATURE, -40), grey(128));
        int magenta = rendered(only(Adjustment.TINT, 50), grey(128));
        int green = rendered(only(Adjustment.TINT, -50), grey(128));
        assertTrue(r(warm) > g(warm) && g(warm) > b(warm), "warmer: " + Integer.toHexString(warm));
        assertTrue(b(cool) > g(cool) && g(cool) > r(cool), "cooler: " + Integer.toHexString(cool));
        assertTrue(g(magenta) < r(magenta) && g(magenta) < b(magenta), "more magenta: " + Integer.toHexString(magenta));
        assertTrue(g(green) > r(green) && g(green) > b(green), "greener: " + Integer.toHexString(green));
        double[] gains = WhiteBalance.gains(40, 0);
        double[] rgb = {0.3, 0.3, 0.3};
        only(Adjustment.TEMPERATURE, 40).operation().applyLinear(rgb);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.3 * gains[c], rgb[c], 1e-12, "the locus's gains, 40 mired warmer");
        }
        assertEquals(0.3, RgbSpace.luminance(rgb[0], rgb[1], rgb[2]), 1e-12, "luminance kept");
        double[] tinted = {0.3, 0.3, 0.3};
        only(Adjustment.TINT, 50).operation().applyLinear(tinted);
        double[] duv = WhiteBalance.gains(0, -50 / 5000.0);
        assertEquals(0.3 * duv[1], tinted[1], 1e-12, "Tint +50 is −0.01 Duv");
    }

    @Test
    void contrastTurnsAboutMidGreyAndKeepsBlackAndWhite() {
        Develop.Operation more = only(Adjustment.CONTRAST, 60).operation();
        Develop.Operation less = only(Adjustment.CONTRAST, -60).operation();
        double m = Develop.MID_GREY;
        assertEquals(m, more.toneCurve(m), 1e-12);
        assertEquals(0, more.toneCurve(0), 1e-12);
        assertEquals(1, more.toneCurve(1), 1e-12);
        assertTrue(more.toneCurve(0.25) < 0.25 && more.toneCurve(0.8) > 0.8, "steeper about mid-grey");
        assertTrue(less.toneCurve(0.25) > 0.25 && less.toneCurve(0.8) < 0.8, "flatter");
        double h = 1e-6;
        assertEquals(Math.pow(2, 0.6), (more.toneCurve(m + h) - more.toneCurve(m - h)) / (2 * h), 1e-3, "slope 2^(c/100)");
        assertEquals(grey(118), rendered(only(Adjustment.CONTRAST, 80), grey(118)), "mid-grey stays");
    }

    @Test
    void blacksShadowsHighlightsAndWhitesMoveTheirTonesAndTheCurveNeverTurnsBack() {
        assertEquals(0.1, only(Adjustment.BLACKS, 100).operation().toneCurve(0), 1e-12);
        assertEquals(-0.1, only(Adjustment.BLACKS, -100).operation().toneCurve(0), 1e-12);
        assertEquals(0.9, only(Adjustment.WHITES, -100).operation().toneCurve(1), 1e-12);
        assertEquals(0.25 + 0.125, only(Adjustment.SHADOWS, 100).operation().toneCurve(0.25), 1e-12);
        assertEquals(0.75 - 0.125, only(Adjustment.HIGHLIGHTS, -100).operation().toneCurve(0.75), 1e-12);
        assertEquals(0.5, only(Adjustment.SHADOWS, 100).operation().toneCurve(0.5), 1e-12, "mid-tones stay");
        assertEquals(0.75, only(Adjustment.SHADOWS, 100).operation().toneCurve(0.75), 1e-12, "highlights stay");
        // every extreme together, every combination of signs: monotone
        for (int mask = 0; mask < 32; mask++) {
            double[] v = new double[5];
            for (int k = 0; k < 5; k++) {
                v[k] = (mask >> k & 1) == 1 ? 100 : -100;
            }
            Develop.Operation op = new Develop(0, v[0], v[1], v[2], v[3], v[4], 0, 0, 0, 0).operation();
            double last = Double.NEGATIVE_INFINITY;
            for (double x = 0; x <= 1.0; x += 1e-4) {
                double y = op.toneCurve(x);
                assertTrue(y >= last - 1e-12, "monotone at " + x + " for " + java.util.Arrays.toString(v));
                last = y;
            }
        }
        int lifted = rendered(only(Adjustment.SHADOWS, 100), grey(50));
        assertTrue(g(lifted) > 60, "shadows lifted: " + g(lifted));
    }

    @Test
    void theToneCurveKeepsAPixelsHueAndSaturation() {
        double[] rgb = {0.30, 0.10, 0.05};
        Develop.Operation op = new Develop(0, 30, -20, 40, 10, -10, 0, 0, 0, 0).operation();
        double y = RgbSpace.luminance(rgb[0], rgb[1], rgb[2]);
        op.applyLinear(rgb);
        double y2 = RgbSpace.luminance(rgb[0], rgb[1], rgb[2]);
        assertEquals(SrgbCurve.toLinear(op.toneCurve(SrgbCurve.toEncoded(y))), y2, 1e-6, "luminance through the curve");
        assertEquals(3.0, rgb[0] / rgb[1], 1e-9, "channel ratios kept");
        assertEquals(2.0, rgb[1] / rgb[2], 1e-9);
    }

    @Test
    void saturationAndVibranceScaleChromaAroundLuminance() {
        double[] rgb = {0.4, 0.2, 0.1};
        double y = RgbSpace.luminance(0.4, 0.2, 0.1);
        only(Adjustment.SATURATION, -100).operation().applyLinear(rgb);
        assertEquals(y, rgb[0], 1e-12, "−100 is grey");
        assertEquals(y, rgb[2], 1e-12);
        double[] doubled = {0.4, 0.2, 0.1};
        only(Adjustment.SATURATION, 100).operation().applyLinear(doubled);
        assertEquals(y + 2 * (0.4 - y), doubled[0], 1e-12);
        // vibrance: a dull colour moves more than a vivid one; a grey not at all
        double[] dull = {0.22, 0.2, 0.19};
        double[] vivid = {0.6, 0.05, 0.02};
        double dullBefore = dull[0] - dull[2];
        double vividBefore = vivid[0] - vivid[2];
        Develop.Operation vibrance = only(Adjustment.VIBRANCE, 80).operation();
        vibrance.applyLinear(dull);
        vibrance.applyLinear(vivid);
        assertTrue((dull[0] - dull[2]) / dullBefore > (vivid[0] - vivid[2]) / vividBefore, "dull colours gain more");
        assertEquals(grey(90), rendered(only(Adjustment.VIBRANCE, 80), grey(90)));
    }

    @Test
    void theRecipesLutIsTheAdjustmentsOnEveryColourWithinALevel() {
        Develop develop = new Develop(0.7, 35, -40, 50, 20, -15, 25, -10, 30, 10);
        ColorLut3D look = ColorLut3D.identity(ColorLut3D.DEFAULT_SIZE);
        ColorLut3D lut = new Recipe(look, 1, develop, false).lut();
        assertEquals(Recipe.DEVELOP_LUT_SIZE, lut.size(), "adjustments fold into a finer lattice");
        Develop.Operation op = develop.operation();
        double worst = 0;
        double sum = 0;
        int n = 0;
        String where = "";
        int[] colours = new int[52 * 52 * 52];
        for (int r = 0, i = 0; r < 256; r += 5) {
            for (int g = 0; g < 256; g += 5) {
                for (int b = 0; b < 256; b += 5) {
                    colours[i++] = 0xFF000000 | r << 16 | g << 8 | b;
                }
            }
        }
        int[] got = lut.apply(colours, Interpolation.TETRAHEDRAL);
        for (int i = 0; i < colours.length; i++) {
            int p = colours[i];
            double[] want = {(p >>> 16 & 0xFF) / 255.0, (p >>> 8 & 0xFF) / 255.0, (p & 0xFF) / 255.0};
            op.applyEncoded(want);
            for (int c = 0; c < 3; c++) {
                int level = got[i] >>> (16 - 8 * c) & 0xFF;
                double d = Math.abs(level - Math.max(0, Math.min(255, 255 * want[c])));
                if (d > worst) {
                    where = Integer.toHexString(p) + " channel " + c + ": " + level + " against " + 255 * want[c];
                }
                worst = Math.max(worst, d);
                sum += d;
                n++;
            }
        }
        System.out.printf("the develop adjustments folded into a %d³ LUT: mean %.3f, worst %.2f levels from the exact operation (%s)%n",
                lut.size(), sum / n, worst, where);
        assertTrue(sum / n < 0.5 && worst < 5, "mean " + sum / n + ", worst " + worst + " (rounding included)");
    }

    @Test
    void theStrengthScalesTheLookNotTheAdjustments() {
        // a look that adds 40 levels of red; exposure +1 after it
        int n = 5;
        float[] nodes = ColorLut3D.identity(n).nodes();
        for (int i = 0; i < nodes.length; i += 3) {
            nodes[i] = Math.min(1f, nodes[i] + 40 / 255f);
        }
        ColorLut3D look = ColorLut3D.of(n, nodes);
        Develop plus = only(Adjustment.EXPOSURE, 1);
        int atZero = new Recipe(look, 0, plus, false).lut().apply(new int[] {grey(118)}, Interpolation.TETRAHEDRAL)[0];
        assertEquals(grey(162), atZero, "strength 0: the adjustments alone");
        int atOne = new Recipe(look, 1, plus, false).lut().apply(new int[] {grey(118)}, Interpolation.TETRAHEDRAL)[0];
        assertTrue(r(atOne) > 162 && g(atOne) == 162, "strength 1: the look, then the adjustments: " + Integer.toHexString(atOne));
        assertTrue(new Recipe(look, 0, Develop.NEUTRAL, true).isIdentity());
        assertTrue(!new Recipe(look, 0, plus, true).isIdentity());
    }

    @Test
    void valuesOutOfRangeAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> only(Adjustment.EXPOSURE, 6));
        assertEquals("Exposure must be between -5 and +5, got 6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> only(Adjustment.SATURATION, -101));
        assertThrows(IllegalArgumentException.class, () -> only(Adjustment.TINT, Double.NaN));
        assertEquals("+0.50 EV", Adjustment.EXPOSURE.format(0.5));
        assertEquals("-20", Adjustment.SHADOWS.format(-20));
    }

    private static int r(int p) {
        return p >>> 16 & 0xFF;
    }

    private static int g(int p) {
        return p >>> 8 & 0xFF;
    }

    private static int b(int p) {
        return p & 0xFF;
    }
}
