package app.retone.ui.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.ui.photo.BlendLayer.Images;
import app.retone.ui.photo.BlendLayer.Side;
import java.util.List;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** One place's four image views: which side they show, their mix and their geometry, always together. */
@ExtendWith(ApplicationExtension.class) // for the toolkit the images need
class BlendLayerTest {

    private final SimpleDoubleProperty overOpacity = new SimpleDoubleProperty(0.25);
    private final SimpleDoubleProperty detailOverOpacity = new SimpleDoubleProperty(0.5);
    private BlendLayer layer;
    private ImageView base;
    private ImageView over;
    private ImageView detail;
    private ImageView detailOver;

    private final Image original = new WritableImage(40, 30);
    private final Image result = new WritableImage(40, 30);
    private final Image resultOver = new WritableImage(40, 30);
    private final Image detailOriginal = new WritableImage(100, 50);
    private final Image detailResult = new WritableImage(100, 50);
    private final Image detailResultOver = new WritableImage(100, 50);
    private final Images photo = new Images(original, result, resultOver);
    private final Images detailImages = new Images(detailOriginal, detailResult, detailResultOver);
    private final Rectangle2D region = new Rectangle2D(120, 80, 100, 50);

    @BeforeEach
    void setUp() {
        layer = new BlendLayer("main", overOpacity, detailOverOpacity);
        List<Node> nodes = layer.nodes();
        base = (ImageView) nodes.get(0);
        over = (ImageView) nodes.get(1);
        detail = (ImageView) nodes.get(2);
        detailOver = (ImageView) nodes.get(3);
    }

    @Test
    void itsViewsAreNamedAndDrawnPhotoThenSecondImageThenDetailThenItsSecondImage() {
        assertEquals(List.of("photo-main", "photo-main-over", "detail-main", "detail-main-over"),
                layer.nodes().stream().map(Node::getId).toList());
        assertTrue(over.isMouseTransparent());
        assertTrue(detailOver.isMouseTransparent());
    }

    @Test
    void theResultShowsItsBaseWithItsSecondImageAndSoDoesItsDetail() {
        layer.show(Side.RESULT, photo, detailImages, region);
        assertSame(result, base.getImage());
        assertSame(resultOver, over.getImage());
        assertSame(detailResult, detail.getImage());
        assertSame(detailResultOver, detailOver.getImage());
    }

    @Test
    void theOriginalShowsNothingOverItAndNeitherDoesItsDetail() {
        layer.show(Side.RESULT, photo, detailImages, region);
        layer.show(Side.ORIGINAL, photo, detailImages, region);
        assertSame(original, base.getImage());
        assertNull(over.getImage());
        assertSame(detailOriginal, detail.getImage());
        assertNull(detailOver.getImage());
    }

    @Test
    void aLayerNotInUseShowsNothingAtAll() {
        layer.show(Side.RESULT, photo, detailImages, region);
        layer.show(Side.NOTHING, photo, detailImages, region);
        for (Node node : layer.nodes()) {
            assertNull(((ImageView) node).getImage(), node.getId());
        }
    }

    @Test
    void aSecondImageNeverSitsOnAnotherBase() {
        // no result yet: the result is the original, alone, in the photo and in the detail
        layer.show(Side.RESULT, new Images(original, null, resultOver), new Images(detailOriginal, null, detailResultOver),
                region);
        assertSame(original, base.getImage());
        assertNull(over.getImage());
        assertSame(detailOriginal, detail.getImage());
        assertNull(detailOver.getImage());
    }

    @Test
    void noRegionOrNoOriginalMeansNoDetail() {
        layer.show(Side.RESULT, photo, detailImages, null);
        assertSame(result, base.getImage());
        assertNull(detail.getImage());
        assertNull(detailOver.getImage());
        layer.show(Side.RESULT, photo, new Images(null, detailResult, detailResultOver), region);
        assertNull(detail.getImage());
        assertNull(detailOver.getImage());
        layer.show(Side.RESULT, photo, Images.NONE, region);
        assertNull(detail.getImage());
    }

    @Test
    void eachSecondImageFollowsItsOwnOpacity() {
        layer.show(Side.RESULT, photo, detailImages, region);
        assertEquals(0.25, over.getOpacity(), 1e-12);
        assertEquals(0.5, detailOver.getOpacity(), 1e-12);
        overOpacity.set(0.75);
        assertEquals(0.75, over.getOpacity(), 1e-12, "a new mix is a new opacity, nothing else");
        assertEquals(0.5, detailOver.getOpacity(), 1e-12);
        detailOverOpacity.set(0.1);
        assertEquals(0.1, detailOver.getOpacity(), 1e-12);
        assertEquals(1, base.getOpacity(), 1e-12);
        assertEquals(1, detail.getOpacity(), 1e-12);
    }

    @Test
    void thePhotoAndItsSecondImageCoverEachOtherAndTheDetailSitsOnItsRegion() {
        layer.show(Side.RESULT, photo, detailImages, region);
        layer.place(-37, 12, 0.5, 400, 300);
        for (ImageView view : new ImageView[] {base, over}) {
            assertEquals(-37, view.getLayoutX(), 1e-12);
            assertEquals(12, view.getLayoutY(), 1e-12);
            assertEquals(200, view.getFitWidth(), 1e-12);
            assertEquals(150, view.getFitHeight(), 1e-12);
            assertFalse(view.isPreserveRatio());
        }
        for (ImageView view : new ImageView[] {detail, detailOver}) {
            assertEquals(-37 + 120 * 0.5, view.getLayoutX(), 1e-12, "at the region's left edge, zoomed");
            assertEquals(12 + 80 * 0.5, view.getLayoutY(), 1e-12);
            assertEquals(50, view.getFitWidth(), 1e-12, "the region's width, zoomed");
            assertEquals(25, view.getFitHeight(), 1e-12);
            assertTrue(view.isSmooth(), "below 200 % the detail is smoothed");
        }
        layer.place(-37, 12, 2, 400, 300);
        for (ImageView view : new ImageView[] {detail, detailOver}) {
            assertEquals(-37 + 240, view.getLayoutX(), 1e-12);
            assertEquals(200, view.getFitWidth(), 1e-12);
            assertFalse(view.isSmooth(), "from 200 % on, the pixels themselves");
        }
        assertTrue(base.isSmooth(), "the display copy is always smoothed");
        assertTrue(over.isSmooth());
    }

    @Test
    void aNewRegionMovesTheDetailAtTheNextPlacing() {
        layer.show(Side.ORIGINAL, photo, detailImages, region);
        layer.place(0, 0, 1, 400, 300);
        layer.show(Side.ORIGINAL, photo, detailImages, new Rectangle2D(10, 20, 30, 40));
        layer.place(0, 0, 1, 400, 300);
        assertEquals(10, detail.getLayoutX(), 1e-12);
        assertEquals(20, detail.getLayoutY(), 1e-12);
        assertEquals(30, detail.getFitWidth(), 1e-12);
        assertEquals(detail.getLayoutX(), detailOver.getLayoutX(), 1e-12);
        assertEquals(detail.getFitHeight(), detailOver.getFitHeight(), 1e-12);
    }
}
