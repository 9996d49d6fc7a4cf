package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistogramCloudTest {

    private static final int B = Histogram3D.DEFAULT_BINS;

    /** 120 000 pixels: one pixel is a share of 8e-6, above the drawing floor, so every non-empty bin shows. */
    private static Histogram3D photoHistogram(long seed) {
        return Histogram3D.of(SyntheticPhoto.landscape(400, 300, seed).argb());
    }

    @Test
    void everyNonEmptyBinBecomesOnePoint() {
        Histogram3D h = photoHistogram(7);
        assertTrue(1 / h.total() >= HistogramCloud.MIN_SHARE, "precondition: a single pixel is drawn");

        HistogramCloud cloud = HistogramCloud.of(h);

        assertEquals(h.nonEmptyBins(), cloud.size());
        assertTrue(cloud.size() > 100, "a landscape has many colours, got " + cloud.size());
        Set<Integer> bins = new HashSet<>();
        for (HistogramCloud.Point p : cloud.points()) {
            assertTrue(h.mass(p.bin()) > 0, "bin " + p.bin() + " is empty");
            bins.add(p.bin());
        }
        assertEquals(cloud.size(), bins.size(), "each bin once");
        assertFalse(cloud.isOverlay());
        assertEquals(0, cloud.referenceCount());
    }

    @Test
    void eachPointSitsAtItsBinCentreInItsBinCentreColour() {
        Histogram3D h = photoHistogram(3);
        HistogramCloud cloud = HistogramCloud.of(h);
        for (HistogramCloud.Point p : cloud.points()) {
            int r = p.bin() / (B * B);
            int g = p.bin() / B % B;
            int b = p.bin() % B;
            assertEquals(h.binCentre(r) / 256, p.x(), 1e-6);
            assertEquals(h.binCentre(g) / 256, p.y(), 1e-6);
            assertEquals(h.binCentre(b) / 256, p.z(), 1e-6);
            assertEquals(0xFF, p.argb() >>> 24, "opaque");
            assertEquals(Math.round(h.binCentre(r)), Pixels.r(p.argb()));
            assertEquals(Math.round(h.binCentre(g)), Pixels.g(p.argb()));
            assertEquals(Math.round(h.binCentre(b)), Pixels.b(p.argb()));
        }
    }

    @Test
    void radiusFollowsTheCubeRootOfMass() {
        float[] masses = new float[B * B * B];
        int[] bins = {Histogram3D.index(B, 2, 3, 4), Histogram3D.index(B, 10, 20, 5),
                      Histogram3D.index(B, 30, 1, 17), Histogram3D.index(B, 16, 16, 16)};
        float[] mass = {64, 125, 216, 1000};
        for (int i = 0; i < bins.length; i++) {
            masses[bins[i]] = mass[i];
        }
        HistogramCloud cloud = HistogramCloud.of(Histogram3D.ofMasses(B, masses));

        assertEquals(bins.length, cloud.size());
        float biggest = radiusOf(cloud, bins[3]);
        assertEquals(HistogramCloud.MAX_RADIUS, biggest, 1e-7, "the largest point gets the largest size");
        for (int i = 0; i < 3; i++) {
            double expected = Math.cbrt(mass[i] / mass[3]);
            assertEquals(expected, radiusOf(cloud, bins[i]) / biggest, 1e-5, "bin " + bins[i]);
        }
    }

    @Test
    void radiusGrowsWithMassOnAPhotoAndNeverFallsBelowTheMinimum() {
        Histogram3D h = photoHistogram(11);
        List<HistogramCloud.Point> points = new ArrayList<>(HistogramCloud.of(h).points());
        points.sort(Comparator.comparingDouble(p -> h.mass(p.bin())));
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).radius() >= points.get(i - 1).radius(), "radius must not shrink as mass grows");
        }
        assertEquals(HistogramCloud.MIN_RADIUS, points.get(0).radius(), 1e-7, "a single pixel still shows");
        assertEquals(HistogramCloud.MAX_RADIUS, points.get(points.size() - 1).radius(), 1e-7);
    }

    @Test
    void overlayDrawsTheFirstInGreyThenTheSecondInItsColours() {
        Histogram3D before = photoHistogram(5);
        int[] warmer = Pixels.curves(SyntheticPhoto.landscape(400, 300, 5).argb(),
                Pixels.gamma(0.7), Pixels.gamma(1.0), Pixels.gamma(1.5));
        Histogram3D after = Histogram3D.of(warmer);

        HistogramCloud cloud = HistogramCloud.overlay(before, after);

        assertTrue(cloud.isOverlay());
        assertEquals(before.nonEmptyBins(), cloud.referenceCount());
        assertEquals(before.nonEmptyBins() + after.nonEmptyBins(), cloud.size());
        HistogramCloud alone = HistogramCloud.of(after);
        for (int i = 0; i < cloud.size(); i++) {
            HistogramCloud.Point p = cloud.point(i);
            if (i < cloud.referenceCount()) {
                assertEquals(HistogramCloud.REFERENCE_GREY, p.argb(), "reference point " + i);
                assertTrue(before.mass(p.bin()) > 0);
                assertTrue(p.radius() <= HistogramCloud.REFERENCE_SCALE * HistogramCloud.MAX_RADIUS + 1e-7);
            } else {
                HistogramCloud.Point own = alone.point(i - cloud.referenceCount());
                assertEquals(own.bin(), p.bin());
                assertEquals(own.argb(), p.argb(), "the second histogram keeps its bin colours");
            }
        }
    }

    @Test
    void overlayUsesOneSizeScaleWithSmallerGreyPoints() {
        Histogram3D h = photoHistogram(9);
        HistogramCloud cloud = HistogramCloud.overlay(h, h);
        int n = cloud.referenceCount();
        assertEquals(2 * n, cloud.size());
        for (int i = 0; i < n; i++) {
            HistogramCloud.Point grey = cloud.point(i);
            HistogramCloud.Point coloured = cloud.point(n + i);
            assertEquals(grey.bin(), coloured.bin());
            assertEquals(HistogramCloud.REFERENCE_SCALE * coloured.radius(), grey.radius(), 1e-7);
        }
    }

    @Test
    void emptyOrMissingHistogramGivesNoPoints() {
        int[] transparent = SyntheticPhoto.landscape(64, 48, 1).argb().clone();
        for (int i = 0; i < transparent.length; i++) {
            transparent[i] &= 0x00FFFFFF;
        }
        assertTrue(HistogramCloud.of(Histogram3D.of(transparent)).isEmpty());
        assertTrue(HistogramCloud.of(Histogram3D.of(new int[0])).isEmpty());
        assertEquals(0, HistogramCloud.of(null).size());
        assertEquals(0, HistogramCloud.empty().points().size());
    }

    @Test
    void binsWithANegligibleShareAreLeftOut() {
        float[] masses = new float[B * B * B];
        int big = Histogram3D.index(B, 4, 8, 12);
        int negligible = Histogram3D.index(B, 20, 20, 20);
        int small = Histogram3D.index(B, 25, 2, 9);
        masses[big] = 10_000_000;
        masses[negligible] = 1; // a share of 1e-7
        masses[small] = 100;    // a share of 1e-5
        HistogramCloud cloud = HistogramCloud.of(Histogram3D.ofMasses(B, masses));

        assertEquals(2, cloud.size());
        assertEquals(big, cloud.point(0).bin());
        assertEquals(small, cloud.point(1).bin());
        assertEquals(HistogramCloud.MIN_RADIUS, cloud.point(1).radius(), 1e-7);
    }

    private static float radiusOf(HistogramCloud cloud, int bin) {
        return cloud.points().stream().filter(p -> p.bin() == bin).findFirst().orElseThrow().radius();
    }
}
