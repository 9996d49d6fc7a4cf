package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The half-size copy a drag paints and shows, scaled by the view. */
class HalfFrameTest {

    @Test
    void eachPixelIsTheMeanOfItsTwoByTwoAndAnOddEdgeUsesWhatIsThere() {
        // 3 × 3: the last column and row have no partner, and stand for themselves
        int[] argb = {
            0xff000000, 0xff040404, 0xff102030,
            0xff080808, 0xff0c0c0c, 0xff102030,
            0x80ff0000, 0x8000ff00, 0x00000000,
        };
        HalfFrame half = HalfFrame.of(new PreviewFrame(3, 3, argb, false));
        assertEquals(2, half.width());
        assertEquals(2, half.height());
        assertArrayEquals(new int[] {0xff060606, 0xff102030, 0x80808000, 0x00000000}, half.argb());
    }

    @Test
    void itsFrameIsTheHalfSizeCopyWithTheOriginalsOpacity() {
        PreviewFrame frame = new PreviewFrame(3, 3, new int[9], true, true);
        HalfFrame half = HalfFrame.of(frame);
        PreviewFrame shown = half.frame();
        assertEquals(2, shown.width());
        assertEquals(2, shown.height());
        assertArrayEquals(half.argb(), shown.argb());
        assertEquals(frame.opaque(), shown.opaque());
    }

    @Test
    void aDragsFramesShareTheHalfOfTheSameFrameAndAnotherFrameGetsItsOwn() {
        PreviewFrame frame = new PreviewFrame(4, 4, new int[16], true, true);
        HalfFrame half = HalfFrame.of(frame, null);
        org.junit.jupiter.api.Assertions.assertSame(half, HalfFrame.of(frame, half), "the same frame: made once");
        PreviewFrame other = new PreviewFrame(4, 4, new int[16], true, true);
        org.junit.jupiter.api.Assertions.assertSame(other, HalfFrame.of(other, half).of(), "another frame: its own half");
    }
}
