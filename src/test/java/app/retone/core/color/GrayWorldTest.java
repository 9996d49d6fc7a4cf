package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GrayWorldTest {

    @Test
    void aCastPhotoComesOutWithItsMeanNeutralAndItsLuminanceKept() {
        int[] px = new int[256];
        for (int i = 0; i < px.length; i++) {
            int v = i;
            px[i] = 0xFF000000 | Math.min(255, v + 40) << 16 | v << 8 | v * 3 / 4; // warm
        }
        int[] out = GrayWorld.apply(px);
        double[] before = meanLinear(px);
        double[] after = meanLinear(out);
        assertEquals(after[1], after[0], 0.01 * after[1]);
        assertEquals(after[1], after[2], 0.01 * after[1]);
        double y0 = 0.2126 * before[0] + 0.7152 * before[1] + 0.0722 * before[2];
        double y1 = 0.2126 * after[0] + 0.7152 * after[1] + 0.0722 * after[2];
        assertEquals(y0, y1, 0.01 * y0);
    }

    @Test
    void aNeutralPhotoIsLeftAlone() {
        int[] px = new int[256];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | i << 16 | i << 8 | i;
        }
        assertEquals(java.util.Arrays.toString(px), java.util.Arrays.toString(GrayWorld.apply(px)));
    }

    private static double[] meanLinear(int[] px) {
        double[] m = new double[3];
        for (int p : px) {
            for (int c = 0; c < 3; c++) {
                m[c] += SrgbCurve.linear8(p >>> (16 - 8 * c) & 0xFF) / px.length;
            }
        }
        return m;
    }
}
