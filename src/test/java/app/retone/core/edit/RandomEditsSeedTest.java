package app.retone.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each step of {@link RandomEdits} against the seed's own recorded run of {@code random_edit} (PIL 9.4 / numpy):
 * case input + the drawn parameters → the seed's image after that step, pixel for pixel. The fixtures and their
 * sources are in {@code src/test/resources/app/retone/core/edit/seed-edits/} (see its README).
 */
class RandomEditsSeedTest {

    // Cases 0, 2, 4 share one numpy draw and cases 1, 3, 5 another (see the fixtures' README).
    /**
     * The 12 spline knots fitted to saturation_by_hue by least squares over scipy's CubicSpline through
     * x = linspace(0, 1, 12) with not-a-knot ends (residual 4e-15; natural, clamped, periodic and knots at i/12
     * leave 0.02..0.08), the fit done with numpy / scipy.
     */
    private static final double[][] SATURATION_KNOTS = {
        {0.95748013270193677, 0.99872821540979784, 1.0936097732728629, 0.99732430245375858, 1.0612742874488388,
            1.0934697395709632, 0.97357799288619129, 1.028176634773817, 0.98158904077752906, 1.0050809444624635,
            0.9535432332581385, 0.90303933650653911},
        {0.94390772833315817, 0.90586298627435891, 1.0780477446560297, 1.0186381917932414, 1.365041903814896,
            1.1488997270019667, 1.2099384185340369, 0.98855109427875543, 1.0635648835076053, 0.91848176839723561,
            0.9534038742468729, 0.90594443164725857},
    };
    /**
     * 6 brightness knots that give brightness_lut exactly (the max-margin solution of the linear program, rounded
     * to 5 decimals). Any knots within about ±0.003..0.007 / 255 of these give the same table: the table fixes
     * the knots only to that precision, and cannot tell rounding from truncation (that only shifts all knots by
     * 0.5 / 255); the seed's code rounds (Python's round).
     */
    private static final double[][] BRIGHTNESS_KNOTS = {
        {0.17977, 0.39606, 0.45392, 0.60150, 0.71251, 0.94305},
        {0.01428, 0.27181, 0.36016, 0.64260, 0.83018, 0.98336},
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void lumaMeanGreyIsPils(int c) {
        assertEquals((int) Case.load(c).number("luma_mean_grey"), SeedEditSteps.lumaMeanGrey(Case.load(c).image(0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void contrastStepMatchesTheSeed(int c) {
        Case k = Case.load(c);
        assertSamePixels(k.image(1), SeedEditSteps.contrast(k.image(0), k.number("contrast_factor")), k + " contrast");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void gammaStepMatchesTheSeed(int c) {
        Case k = Case.load(c);
        assertSamePixels(k.image(2), SeedEditSteps.gamma(k.image(1), k.number("gamma")), k + " gamma");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void hsvStepMatchesTheSeed(int c) {
        Case k = Case.load(c);
        assertSamePixels(k.image(3), SeedEditSteps.hsv(k.image(2), k.numbers("saturation_by_hue"), k.ints("brightness_lut")),
                k + " hsv");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void spillStepMatchesTheSeed(int c) {
        Case k = Case.load(c);
        assertSamePixels(k.image(4), SeedEditSteps.spill(k.image(3), k.numbers("spill")), k + " spill");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void theWholeEditWithoutNoiseMatchesTheSeed(int c) {
        Case k = Case.load(c);
        int[] input = k.image(0);
        input[0] = input[0] & 0x00FFFFFF | 0x42000000; // alpha passes through
        int[] out = k.parameters(0).apply(input);
        assertEquals(0x42, out[0] >>> 24);
        out[0] |= 0xFF000000;
        assertSamePixels(k.image(4), out, k + " all steps");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void theSplinesAndCurvesReproduceTheDrawnTables(int c) {
        Case k = Case.load(c);
        double[] expected = k.numbers("saturation_by_hue");
        double[] table = EditCurves.saturationByHue(SATURATION_KNOTS[c % 2]);
        for (int h = 0; h < 256; h++) {
            assertEquals(expected[h], table[h], 1e-9, k + " saturation at hue " + h);
        }
        assertArrayEquals(k.ints("brightness_lut"), EditCurves.brightnessLut(BRIGHTNESS_KNOTS[c % 2]), k + " brightness");
    }

    /**
     * The noise cannot be compared pixel for pixel: out = trunc(in + α·(n − in)) with n uniform on 0..255, so
     * out − in − α·(127.5 − in) has mean ≈ −0.5 (the truncation) and variance α²·(256² − 1)/12 + 1/12.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void noiseStepHasTheSeedsStatistics(int c) {
        Case k = Case.load(c);
        double alpha = k.number("noise_alpha");
        int[] in = k.image(4);
        for (long seed = 1; seed <= 3; seed++) {
            int[] out = SeedEditSteps.noise(in, alpha, seed);
            double sum = 0;
            double sumSq = 0;
            double shift = 0;
            double inMean = 0;
            int n = 0;
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i] >>> 24, out[i] >>> 24);
                for (int shiftBits = 0; shiftBits <= 16; shiftBits += 8) {
                    int a = in[i] >>> shiftBits & 0xFF;
                    int b = out[i] >>> shiftBits & 0xFF;
                    double low = a * (1 - alpha);
                    assertTrue(b >= Math.floor(low) - 1 && b <= low + 255 * alpha + 1e-6, a + " → " + b);
                    double r = b - a - alpha * (127.5 - a);
                    sum += r;
                    sumSq += r * r;
                    shift += b - a;
                    inMean += a;
                    n++;
                }
            }
            double mean = sum / n;
            double variance = sumSq / n - mean * mean;
            double expectedVariance = alpha * alpha * (256.0 * 256 - 1) / 12 + 1.0 / 12;
            assertEquals(-0.5 * 255 / 256, mean, 0.15, k + " residual mean");
            assertEquals(alpha * (127.5 - inMean / n) - 0.5 * 255 / 256, shift / n, 0.15, k + " mean shift");
            assertEquals(1, variance / expectedVariance, 0.05, k + " residual variance " + variance);
        }
        assertArrayEquals(SeedEditSteps.noise(in, alpha, 9), SeedEditSteps.noise(in, alpha, 9));
        assertTrue(!Arrays.equals(SeedEditSteps.noise(in, alpha, 9), SeedEditSteps.noise(in, alpha, 10)));
        assertArrayEquals(in, SeedEditSteps.noise(in, 0, 9));
    }

    private static void assertSamePixels(int[] expected, int[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        int differ = 0;
        int maxLevels = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift <= 24; shift += 8) {
                int d = Math.abs((expected[i] >>> shift & 0xFF) - (actual[i] >>> shift & 0xFF));
                maxLevels = Math.max(maxLevels, d);
                differ += d != 0 ? 1 : 0;
            }
        }
        assertEquals(0, differ, what + ": " + differ + " channel values differ, by up to " + maxLevels + " levels");
    }

    /** One recorded case: its images (raw 8-bit samples, opaque ARGB) and its json. */
    private record Case(int index, String json) {

        static Case load(int index) {
            try (InputStream in = open("case" + index + ".json")) {
                return new Case(index, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static InputStream open(String name) {
            return app.retone.testing.SeedEditFixtures.open(name);
        }

        /** The image after step (0 = input): raw samples, not colour-converted (the inputs carry an ICC profile). */
        int[] image(int step) {
            return app.retone.testing.SeedEditFixtures.image(index, step).argb();
        }

        EditParameters parameters(long noiseSeed) {
            return new EditParameters(number("contrast_factor"), number("gamma"), ints("brightness_lut"),
                    numbers("saturation_by_hue"), numbers("spill"), 0, noiseSeed);
        }

        private String field(String key) {
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\[[^\\]]*\\]|[^,}\\s]+)").matcher(json);
            assertTrue(m.find(), key);
            return m.group(1);
        }

        double number(String key) {
            return Double.parseDouble(field(key));
        }

        double[] numbers(String key) {
            String list = field(key);
            return Arrays.stream(list.substring(1, list.length() - 1).split(",")).map(String::trim)
                    .mapToDouble(Double::parseDouble).toArray();
        }

        int[] ints(String key) {
            return Arrays.stream(numbers(key)).mapToInt(v -> {
                assertEquals(Math.rint(v), v);
                return (int) v;
            }).toArray();
        }

        @Override
        public String toString() {
            return "case" + index;
        }
    }
}
