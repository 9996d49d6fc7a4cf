package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import org.junit.jupiter.api.Test;

class StrengthPreviewTest {

    private final int[] photo = SyntheticPhoto.landscape(320, 240, 11).argb();
    private final ColorLut3D lut = new PdfTransfer().transfer(Histogram3D.of(photo),
            Histogram3D.of(SyntheticPhoto.landscape(320, 240, 12).argb()));

    @Test
    void matchesApplyingTheBlendedLutAtEveryStrength() {
        StrengthPreview preview = new StrengthPreview(photo, lut, Interpolation.TETRAHEDRAL);
        int[] out = new int[photo.length];
        for (double s : new double[] {0.1, 0.35, 0.5, 1.0, 1.25, 1.5}) {
            preview.render(s, out);
            int[] expected = lut.withStrength(s).apply(photo, Interpolation.TETRAHEDRAL);
            // the same arithmetic up to rounding: at most one level apart, almost always equal
            assertTrue(Pixels.maxAbsDiff(expected, out) <= 1, "strength " + s);
            assertTrue(Pixels.meanAbsDiff(expected, out) < 0.05, "strength " + s + ": " + Pixels.meanAbsDiff(expected, out));
        }
    }

    @Test
    void aLutFarOutsideTheCubeSaturatesLikeTheExport() {
        float[] nodes = new float[3 * 8];
        java.util.Arrays.fill(nodes, 3.0f); // a foreign .cube may hold such values
        ColorLut3D bright = ColorLut3D.of(2, nodes);
        StrengthPreview preview = new StrengthPreview(photo, bright, Interpolation.TETRAHEDRAL);
        int[] out = new int[photo.length];
        preview.render(1, out);
        assertArrayEquals(bright.apply(photo, Interpolation.TETRAHEDRAL), out);
        assertEquals(0xFFFFFFFF, out[100]);
    }

    @Test
    void strengthZeroIsTheInputExactly() {
        int[] withAlpha = photo.clone();
        withAlpha[3] = 0x12345678;
        StrengthPreview preview = new StrengthPreview(withAlpha, lut, Interpolation.TETRAHEDRAL);
        int[] out = new int[withAlpha.length];
        preview.render(0, out);
        assertArrayEquals(withAlpha, out);
        preview.render(1, out);
        assertEquals(0x12, out[3] >>> 24, "alpha passes through");
    }
}
