package app.retone.ui.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.ui.editor.CompareMode;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom, pan and the comparison layouts of the photo view, driven by mouse as a person would. */
@ExtendWith(ApplicationExtension.class)
class PhotoViewTest {

    private PhotoView view;

    @Start
    void start(Stage stage) {
        view = new PhotoView();
        WritableImage before = new WritableImage(400, 300);
        WritableImage after = new WritableImage(400, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                before.getPixelWriter().setColor(x, y, Color.gray(x / 400.0));
                after.getPixelWriter().setColor(x, y, Color.hsb(x * 0.9, 0.8, 0.9));
            }
        }
        view.beforeProperty().set(before);
        view.setAfter(after, null, 0);
        view.setPhotoSize(4000, 3000); // the images are a tenth of the full photo, as the app's display copies are
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private ImageView image(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ImageView.class);
    }

    /** Where a full-resolution photo point is drawn, in the view's coordinates. */
    private static Point2D screenOf(ImageView image, double zoom, double px, double py) {
        return new Point2D(image.getLayoutX() + px * zoom, image.getLayoutY() + py * zoom);
    }

    @Test
    void fitShowsTheWholePhotoAndNeverEnlargesASmallOne(FxRobot robot) throws Exception {
        assertTrue(view.fittingProperty().get());
        assertEquals(0.2, view.zoomProperty().get(), 1e-9);
        ImageView main = image(robot, "#photo-main");
        assertEquals(800, main.getFitWidth(), 1e-9);
        WaitForAsyncUtils.asyncFx(() -> view.setPhotoSize(200, 100)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, view.zoomProperty().get(), 1e-9, "a small photo is shown at 100 %, not blown up");
    }

    @Test
    void theWheelZoomsAroundTheCursor(FxRobot robot) throws Exception {
        ImageView main = image(robot, "#photo-main");
        Point2D cursor = new Point2D(200, 150);
        double zoom = view.zoomProperty().get();
        double px = (cursor.getX() - main.getLayoutX()) / zoom;
        double py = (cursor.getY() - main.getLayoutY()) / zoom;

        robot.moveTo(view.localToScreen(cursor)).scroll(5, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();

        double zoomed = view.zoomProperty().get();
        assertTrue(zoomed > zoom * 1.2, "zoomed in: " + zoom + " -> " + zoomed);
        assertFalse(view.fittingProperty().get());
        Point2D stays = screenOf(main, zoomed, px, py);
        assertEquals(cursor.getX(), stays.getX(), 1.5, "the photo point under the cursor stays under it");
        assertEquals(cursor.getY(), stays.getY(), 1.5);
    }

    @Test
    void draggingPansAndDoubleClickGoesToOneHundredPercentAndBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setZoom(0.5)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D centre = view.center();
        robot.drag(view.localToScreen(400, 300), MouseButton.PRIMARY).moveBy(-100, -50).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Point2D moved = view.center();
        assertEquals(centre.getX() + 100 / 0.5, moved.getX(), 4, "dragging left shows more of the right");
        assertEquals(centre.getY() + 50 / 0.5, moved.getY(), 4);

        WaitForAsyncUtils.asyncFx(view::fit).get(5, TimeUnit.SECONDS);
        robot.sleep(600); // the drop above must not count as the first click of a double-click
        robot.doubleClickOn(view);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, view.zoomProperty().get(), 1e-9);
        robot.sleep(600);
        robot.doubleClickOn(view);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.fittingProperty().get());
    }

    @Test
    void sideBySideShowsBothAtTheSameZoomAndSplitClipsTheResultAtTheDivider(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.modeProperty().set(CompareMode.SIDE_BY_SIDE)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ImageView main = image(robot, "#photo-main");
        ImageView second = image(robot, "#photo-second");
        assertTrue(second.getParent().isVisible());
        assertEquals(view.beforeProperty().get(), main.getImage());
        assertEquals(view.afterProperty().get(), second.getImage());
        assertEquals((800 - 2) / 2.0 / 4000, view.zoomProperty().get(), 1e-9, "each half fits the photo");
        assertEquals(main.getFitWidth(), second.getFitWidth(), 1e-9);
        assertEquals(main.getLayoutX(), second.getLayoutX(), 1e-9);

        WaitForAsyncUtils.asyncFx(() -> {
            view.modeProperty().set(CompareMode.SPLIT);
            view.splitProperty().set(0.25);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ImageView split = image(robot, "#photo-split");
        assertEquals(view.afterProperty().get(), split.getImage());
        assertEquals(view.beforeProperty().get(), main.getImage());
        javafx.scene.shape.Rectangle clip = (javafx.scene.shape.Rectangle) split.getParent().getClip();
        assertEquals(200, clip.getX(), 1e-9, "the result starts at the divider");
        assertEquals(600, clip.getWidth(), 1e-9);
    }

    @Test
    void theResultsSecondImageShowsOnlyWhereTheResultDoesAndTheScreenMixesIt(FxRobot robot) throws Exception {
        WritableImage over = new WritableImage(400, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                over.getPixelWriter().setColor(x, y, Color.rgb(250, 240, 20));
            }
        }
        javafx.scene.image.Image result = view.afterProperty().get();
        var plain = app.retone.ui.Snapshots.of(view);
        WaitForAsyncUtils.asyncFx(() -> view.setAfter(result, over, 0.25)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ImageView main = image(robot, "#photo-main");
        ImageView mainOver = image(robot, "#photo-main-over");
        assertEquals(result, main.getImage());
        assertEquals(over, mainOver.getImage());
        assertEquals(0.25, mainOver.getOpacity(), 1e-9);
        assertEquals(main.getLayoutX(), mainOver.getLayoutX(), 1e-9, "drawn exactly over the result");
        assertEquals(main.getFitWidth(), mainOver.getFitWidth(), 1e-9);
        // what a person sees: a quarter of the yellow over the result, pixel by pixel
        var mixed = app.retone.ui.Snapshots.of(view);
        int[] yellow = {250, 240, 20};
        int worst = 0;
        int compared = 0;
        for (int y = 10; y < 590; y += 7) {
            for (int x = 10; x < 790; x += 7) {
                int p = plain.at(x, y);
                int q = mixed.at(x, y);
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double expected = (p >>> shift & 0xFF) * 0.75 + yellow[c] * 0.25;
                    worst = (int) Math.max(worst, Math.abs((q >>> shift & 0xFF) - expected));
                }
                compared++;
            }
        }
        assertTrue(compared > 9000);
        assertTrue(worst <= 2, "the screen's mix is off by " + worst + " levels");

        WaitForAsyncUtils.asyncFx(() -> view.setAfter(result, over, 0.8)).get(5, TimeUnit.SECONDS);
        assertEquals(0.8, mainOver.getOpacity(), 1e-9, "a new mix is a new opacity");
        WaitForAsyncUtils.asyncFx(() -> view.showOriginalProperty().set(true)).get(5, TimeUnit.SECONDS);
        assertEquals(null, mainOver.getImage(), "holding the key shows the original, nothing over it");
        WaitForAsyncUtils.asyncFx(() -> {
            view.showOriginalProperty().set(false);
            view.modeProperty().set(CompareMode.SIDE_BY_SIDE);
        }).get(5, TimeUnit.SECONDS);
        assertEquals(null, mainOver.getImage(), "side by side, the left is the original");
        assertEquals(over, image(robot, "#photo-second-over").getImage());
        WaitForAsyncUtils.asyncFx(() -> view.modeProperty().set(CompareMode.SPLIT)).get(5, TimeUnit.SECONDS);
        assertEquals(null, image(robot, "#photo-second-over").getImage());
        assertEquals(over, image(robot, "#photo-split-over").getImage());
        WaitForAsyncUtils.asyncFx(() -> view.setAfter(result, null, 0.8)).get(5, TimeUnit.SECONDS);
        assertEquals(null, image(robot, "#photo-split-over").getImage());
        assertEquals(0, view.afterOpacityProperty().get(), 1e-9, "no second image, no mix");
        WaitForAsyncUtils.asyncFx(() -> view.setAfter(result, over, 0.5)).get(5, TimeUnit.SECONDS);
        assertEquals(over, image(robot, "#photo-split-over").getImage());
        WaitForAsyncUtils.asyncFx(() -> view.setAfter(view.beforeProperty().get(), null, 0.5)).get(5, TimeUnit.SECONDS);
        assertEquals(null, image(robot, "#photo-split-over").getImage(), "a result on its own has no second image");
        assertEquals(view.beforeProperty().get(), image(robot, "#photo-split").getImage());
    }
}
