package app.retone.ui.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The zoom and pan model, as plain arithmetic: a 4000 × 3000 photo in an 800 × 600 port. */
class ZoomPanTest {

    private ZoomPan zp;

    @BeforeEach
    void setUp() {
        zp = new ZoomPan(this);
        assertTrue(zp.setPhotoSize(4000, 3000));
        zp.fit(zp.fitZoom(800, 600));
    }

    @Test
    void fitShowsTheWholePhotoCentredAndNeverEnlarges() {
        assertTrue(zp.isFitting());
        assertEquals(0.2, zp.zoom(), 1e-12);
        assertEquals(0, zp.imageX(800), 1e-12);
        assertEquals(0, zp.imageY(600), 1e-12);
        assertEquals(new Rectangle2D(0, 0, 4000, 3000), zp.visibleRegion(800, 600));
        assertFalse(zp.setPhotoSize(4000, 3000), "the same size is no change");
        assertTrue(zp.setPhotoSize(200, 100));
        assertEquals(1, zp.fitZoom(800, 600), 1e-12, "a small photo at 100 %");
    }

    @Test
    void zoomingKeepsThePhotoPointAtTheGivenOffsetAndStopsFitting() {
        double dx = -200;
        double dy = 100;
        // the photo point under (port centre + offset) before
        double px = (400 + dx - zp.imageX(800)) / zp.zoom();
        double py = (300 + dy - zp.imageY(600)) / zp.zoom();
        zp.zoomAround(1, 0.01, 16, dx, dy);
        assertFalse(zp.isFitting());
        assertEquals(1, zp.zoom(), 1e-12);
        assertEquals(400 + dx, zp.imageX(800) + px * zp.zoom(), 1, "still under the cursor");
        assertEquals(300 + dy, zp.imageY(600) + py * zp.zoom(), 1);
        zp.zoomAround(100, 0.01, 16, 0, 0);
        assertEquals(16, zp.zoom(), 1e-12, "within the largest zoom");
        zp.zoomAround(0.0001, 0.01, 16, 0, 0);
        assertEquals(0.01, zp.zoom(), 1e-12, "within the smallest");
    }

    @Test
    void panningMovesTheCentreAgainstTheDragAndStopsAtThePhotosEdges() {
        zp.zoomAround(0.5, 0.01, 16, 0, 0);
        zp.panBy(-100, -50);
        assertEquals(2000 + 200, zp.center().getX(), 1e-9);
        assertEquals(1500 + 100, zp.center().getY(), 1e-9);
        assertEquals(new Rectangle2D(2200 - 800, 1600 - 600, 1600, 1200), zp.visibleRegion(800, 600));
        zp.panBy(1e6, -1e6);
        assertEquals(0, zp.center().getX(), 1e-9);
        assertEquals(3000, zp.center().getY(), 1e-9);
        Rectangle2D corner = zp.visibleRegion(800, 600);
        assertEquals(0, corner.getMinX(), 1e-9, "never left of the photo");
        assertEquals(3000, corner.getMaxY(), 1e-9, "never below it");
        assertTrue(corner.getMaxX() >= 800 && corner.getMinY() <= 3000 - 600, "covers what is in view");
    }

    @Test
    void aNewFitZoomIsFollowedOnlyWhileFittingAndFitRecentres() {
        zp.refit(0.1);
        assertEquals(0.1, zp.zoom(), 1e-12);
        zp.zoomAround(0.5, 0.01, 16, 0, 0);
        zp.panBy(30, 40);
        zp.refit(0.2);
        assertEquals(0.5, zp.zoom(), 1e-12, "a chosen zoom stays");
        zp.fit(0.2);
        assertTrue(zp.isFitting());
        assertEquals(2000, zp.center().getX(), 1e-9);
        assertEquals(1500, zp.center().getY(), 1e-9);
    }
}
