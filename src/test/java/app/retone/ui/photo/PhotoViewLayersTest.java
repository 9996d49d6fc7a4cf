package app.retone.ui.photo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.retone.ui.editor.CompareMode;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The photo view's three places (main, split, second) in every mode: photo, second image and detail in step. */
@ExtendWith(ApplicationExtension.class)
class PhotoViewLayersTest {

    private PhotoView view;
    private final Image before = new WritableImage(400, 300);
    private final Image after = new WritableImage(400, 300);
    private final Image afterOver = new WritableImage(400, 300);
    private final Image detailBefore = new WritableImage(500, 400);
    private final Image detailAfter = new WritableImage(500, 400);
    private final Image detailAfterOver = new WritableImage(500, 400);
    private final Rectangle2D region = new Rectangle2D(1500, 1000, 500, 400);

    @Start
    void start(Stage stage) {
        view = new PhotoView();
        view.beforeProperty().set(before);
        view.setAfter(after, afterOver, 0.3);
        view.setPhotoSize(4000, 3000);
        view.setDetail(detailBefore, detailAfter, detailAfterOver, 0.6, region);
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ImageView image(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ImageView.class);
    }

    /** What each place shows: null, "original" or "result". */
    private void assertPlace(FxRobot robot, String place, String side) {
        ImageView photo = image(robot, "photo-" + place);
        ImageView over = image(robot, "photo-" + place + "-over");
        ImageView detail = image(robot, "detail-" + place);
        ImageView detailOver = image(robot, "detail-" + place + "-over");
        String what = place + " should show " + side;
        if (side == null) {
            assertNull(photo.getImage(), what);
            assertNull(over.getImage(), what);
            assertNull(detail.getImage(), what);
            assertNull(detailOver.getImage(), what);
            return;
        }
        boolean result = side.equals("result");
        assertSame(result ? after : before, photo.getImage(), what);
        assertSame(result ? afterOver : null, over.getImage(), what);
        assertSame(result ? detailAfter : detailBefore, detail.getImage(), what);
        assertSame(result ? detailAfterOver : null, detailOver.getImage(), what);
        double zoom = view.zoomProperty().get();
        assertEquals(photo.getLayoutX(), over.getLayoutX(), 1e-9);
        assertEquals(photo.getFitWidth(), over.getFitWidth(), 1e-9);
        assertEquals(photo.getLayoutX() + region.getMinX() * zoom, detail.getLayoutX(), 1e-9, "the detail sits on its region");
        assertEquals(photo.getLayoutY() + region.getMinY() * zoom, detail.getLayoutY(), 1e-9);
        assertEquals(region.getWidth() * zoom, detail.getFitWidth(), 1e-9);
        assertEquals(detail.getLayoutX(), detailOver.getLayoutX(), 1e-9);
        assertEquals(detail.getFitHeight(), detailOver.getFitHeight(), 1e-9);
    }

    @Test
    void everyPlaceShowsOneSideWholeInEveryModeAndWhileTheOriginalIsHeld(FxRobot robot) throws Exception {
        fx(() -> view.setZoom(0.5));
        for (boolean held : new boolean[] {false, true}) {
            String result = held ? "original" : "result";
            fx(() -> {
                view.showOriginalProperty().set(held);
                view.modeProperty().set(CompareMode.RESULT);
            });
            assertPlace(robot, "main", result);
            assertPlace(robot, "split", null);
            assertPlace(robot, "second", null);
            fx(() -> view.modeProperty().set(CompareMode.SIDE_BY_SIDE));
            assertPlace(robot, "main", "original");
            assertPlace(robot, "split", null);
            assertPlace(robot, "second", result);
            fx(() -> view.modeProperty().set(CompareMode.SPLIT));
            assertPlace(robot, "main", "original");
            assertPlace(robot, "split", result);
            assertPlace(robot, "second", null);
        }
    }

    @Test
    void aNewMixOfTheDetailIsANewOpacityAndTheDetailGoesWithItsRegion(FxRobot robot) throws Exception {
        fx(() -> view.setZoom(0.5));
        ImageView detailOver = image(robot, "detail-main-over");
        assertEquals(0.6, detailOver.getOpacity(), 1e-12);
        assertEquals(0.3, image(robot, "photo-main-over").getOpacity(), 1e-12);
        fx(() -> view.setDetail(detailBefore, detailAfter, detailAfterOver, 0.9, region));
        assertEquals(0.9, detailOver.getOpacity(), 1e-12);
        assertSame(detailAfterOver, detailOver.getImage());
        fx(() -> view.setDetail(detailBefore, detailAfter, null, 0.9, region));
        assertNull(detailOver.getImage());
        assertEquals(0, detailOver.getOpacity(), 1e-12, "no second image, no mix");
        fx(() -> view.setDetail(null, null, null, 0, null));
        assertNull(image(robot, "detail-main").getImage(), "no detail: the display copy serves");
    }
}
