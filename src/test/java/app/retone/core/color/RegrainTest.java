package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import org.junit.jupiter.api.Test;

class RegrainTest {

    private static final int W = 320;
    private static final int H = 240;

    @Test
    void keepsTheMeanColourOfItsColourInput() {
        int[] original = SyntheticPhoto.landscape(W, H, 1).argb();
        int[] colored = Pixels.cast(original, new double[] {0.9, 0.1, 0, 0, 0.8, 0.1, 0.05, 0.05, 0.7}, new double[] {25, 15, 5});
        int[] out = new Regrain().apply(original, colored, W, H);
        double[] want = Pixels.mean(colored);
        double[] got = Pixels.mean(out);
        System.out.printf("regrain mean: colour input %s, output %s%n", java.util.Arrays.toString(want), java.util.Arrays.toString(got));
        assertArrayEquals(want, got, 1.0);
    }

    @Test
    void bringsBackTheOriginalsFineDetail() {
        int[] original = SyntheticPhoto.landscape(W, H, 2).argb();
        // a transfer that lost the grain: a blurred, shifted copy
        int[] colored = Pixels.cast(boxBlur(original, 2), new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {20, 0, -20});
        int[] out = new Regrain().apply(original, colored, W, H);
        double detailOriginal = detailEnergy(original);
        double detailColored = detailEnergy(colored);
        double detailOut = detailEnergy(out);
        System.out.printf("detail energy: original %.2f, colour input %.2f, regrained %.2f%n", detailOriginal, detailColored, detailOut);
        assertTrue(detailOut > detailColored + 0.5 * (detailOriginal - detailColored),
                "regrain should restore at least half of the lost detail");
        // and the colours stay those of the colour input
        double[] want = Pixels.mean(colored);
        double[] got = Pixels.mean(out);
        assertArrayEquals(want, got, 1.5);
    }

    @Test
    void leavesAnImageAloneWhenTheColoursDidNotChange() {
        int[] original = SyntheticPhoto.landscape(W, H, 3).argb();
        int[] out = new Regrain().apply(original, original.clone(), W, H);
        assertTrue(Pixels.meanAbsDiff(original, out) < 1.0, "mean change " + Pixels.meanAbsDiff(original, out));
    }

    @Test
    void keepsTheAlphaOfTheColourInput() {
        int[] original = SyntheticPhoto.landscape(64, 48, 4).argb();
        int[] colored = original.clone();
        colored[5] = colored[5] & 0x00FFFFFF | 0x33000000;
        int[] out = new Regrain().apply(original, colored, 64, 48);
        assertEquals(0x33, out[5] >>> 24);
        assertEquals(0xFF, out[6] >>> 24);
    }

    /** Mean absolute difference between neighbouring pixels (horizontal), a measure of fine detail. */
    private static double detailEnergy(int[] px) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 1; x < W; x++) {
                int a = px[y * W + x];
                int b = px[y * W + x - 1];
                sum += Math.abs(Pixels.r(a) - Pixels.r(b)) + Math.abs(Pixels.g(a) - Pixels.g(b)) + Math.abs(Pixels.b(a) - Pixels.b(b));
                n++;
            }
        }
        return sum / n;
    }

    private static int[] boxBlur(int[] px, int radius) {
        int[] out = new int[px.length];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        int yy = Math.min(H - 1, Math.max(0, y + dy));
                        int xx = Math.min(W - 1, Math.max(0, x + dx));
                        int p = px[yy * W + xx];
                        r += Pixels.r(p);
                        g += Pixels.g(p);
                        b += Pixels.b(p);
                        n++;
                    }
                }
                out[y * W + x] = 0xFF000000 | (r / n) << 16 | (g / n) << 8 | (b / n);
            }
        }
        return out;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {300, 2_000, 9_000})
    void solvingInStripsGivesWhatSolvingEachLevelWholeGives(int windowPixels) {
        // 301 x 207: odd sizes, so halves round up; small windows cut every level into many strips
        int w = 301;
        int h = 207;
        int[] original = app.retone.core.image.SyntheticPhoto.landscape(w, h, 5).argb();
        int[] colored = Pixels.curves(original, Pixels.gamma(0.6), Pixels.gamma(1.3), v -> Math.min(255, v + 25));
        int[] whole = new Regrain(1f, Integer.MAX_VALUE).apply(original, colored, w, h);
        assertArrayEquals(whole, new Regrain(1f, windowPixels).apply(original, colored, w, h));
        assertTrue(Pixels.maxAbsDiff(whole, colored) > 0, "regrain did something");

        short[] original16 = new short[3 * w * h];
        short[] colored16 = new short[3 * w * h];
        for (int i = 0; i < w * h; i++) {
            for (int k = 0; k < 3; k++) {
                original16[3 * i + k] = (short) ((original[i] >>> (16 - 8 * k) & 0xFF) * 257 + i % 13);
                colored16[3 * i + k] = (short) ((colored[i] >>> (16 - 8 * k) & 0xFF) * 257);
            }
        }
        assertArrayEquals(new Regrain(1f, Integer.MAX_VALUE).apply16(original16, colored16, w, h),
                new Regrain(1f, windowPixels).apply16(original16, colored16, w, h));
    }
}
