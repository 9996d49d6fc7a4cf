package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SrgbCurveTest {

    @Test
    void theCurveIsIec61966AndItsOwnInverseBeyondTheGamutToo() {
        assertEquals(0.214041, SrgbCurve.toLinear(0.5), 1e-6);
        assertEquals(0.5, SrgbCurve.toEncoded(0.214041), 1e-6);
        assertEquals(0.04045 / 12.92, SrgbCurve.toLinear(0.04045), 1e-12);
        for (double v = -0.5; v <= 1.5; v += 0.001) {
            assertEquals(v, SrgbCurve.toEncoded(SrgbCurve.toLinear(v)), 1e-12, "at " + v);
        }
        assertEquals(-SrgbCurve.toLinear(0.3), SrgbCurve.toLinear(-0.3), 0);
    }

    @Test
    void theEightBitLevelIsTheNearestEncodedLevel() {
        for (int v = 0; v < 256; v++) {
            assertEquals(v, SrgbCurve.toLevel8(SrgbCurve.linear8(v)));
        }
        for (double x = 0; x <= 1.2; x += 1e-5) {
            int expected = (int) Math.max(0, Math.min(255, Math.round(SrgbCurve.toEncoded(x) * 255)));
            assertEquals(expected, SrgbCurve.toLevel8(x), "at " + x);
        }
        assertEquals(0, SrgbCurve.toLevel8(-1));
        assertEquals(0, SrgbCurve.toLevel8(Double.NaN));
        assertEquals(255, SrgbCurve.toLevel8(7));
    }
}
