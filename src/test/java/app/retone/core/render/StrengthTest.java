package app.retone.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrengthTest {

    @Test
    void theRangeIsZeroToOneAndAHalfStartingAtTheFullTransfer() {
        assertEquals(0, Strength.MIN);
        assertEquals(1.5, Strength.MAX);
        assertEquals(1.0, Strength.DEFAULT);
        assertEquals(0, Strength.MIN_PERCENT);
        assertEquals(150, Strength.MAX_PERCENT);
    }

    @Test
    void checkAcceptsTheEndsAndRefusesWhatIsOutsideOrNoNumber() {
        assertEquals(0, Strength.check(0));
        assertEquals(1.5, Strength.check(1.5));
        for (double bad : new double[] {-0.01, 1.51, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertFalse(Strength.isValid(bad));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Strength.check(bad));
            assertEquals("strength must be between 0 and 1.5, got " + bad, e.getMessage());
        }
        assertTrue(Strength.isValid(-0.0));
    }

    @Test
    void clampKeepsValuesInsideTheRange() {
        assertEquals(1.5, Strength.clamp(7));
        assertEquals(0, Strength.clamp(-1));
        assertEquals(0.3, Strength.clamp(0.3));
        assertTrue(Double.isNaN(Strength.clamp(Double.NaN)));
    }

    @Test
    void theSlidersFramesAreNoneFullThenEveryEighthUpToTheMaximum() {
        assertArrayEquals(new double[] {0, 1, 1.125, 1.25, 1.375, 1.5}, Strength.sliderFrames());
    }
}
