package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Histogram3DTest {

    @Test
    void binsFollowTheContract() {
        // v * B / 256 with integer division; flat index (r * B + g) * B + b
        int[] px = {argb(255, 0, 7, 8), argb(255, 255, 128, 127)};
        Histogram3D h = Histogram3D.of(px, 32);
        assertEquals(1, h.mass(Histogram3D.index(32, 0, 0, 1)));
        assertEquals(1, h.mass((31 * 32 + 16) * 32 + 15));
        assertEquals(2, h.total());
        assertEquals(2, h.nonEmptyBins());
    }

    @Test
    void pixelsWithAlphaBelow128AreNotCounted() {
        int[] px = {argb(127, 10, 10, 10), argb(128, 10, 10, 10), argb(0, 200, 0, 0)};
        Histogram3D h = Histogram3D.of(px, 32);
        assertEquals(1, h.total());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8, 16, 32, 64})
    void parallelCountEqualsANaiveCount(int bins) {
        SplittableRandom random = new SplittableRandom(bins);
        int[] px = new int[3_000_017]; // several chunks, an odd tail
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextInt();
        }
        long[] naive = new long[bins * bins * bins];
        for (int p : px) {
            if ((p >>> 24) >= 128) {
                int r = (p >>> 16 & 0xFF) * bins / 256;
                int g = (p >>> 8 & 0xFF) * bins / 256;
                int b = (p & 0xFF) * bins / 256;
                naive[(r * bins + g) * bins + b]++;
            }
        }
        Histogram3D h = Histogram3D.of(px, bins);
        for (int i = 0; i < naive.length; i++) {
            assertEquals(naive[i], (long) h.mass(i), "bin " + i);
        }
    }

    @Test
    void normalisedSumsToOneInFloat32() {
        SplittableRandom random = new SplittableRandom(3);
        int[] px = new int[100_000];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        float[] p = Histogram3D.of(px).normalized();
        assertEquals(32 * 32 * 32, p.length);
        float sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1f, sum, 1e-4f);
    }

    @Test
    void binsMustDivide256() {
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.of(new int[1], 24));
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.of(new int[1], 512));
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.of(new int[1], 0));
    }

    @Test
    void theBinsACardADatasetOrTheCommandLineMayAskForAreOneRule() {
        for (int bins : new int[] {8, 16, 32, 64}) {
            assertTrue(Histogram3D.isSupportedBins(bins), "" + bins);
            assertEquals(bins, Histogram3D.checkSupportedBins(bins));
        }
        for (int bins : new int[] {0, 2, 4, 24, 128, 256, -8}) {
            assertFalse(Histogram3D.isSupportedBins(bins), "" + bins);
        }
        assertEquals("--bins must be a power of two from 8 to 64, got 4", Histogram3D.unsupportedBins("--bins", 4));
        assertEquals("bins must be a power of two from 8 to 64, got 128",
                assertThrows(IllegalArgumentException.class, () -> Histogram3D.checkSupportedBins(128)).getMessage());
        assertTrue(Histogram3D.isSupportedBins(Histogram3D.DEFAULT_BINS));
        // a histogram itself may be coarser: the rule is about what may be asked for
        assertEquals(4, Histogram3D.of(new int[] {0xFF000000}, 4).bins());
    }

    @Test
    void summaryFigures() {
        int[] px = {argb(255, 0, 0, 0), argb(255, 255, 255, 255)};
        Histogram3D h = Histogram3D.of(px, 32);
        assertArrayEquals(new double[] {127.5, 127.5, 127.5}, h.meanColor(), 1e-9);
        assertEquals(1.0, h.entropyBits(), 1e-12); // two equally full bins: one bit
    }

    @Test
    void klDivergenceIsZeroForEqualAndPositiveOtherwise() {
        Histogram3D a = Histogram3D.of(new int[] {argb(255, 10, 20, 30), argb(255, 200, 20, 30)});
        Histogram3D b = Histogram3D.of(new int[] {argb(255, 10, 20, 30), argb(255, 10, 20, 30)});
        assertEquals(0, Histogram3D.klDivergence(a, a), 1e-12);
        assertTrue(Histogram3D.klDivergence(a, b) > 1);
    }

    @Test
    void massesFromAModelAreValidated() {
        float[] m = new float[8];
        m[3] = 1;
        assertEquals(1, Histogram3D.ofMasses(2, m).total(), 1e-9);
        m[2] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.ofMasses(2, m));
        m[2] = -0.1f;
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.ofMasses(2, m));
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.ofMasses(2, new float[8]));
        assertThrows(IllegalArgumentException.class, () -> Histogram3D.ofMasses(2, new float[9]));
    }

    static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }
}
