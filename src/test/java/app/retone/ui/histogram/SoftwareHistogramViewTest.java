package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.retone.core.color.Histogram3D;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel drawn by the app's software renderer, on any pipeline (the same checks as the 3D scene's, and its own). */
class SoftwareHistogramViewTest extends HistogramViewContract {

    @Start
    void start(Stage stage) {
        showView(stage);
    }

    @Override
    HistogramRenderer renderer() {
        return HistogramRenderer.SOFTWARE;
    }

    @Override
    String drawingId() {
        return "histogram-canvas";
    }

    @Test
    void manyMouseEventsBeforeAFrameDrawItOnce(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(HistogramPoints.cloudOnly(Histogram3D.of(photo()), null)));
        snapshot();
        CloudCanvas canvas = (CloudCanvas) view.drawing();
        long before = canvas.frames();
        WaitForAsyncUtils.asyncFx(() -> {
            Event.fireEvent(view, mouse(MouseEvent.MOUSE_PRESSED, 100));
            for (int i = 1; i <= 10; i++) {
                Event.fireEvent(view, mouse(MouseEvent.MOUSE_DRAGGED, 100 + 4 * i));
            }
        }).get(10, TimeUnit.SECONDS);
        snapshot();
        assertEquals(before + 1, canvas.frames(), "ten drag events, one frame drawn");
        assertEquals(HistogramView.DEFAULT_YAW + 40 * CloudCamera.DEGREES_PER_PIXEL, view.yaw(), 1e-9, "for all ten");
    }

    private MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double sceneX) {
        return new MouseEvent(view, view, type, sceneX, 200, sceneX, 200, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null);
    }
}
