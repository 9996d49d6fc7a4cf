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
    void leavesAnImageExactlyAloneWhenTheColoursDidNotChange() {
        int[] original = SyntheticPhoto.landscape(W, H, 3).argb();
        assertArrayEquals(original, new Regrain().apply(original, original.clone(), W, H));
        short[] deep = new short[3 * W * H];
        for (int i = 0; i < deep.length; i++) {
            deep[i] = (short) (original[i / 3] >>> (16 - 8 * (i % 3)) * 257 + i % 97);
        }
        assertArrayEquals(deep, new Regrain().apply16(deep, deep.clone(), W, H));
    }

    @Test
    void aPixelTheLookLeavesAloneStaysAsItWasWhateverItsNeighboursGet() {
        int[] original = SyntheticPhoto.landscape(W, H, 4).argb();
        // a look that lifts the shadows only: pixels of luma over 40 % keep their value exactly
        int[] colored = new int[original.length];
        int alone = 0;
        for (int i = 0; i < original.length; i++) {
            int p = original[i];
            int r = p >>> 16 & 0xFF;
            int g = p >>> 8 & 0xFF;
            int b = p & 0xFF;
            if (0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4 * 255) {
                colored[i] = p;
                alone++;
            } else {
                colored[i] = p & 0xFF000000 | lift(r) << 16 | lift(g) << 8 | lift(b);
            }
        }
        assertTrue(alone > original.length / 10 && alone < original.length * 9 / 10, alone + " pixels left alone");
        int[] out = new Regrain().apply(original, colored, W, H);
        int moved = 0;
        int regrained = 0;
        for (int i = 0; i < original.length; i++) {
            if (colored[i] == original[i] && out[i] != original[i]) {
                moved++;
            }
            if (out[i] != colored[i]) {
                regrained++;
            }
        }
        assertEquals(0, moved, "pixels the look left alone that regrain moved");
        assertTrue(regrained > original.length / 100, "regrain still works where the look acts: " + regrained + " pixels");
    }

    private static int lift(int v) {
        return (int) Math.round(255 * Math.pow(v / 255.0, 0.7));
    }

    @Test
    void aSixteenBitGradientKeepsItsLevelsInOrderWithoutGaps() {
        // a horizontal ramp over all 65536 levels (16 a pixel, every row alike), through a curve that lifts the shadows
        int w = 4096;
        int h = 48;
        short[] ramp = new short[3 * w * h];
        short[] lifted = new short[ramp.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = x * 65535 / (w - 1);
                int t = (int) Math.round(65535 * Math.pow(v / 65535.0, 0.8));
                for (int k = 0; k < 3; k++) {
                    ramp[3 * (y * w + x) + k] = (short) v;
                    lifted[3 * (y * w + x) + k] = (short) t;
                }
            }
        }
        short[] out = new Regrain().apply16(ramp, lifted, w, h);
        int worstGap = 0;
        int worstOff = 0;
        int besideBlack = 0;
        for (int y = 0; y < h; y++) {
            assertEquals(0, out[3 * y * w], "black, which the curve leaves alone, stays black");
            for (int x = 1; x < w; x++) {
                int i = y * w + x;
                int step = (out[3 * i] & 0xFFFF) - (out[3 * (i - 1)] & 0xFFFF);
                int wanted = (lifted[3 * i] & 0xFFFF) - (lifted[3 * (i - 1)] & 0xFFFF);
                assertTrue(step >= 0, "in order at x " + x + ", y " + y + ": " + step);
                if (x == 1) {
                    besideBlack = Math.max(besideBlack, step - wanted);
                } else {
                    worstGap = Math.max(worstGap, step - wanted);
                }
                worstOff = Math.max(worstOff, Math.abs((out[3 * i] & 0xFFFF) - (lifted[3 * i] & 0xFFFF)));
            }
        }
        System.out.printf("16-bit ramp through regrain: widest step beyond the curve's own %d levels (%d beside black),"
                + " farthest from the curve %d%n", worstGap, besideBlack, worstOff);
        assertTrue(worstGap <= 4, "no gap opened: " + worstGap);
        // beside black, regrain moves the correction at most its reach times the look's own change there
        int firstChange = (lifted[3] & 0xFFFF) - (ramp[3] & 0xFFFF);
        assertTrue(besideBlack <= Regrain.REACH * firstChange, "the step beside black, " + besideBlack
                + " levels beyond the curve's, is within the bound's reach of the look's change there, " + firstChange);
    }

    @Test
    void theCorrectionIsLinearInTheLooksChange() {
        // regraining a look at half strength is half of regraining it whole (in floats, before rounding)
        int w = 97;
        int h = 61;
        int[] original = SyntheticPhoto.landscape(w, h, 8).argb();
        int[] colored = Pixels.curves(original, Pixels.gamma(0.6), Pixels.gamma(1.3), v -> Math.min(255, v + 25));
        float[][] whole = correction(original, colored, w, h, 1f);
        float[][] half = correction(original, colored, w, h, 0.5f);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < w * h; i++) {
                assertEquals(whole[k][i] / 2, half[k][i], 1e-5f);
            }
        }
    }

    private static float[][] correction(int[] original, int[] colored, int w, int h, float strength) {
        float[][] out = new float[3][w * h];
        Regrain.Rows in = rows(original, w, h, 0f);
        Regrain.Rows t = new Regrain.Rows() {
            public int w() {
                return w;
            }

            public int h() {
                return h;
            }

            public void read(int y0, int y1, float[][] into) {
                float[][] i = new float[3][(y1 - y0) * w];
                float[][] c = new float[3][(y1 - y0) * w];
                in.read(y0, y1, i);
                rows(colored, w, h, 0f).read(y0, y1, c);
                for (int k = 0; k < 3; k++) {
                    for (int j = 0; j < i[k].length; j++) {
                        into[k][j] = i[k][j] + strength * (c[k][j] - i[k][j]);
                    }
                }
            }
        };
        new Regrain().apply(in, t, (y0, y1, d, o, from) -> {
            for (int k = 0; k < 3; k++) {
                System.arraycopy(d[k], from * w, out[k], y0 * w, (y1 - y0) * w);
            }
        });
        return out;
    }

    private static Regrain.Rows rows(int[] px, int w, int h, float unused) {
        return new Regrain.Rows() {
            public int w() {
                return w;
            }

            public int h() {
                return h;
            }

            public void read(int y0, int y1, float[][] into) {
                for (int i = y0 * w, j = 0; i < y1 * w; i++, j++) {
                    into[0][j] = (px[i] >>> 16 & 0xFF) / 255f;
                    into[1][j] = (px[i] >>> 8 & 0xFF) / 255f;
                    into[2][j] = (px[i] & 0xFF) / 255f;
                }
            }
        };
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
