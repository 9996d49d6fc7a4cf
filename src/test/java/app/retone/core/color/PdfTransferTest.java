package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.Photo;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import org.junit.jupiter.api.Test;

class PdfTransferTest {

    private final PdfTransfer transfer = new PdfTransfer();

    @Test
    void transferOntoItsOwnHistogramIsNearIdentity() {
        Photo photo = SyntheticPhoto.landscape(480, 320, 1);
        Histogram3D h = Histogram3D.of(photo.argb());
        ColorLut3D lut = transfer.transfer(h, h);
        int[] out = lut.apply(photo.argb(), Interpolation.TETRAHEDRAL);
        double mean = Pixels.meanAbsDiff(photo.argb(), out);
        int p99 = Pixels.percentileAbsDiff(photo.argb(), out, 0.99);
        int max = Pixels.maxAbsDiff(photo.argb(), out);
        System.out.printf("self transfer: mean %.3f, p99 %d, max %d levels%n", mean, p99, max);
        assertTrue(mean < 0.5, "mean change " + mean);
        assertTrue(p99 <= 2, "99th percentile change " + p99);
        assertTrue(max <= 4, "largest change " + max);
    }

    @Test
    void transferOntoAnotherPhotosHistogramCutsKlByAtLeast80Percent() {
        int[] source = SyntheticPhoto.landscape(400, 300, 2).argb();
        int[] reference = Pixels.cast(SyntheticPhoto.landscape(400, 300, 9).argb(),
                new double[] {0.8, 0.15, 0.05, 0.1, 0.85, 0.05, 0.0, 0.2, 0.7}, new double[] {30, 10, -5});
        Histogram3D src = Histogram3D.of(source);
        Histogram3D ref = Histogram3D.of(reference);
        int[] out = transfer.transfer(src, ref).apply(source, Interpolation.TETRAHEDRAL);
        double before = Histogram3D.klDivergence(ref, src);
        double after = Histogram3D.klDivergence(ref, Histogram3D.of(out));
        System.out.printf("KL(ref||src) %.3f -> KL(ref||result) %.3f (%.1f %% less)%n", before, after, 100 * (1 - after / before));
        assertTrue(after <= 0.2 * before, "KL went from " + before + " to " + after);
    }

    @Test
    void separableCaseEqualsExactHistogramMatching() {
        // a per-channel monotone change: exact histogram matching undoes it channel by channel
        int[] original = SyntheticPhoto.landscape(400, 300, 3).argb();
        int[] edited = Pixels.curves(original, Pixels.gamma(1.6), Pixels.gamma(0.8), v -> Math.min(255, v * 3 / 4 + 40));
        int[] expected = exactPerChannelMatching(edited, original);
        int[] out = transfer.transfer(Histogram3D.of(edited), Histogram3D.of(original))
                .apply(edited, Interpolation.TETRAHEDRAL);
        double mean = Pixels.meanAbsDiff(expected, out);
        int p99 = Pixels.percentileAbsDiff(expected, out, 0.99);
        System.out.printf("separable: mean %.3f, p99 %d levels from exact matching%n", mean, p99);
        assertTrue(mean < 1.5, "mean difference from exact matching " + mean);
        assertTrue(p99 <= 5, "99th percentile difference " + p99);
    }

    /** Classic 1D histogram matching of each channel, on 8-bit values. */
    private static int[] exactPerChannelMatching(int[] source, int[] target) {
        int[][] maps = new int[3][256];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            double[] cs = cdf(source, shift);
            double[] ct = cdf(target, shift);
            for (int v = 0; v < 256; v++) {
                int t = 0;
                while (t < 255 && ct[t] < cs[v] - 1e-12) {
                    t++;
                }
                maps[c][v] = t;
            }
        }
        int[] out = new int[source.length];
        for (int i = 0; i < source.length; i++) {
            int p = source[i];
            out[i] = (p & 0xFF000000) | maps[0][p >>> 16 & 0xFF] << 16 | maps[1][p >>> 8 & 0xFF] << 8 | maps[2][p & 0xFF];
        }
        return out;
    }

    private static double[] cdf(int[] argb, int shift) {
        double[] h = new double[256];
        for (int p : argb) {
            h[p >>> shift & 0xFF]++;
        }
        double acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += h[v] / argb.length;
            h[v] = acc;
        }
        return h;
    }

    @Test
    void isDeterministic() {
        Histogram3D a = Histogram3D.of(SyntheticPhoto.landscape(200, 150, 4).argb());
        Histogram3D b = Histogram3D.of(SyntheticPhoto.landscape(200, 150, 5).argb());
        assertEquals(transfer.transfer(a, b), new PdfTransfer().transfer(a, b));
    }

    @Test
    void theLutIsSmoothNotPosterised() {
        int[] source = SyntheticPhoto.landscape(400, 300, 6).argb();
        int[] reference = SyntheticPhoto.landscape(400, 300, 7).argb();
        ColorLut3D lut = transfer.transfer(Histogram3D.of(source), Histogram3D.of(reference));
        // a gray ramp must stay a ramp of many distinct levels, not collapse onto bin colours
        int[] ramp = new int[256];
        for (int v = 0; v < 256; v++) {
            ramp[v] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        int[] out = lut.apply(ramp, Interpolation.TETRAHEDRAL);
        long distinct = java.util.Arrays.stream(out).distinct().count();
        assertTrue(distinct > 150, "a 256-level gray ramp became only " + distinct + " colours");
    }

    @Test
    void rejectsEmptyHistograms() {
        Histogram3D empty = Histogram3D.of(new int[16]); // all transparent
        Histogram3D some = Histogram3D.of(SyntheticPhoto.landscape(20, 20, 1).argb());
        assertThrows(IllegalArgumentException.class, () -> transfer.transfer(empty, some));
        assertThrows(IllegalArgumentException.class, () -> transfer.transfer(some, empty));
    }
}
