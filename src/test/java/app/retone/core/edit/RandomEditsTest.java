package app.retone.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.edit.EditParameters.Step;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The distributions {@link RandomEdits#draw} draws from (by their moments over many draws) and how
 * {@link EditParameters#apply} composes the steps; each step against the seed's images is in
 * {@link RandomEditsSeedTest}.
 */
class RandomEditsTest {

    private static final int DRAWS = 20_000;
    /** Share of N(μ, σ) beyond μ ± 3σ, which the seed's clipping puts exactly on the bounds. */
    private static final double BEYOND_3_SIGMA = 0.0026998;
    /** The standard deviation of N(0, 1) clipped to ±3. */
    private static final double CLIPPED_STD = 0.99750;

    private static List<EditParameters> edited;
    private static int unedited;

    private static synchronized List<EditParameters> draws() {
        if (edited == null) {
            SplittableRandom random = new SplittableRandom(1);
            edited = new ArrayList<>();
            for (int i = 0; i < DRAWS; i++) {
                EditParameters e = RandomEdits.draw(random);
                if (e.isIdentity()) {
                    unedited++;
                } else {
                    edited.add(e);
                }
            }
        }
        return edited;
    }

    @Test
    void fivePercentStayUneditedAndTheRestHaveEveryStep() {
        List<EditParameters> all = draws();
        assertEquals(0.05, (double) unedited / DRAWS, 0.007, "unedited share");
        int noNoise = 0;
        for (EditParameters e : all) {
            for (Step step : new Step[] {Step.CONTRAST, Step.GAMMA, Step.CURVE, Step.HUE_SATURATION, Step.SPILL}) {
                assertTrue(e.has(step), step + " in " + e);
            }
            noNoise += e.has(Step.NOISE) ? 0 : 1; // α clipped to exactly 0: 0.135 % of draws
        }
        assertTrue(noNoise < 0.005 * all.size(), "draws without noise: " + noNoise);
    }

    @Test
    void drawIsTheStepDrawsInTheSeedsOrder() {
        for (long seed = 0; seed < 50; seed++) {
            EditParameters e = RandomEdits.draw(new SplittableRandom(seed));
            SplittableRandom r = new SplittableRandom(seed);
            if (r.nextDouble() < RandomEdits.UNEDITED_SHARE) {
                assertTrue(e.isIdentity());
                continue;
            }
            assertEquals(RandomEdits.drawContrast(r), e.contrast());
            assertEquals(RandomEdits.drawGamma(r), e.gamma());
            assertArrayEquals(EditCurves.saturationByHue(RandomEdits.drawSaturationKnots(r)), e.saturationByHue());
            assertArrayEquals(EditCurves.brightnessLut(RandomEdits.drawBrightnessKnots(r)), e.brightnessLut());
            assertArrayEquals(RandomEdits.drawSpill(r), e.spill());
            assertEquals(RandomEdits.drawNoiseAlpha(r), e.noiseAlpha());
            assertEquals(r.nextLong(), e.noiseSeed());
        }
    }

    @Test
    void contrastIsNormalAroundOneClippedToHalfAndOneAndAHalf() {
        assertClippedNormal(draws().stream().mapToDouble(EditParameters::contrast).toArray(), 0.5, 1.5, "contrast");
    }

    @Test
    void spillIsNormalAroundOneClippedToPlusMinusTwentyPercentAndIndependentPerChannel() {
        List<EditParameters> all = draws();
        double[] pooled = new double[3 * all.size()];
        for (int i = 0; i < all.size(); i++) {
            for (int c = 0; c < 3; c++) {
                pooled[3 * i + c] = all.get(i).spill()[c];
            }
        }
        assertClippedNormal(pooled, 0.8, 1.2, "spill");
        double[] r = new double[all.size()];
        double[] g = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            r[i] = all.get(i).spill()[0];
            g[i] = all.get(i).spill()[1];
        }
        assertEquals(0, correlation(r, g), 0.04, "red and green spill correlate");
    }

    @Test
    void noiseAlphaIsNormalAroundFivePercentClippedToZeroAndTen() {
        assertClippedNormal(draws().stream().mapToDouble(EditParameters::noiseAlpha).toArray(), 0, 0.1, "noise α");
    }

    @Test
    void gammaIsOnePlusOrOneOverOnePlusSixTenthsOfABetaOneTwo() {
        List<EditParameters> all = draws();
        int brighter = 0;
        double[] g = new double[all.size()];
        double sumUp = 0;
        double sumDown = 0;
        int below = 0;
        for (int i = 0; i < all.size(); i++) {
            double gamma = all.get(i).gamma();
            if (gamma < 1) {
                brighter++;
                g[i] = 1 / gamma - 1;
                sumDown += g[i];
            } else {
                g[i] = gamma - 1;
                sumUp += g[i];
            }
            assertTrue(g[i] >= 0 && g[i] <= 0.6 + 1e-12, "g " + g[i]);
            below += g[i] < 0.3 ? 1 : 0;
        }
        int n = all.size();
        assertEquals(0.5, (double) brighter / n, 0.015, "share of γ < 1");
        // Beta(1, 2): mean 1/3, variance 1/18, P(< 1/2) = 3/4
        assertEquals(0.2, mean(g), 0.004, "mean g");
        assertEquals(0.6 * Math.sqrt(1 / 18.0), std(g), 0.03 * 0.6 * Math.sqrt(1 / 18.0), "std g");
        assertEquals(0.75, (double) below / n, 0.015, "P(g < 0.3)");
        assertEquals(0.2, sumDown / brighter, 0.006, "mean g when γ < 1");
        assertEquals(0.2, sumUp / (n - brighter), 0.006, "mean g when γ > 1");
    }

    @Test
    void saturationKnotsAreOnePlusAClippedNormalAndTheTableStartsAndEndsOnThem() {
        SplittableRandom random = new SplittableRandom(2);
        double[] all = new double[5000 * RandomEdits.SATURATION_POINTS];
        for (int i = 0; i < 5000; i++) {
            System.arraycopy(RandomEdits.drawSaturationKnots(random), 0, all, i * RandomEdits.SATURATION_POINTS,
                    RandomEdits.SATURATION_POINTS);
        }
        assertClippedNormal(all, 0.6, 1.4, "saturation knots");
        // the spline passes through its knots: hue 0 holds the first knot exactly (hue 255 the last, to 1e-15)
        double[] first = draws().stream().mapToDouble(e -> e.saturationByHue()[0]).toArray();
        assertClippedNormal(first, 0.6, 1.4, "saturation at hue 0");
        double[] knots = {1.3, 0.7, 1, 1.1, 0.9, 1.2, 0.8, 1, 1.05, 0.95, 1.4, 0.6};
        double[] table = EditCurves.saturationByHue(knots);
        assertEquals(1.3, table[0], 1e-12);
        assertEquals(0.6, table[255], 1e-12);
    }

    @Test
    void brightnessCurveSpansSeventyToHundredTenPercentFromAUniformStartWithJitteredInnerPoints() {
        SplittableRandom random = new SplittableRandom(3);
        int n = DRAWS;
        double[] span = new double[n];
        double[] jitterSum = new double[n];
        List<Double> startShare = new ArrayList<>();
        int startAtZero = 0;
        int spanAtLeastOne = 0;
        for (int i = 0; i < n; i++) {
            double[] k = RandomEdits.drawBrightnessKnots(random);
            assertEquals(RandomEdits.BRIGHTNESS_POINTS, k.length);
            for (int j = 1; j < k.length; j++) {
                assertTrue(k[j] >= k[j - 1], "sorted");
            }
            // the inner points never pass the ends (0.2 · span > 0.1), so the ends are start and start + span
            double start = k[0];
            span[i] = k[5] - k[0];
            assertTrue(span[i] >= 0.7 && span[i] <= 1.1, "span " + span[i]);
            assertTrue(start >= 0 && start <= Math.max(0, 1 - span[i]) + 1e-12, "start " + start);
            if (span[i] >= 1) {
                spanAtLeastOne++;
            } else {
                startShare.add(start / (1 - span[i]));
            }
            startAtZero += start == 0 ? 1 : 0;
            // sorting keeps the sum: the inner points sum to 4 · start + 2 · span plus four U(-0.1, 0.1)
            jitterSum[i] = k[1] + k[2] + k[3] + k[4] - 4 * start - 2 * span[i];
            assertTrue(Math.abs(jitterSum[i]) <= 0.4 + 1e-12);
        }
        assertEquals(0.9, mean(span), 0.003, "mean span");
        assertEquals(0.4 / Math.sqrt(12), std(span), 0.03 * 0.4 / Math.sqrt(12), "std span");
        assertEquals(0.25, (double) spanAtLeastOne / n, 0.015, "share of spans ≥ 1");
        assertEquals(spanAtLeastOne, startAtZero, "start is 0 exactly when the span leaves no room");
        double[] u = startShare.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(0.5, mean(u), 0.01, "start / (1 − span)");
        assertEquals(1 / Math.sqrt(12), std(u), 0.04 / Math.sqrt(12), "std of start / (1 − span)");
        assertEquals(0, mean(jitterSum), 0.004, "mean inner jitter");
        assertEquals(2 * 0.1 / Math.sqrt(3), std(jitterSum), 0.03 * 2 * 0.1 / Math.sqrt(3), "std of 4 inner jitters");
        // and the tables drawn: from round(255 · start) to round(255 · (start + span)), unclipped above 255
        int over = 0;
        for (EditParameters e : draws()) {
            int[] lut = e.brightnessLut();
            assertTrue(lut[0] >= 0 && lut[0] <= 77, "lut[0] " + lut[0]);
            assertTrue(lut[255] >= 178 && lut[255] <= 281, "lut[255] " + lut[255]);
            over += lut[255] > 255 ? 1 : 0;
        }
        assertTrue(over > 0.15 * draws().size(), "spans over 1 reach beyond 255: " + over);
    }

    @Test
    void theBrightnessLutIsPiecewiseLinearRoundedHalfToEven() {
        int[] lut = EditCurves.brightnessLut(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1});
        for (int v = 0; v < 256; v++) {
            assertEquals(v, lut[v]);
        }
        // 0.5 / 255 everywhere: 0.5 → 0, 1.5 → 2 (half to even)
        int[] half = EditCurves.brightnessLut(new double[] {0.5 / 255, 0.5 / 255, 0.5 / 255, 0.5 / 255, 0.5 / 255, 1.5 / 255});
        assertEquals(0, half[0]);
        assertEquals(2, half[255]);
        int[] high = EditCurves.brightnessLut(new double[] {0, 0.22, 0.44, 0.66, 0.88, 1.1});
        assertEquals(280, high[255]); // 1.1 · 255 = 280.5 exactly, rounded to even
        int[] px = {0xFF808080, 0xFFFFFFFF};
        int[] out = SeedEditSteps.hsv(px, null, high);
        assertEquals(0xFFFFFFFF, out[1], "V clipped to 255");
    }

    @Test
    void applyIsTheStepsInTheSeedsOrderAndKeepsAlpha() {
        int[] photo = SyntheticPhoto.landscape(120, 80, 2).argb().clone();
        photo[7] = photo[7] & 0x00FFFFFF | 0x42000000;
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 5; i++) {
            EditParameters e = RandomEdits.draw(random);
            while (e.isIdentity()) {
                e = RandomEdits.draw(random);
            }
            int[] expected = SeedEditSteps.contrast(photo, e.contrast(), SeedEditSteps.lumaMeanGrey(photo));
            expected = SeedEditSteps.gamma(expected, e.gamma());
            expected = SeedEditSteps.hsv(expected, e.saturationByHue(), e.brightnessLut());
            expected = SeedEditSteps.spill(expected, e.spill());
            expected = SeedEditSteps.noise(expected, e.noiseAlpha(), e.noiseSeed());
            int[] out = e.apply(photo);
            assertArrayEquals(expected, out, e.toString());
            assertEquals(0x42, out[7] >>> 24);
            assertTrue(Pixels.meanAbsDiff(photo, out) > 1, e.toString());
        }
        int[] same = EditParameters.NONE.apply(photo);
        assertArrayEquals(photo, same);
        assertNotSame(photo, same);
    }

    @Test
    void theLumaMeanIsThePixelsGiven() {
        int[] dark = new int[100];
        java.util.Arrays.fill(dark, 0xFF202020);
        int[] light = dark.clone();
        java.util.Arrays.fill(light, 0xFFE0E0E0);
        assertEquals(0x20, SeedEditSteps.lumaMeanGrey(dark));
        assertEquals(0xE0, SeedEditSteps.lumaMeanGrey(light));
        // half at 0, half at 255: mean 127.5, int(127.5 + 0.5) = 128
        int[] split = new int[100];
        for (int i = 0; i < 100; i++) {
            split[i] = i < 50 ? 0xFF000000 : 0xFFFFFFFF;
        }
        assertEquals(128, SeedEditSteps.lumaMeanGrey(split));
        // factor 2 pushes away from that grey, clipped (PIL's extrapolating blend)
        int[] out = SeedEditSteps.contrast(new int[] {0xFF_40_80_FF, 0xFF_00_00_00}, 2.0, 128);
        assertEquals(0xFF_00_80_FF, out[0]);
    }

    @Test
    void gammaBelowOneBrightensAndSpillTintsTheChannel() {
        int[] photo = SyntheticPhoto.landscape(120, 80, 3).argb();
        double[] before = Pixels.mean(photo);
        double[] bright = Pixels.mean(new EditParameters(1, 0.6, null, null, null, 0, 0).apply(photo));
        assertTrue(bright[0] > before[0] + 10 && bright[1] > before[1] + 10);
        double[] redder = Pixels.mean(new EditParameters(1, 1, null, null, new double[] {1.2, 1, 1}, 0, 0).apply(photo));
        assertTrue(redder[0] > before[0] + 5);
        assertEquals(before[1], redder[1], 0.01);
        assertArrayEquals(SeedEditSteps.gammaTable(1), EditCurves.brightnessLut(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}));
    }

    @Test
    void anEditReducedToOneStepKeepsOnlyThatStep() {
        SplittableRandom random = new SplittableRandom(5);
        EditParameters full = RandomEdits.draw(random);
        while (!full.has(Step.NOISE)) { // every step but noise is in every edited draw
            full = RandomEdits.draw(random);
        }
        int[] photo = SyntheticPhoto.landscape(64, 48, 6).argb();
        for (Step step : Step.values()) {
            EditParameters one = full.only(step);
            for (Step other : Step.values()) {
                assertEquals(other == step, one.has(other), step + " / " + other);
            }
            assertFalse(one.isIdentity());
        }
        // either HSV table alone still goes through PIL's HSV and back, the other channel as it is
        assertArrayEquals(SeedEditSteps.hsv(photo, full.saturationByHue(), null),
                full.only(Step.HUE_SATURATION).apply(photo));
        assertArrayEquals(SeedEditSteps.hsv(photo, null, full.brightnessLut()), full.only(Step.CURVE).apply(photo));
        assertArrayEquals(SeedEditSteps.noise(photo, full.noiseAlpha(), full.noiseSeed()),
                full.only(Step.NOISE).apply(photo));
    }

    @Test
    void sameSeedSameEditAndItSaysWhatItIs() {
        int[] photo = SyntheticPhoto.landscape(64, 48, 4).argb();
        EditParameters a = RandomEdits.draw(new SplittableRandom(9));
        EditParameters b = RandomEdits.draw(new SplittableRandom(9));
        assertArrayEquals(a.apply(photo), b.apply(photo));
        assertTrue(a.toString().contains("contrast") && a.toString().contains("brightness")
                && a.toString().contains("saturation") && a.toString().contains("spill"), a.toString());
        assertEquals("unedited", EditParameters.NONE.toString());
        assertThrows(IllegalArgumentException.class, () -> new EditParameters(1, 1, new int[255], null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EditParameters(1, 1, null, new double[12], null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EditParameters(1, 1, null, null, new double[2], 0, 0));
    }

    /**
     * The seed's {@code random(min, max)}: N((min + max) / 2, (max − min) / 6) clipped, so 0.27 % sit exactly on
     * the bounds; a uniform, a truncated (redrawn) or a differently scaled normal fails one of these.
     */
    private static void assertClippedNormal(double[] x, double min, double max, String what) {
        int n = x.length;
        double mu = (min + max) / 2;
        double sigma = (max - min) / 6;
        int onBounds = 0;
        int withinOneSigma = 0;
        for (double v : x) {
            assertTrue(v >= min && v <= max, what + " " + v);
            onBounds += v == min || v == max ? 1 : 0;
            withinOneSigma += Math.abs(v - mu) < sigma ? 1 : 0;
        }
        assertEquals(mu, mean(x), 5 * sigma / Math.sqrt(n), what + " mean");
        assertEquals(CLIPPED_STD * sigma, std(x), 0.03 * sigma, what + " std");
        double expectedOnBounds = BEYOND_3_SIGMA * n;
        assertEquals(expectedOnBounds, onBounds, 5 * Math.sqrt(expectedOnBounds) + 1, what + " on the bounds");
        assertEquals(0.6827, (double) withinOneSigma / n, 5 * Math.sqrt(0.6827 * 0.3173 / n), what + " within 1σ");
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double std(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
