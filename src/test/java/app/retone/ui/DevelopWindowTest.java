package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.render.Develop.Adjustment;
import app.retone.core.sidecar.Sidecar;
import app.retone.testing.ExifTool;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.folder.FolderPhoto;
import app.retone.predict.ModelLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Develop section in the real window, driven as a person would: drag a slider and see the
 * photo change, double-click it back to 0, Reset All, undo and redo by their keys, stars by the
 * keys 0-5 on the filmstrip, and the edits in the sidecar beside the photo (read by exiftool).
 */
@ExtendWith(ApplicationExtension.class)
class DevelopWindowTest {

    @TempDir
    static Path dir;

    private Stage stage;
    private EditorViewModel viewModel;
    private TestWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        window = new TestWindow(stage, ModelLocator.DEFAULT_MODEL, dialogs, 1440, 900);
        this.stage = stage;
        viewModel = window.editor();
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void aSliderDragChangesThePhotoDoubleClickAndResetAllPutItBackAndUndoRedoStep(FxRobot robot) throws Exception {
        Path photo = UiFixtures.castPhoto(dir, "develop.jpg", 1200, 800, 71);
        dialogs.photos.add(photo);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitIdle(() -> viewModel.look().hasLookProperty().get());
        int[] before = onFx(() -> viewModel.preview().afterProperty().get().composite().argb().clone());

        Slider exposure = robot.lookup("#develop-exposure").queryAs(Slider.class);
        robot.drag(exposure.lookup(".thumb"), MouseButton.PRIMARY).moveBy(40, 0).drop();
        waitIdle(() -> true);
        double ev = onFx(() -> viewModel.develop().property(Adjustment.EXPOSURE).get());
        assertTrue(ev > 0.2, "the drag raised the exposure to " + ev);
        int[] brighter = onFx(() -> viewModel.preview().afterProperty().get().composite().argb().clone());
        assertTrue(mean(brighter) > mean(before) + 5, "the photo is brighter: " + mean(before) + " -> " + mean(brighter));
        Label value = (Label) robot.lookup("#develop-exposure").queryAs(Slider.class).getParent().getChildrenUnmodifiable()
                .stream().filter(n -> n instanceof Label && ((Label) n).getText().endsWith("EV")).findFirst().orElseThrow();
        assertEquals(String.format(java.util.Locale.ROOT, "%+.2f EV", ev), onFx(value::getText), "its value beside it");
        Snapshots.save(stage.getScene().getRoot(), "develop-window.png");

        // held mid-drag, the window shows the half-size copy scaled to the photo's place: what the
        // user sees then is close to the frame the slider rests on, which is the export's
        javafx.scene.Node view = robot.lookup("#photo-view").query();
        var held = robot.drag(exposure.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-20, 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(() -> viewModel.preview().afterProperty().get().width()) < 1200 / 2 + 1,
                "mid-drag the preview is the half-size copy");
        Snapshots.Shot dragging = Snapshots.of(view);
        Snapshots.save(view, "develop-mid-drag.png");
        held.drop();
        waitIdle(() -> !viewModel.adjustments().adjustingProperty().get());
        Snapshots.Shot rest = Snapshots.of(view);
        Snapshots.save(view, "develop-at-rest.png");
        double diff = Snapshots.meanAbsDiff(dragging, rest);
        assertTrue(diff < 4, "the frame on screen mid-drag is within " + diff + " levels of the frame at rest");
        ev = onFx(() -> viewModel.develop().property(Adjustment.EXPOSURE).get());

        // the sidecar beside the photo, as another program reads it
        // saved a moment after the change: the sidecar may still hold the value before the drag
        double dragged = ev;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(dragged - sidecarExposure(photo)) < 1e-3);

        robot.doubleClickOn(exposure.lookup(".thumb"));
        waitIdle(() -> viewModel.develop().property(Adjustment.EXPOSURE).get() == 0);

        robot.interact(() -> viewModel.develop().property(Adjustment.SHADOWS).set(40));
        robot.interact(() -> viewModel.develop().property(Adjustment.VIBRANCE).set(30));
        robot.clickOn("#developResetButton");
        waitIdle(() -> viewModel.develop().develop().isNeutral());

        // undo walks back through Reset All, the two adjustments, the double-click and the drag
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        waitIdle(() -> viewModel.develop().property(Adjustment.VIBRANCE).get() == 30);
        assertEquals(40, onFx(() -> viewModel.develop().property(Adjustment.SHADOWS).get()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        waitIdle(() -> viewModel.develop().develop().isNeutral());
    }

    @Test
    void theKeysZeroToFiveGiveStarsThatTheFilmstripShowsAndTheSidecarKeeps(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rated"));
        for (int i = 1; i <= 3; i++) {
            UiFixtures.castPhoto(folder, "p" + i + ".jpg", 600, 400, 80 + i);
        }
        dialogs.folders.add(folder);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        waitIdle(() -> viewModel.look().hasLookProperty().get());
        robot.clickOn("#photo-view");
        robot.type(KeyCode.DIGIT4);
        waitIdle(() -> viewModel.ratingProperty().get() == 4);
        @SuppressWarnings("unchecked")
        ListView<FolderPhoto> strip = robot.lookup(".filmstrip").queryAs(ListView.class);
        FolderPhoto first = onFx(() -> strip.getItems().get(0));
        assertEquals(4, onFx(() -> first.ratingProperty().get()));
        assertTrue(robot.lookup(".filmstrip-stars").queryAllAs(Label.class).stream().anyMatch(l -> "★★★★".equals(l.getText())),
                "the strip shows four stars");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(Sidecar.of(folder.resolve("p1.jpg"))));
        waitIdle(() -> true);
        assertEquals("4", ExifTool.text(ExifTool.read(Sidecar.of(folder.resolve("p1.jpg"))), "XMP-xmp:Rating"));
        Snapshots.save(stage.getScene().getRoot(), "develop-folder.png");
        robot.type(KeyCode.DIGIT0);
        waitIdle(() -> viewModel.ratingProperty().get() == 0);
        assertFalse(robot.lookup(".filmstrip-stars").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().contains("★★★★")));
    }

    private static double mean(int[] argb) {
        double sum = 0;
        for (int p : argb) {
            sum += (p >>> 16 & 0xFF) + (p >>> 8 & 0xFF) + (p & 0xFF);
        }
        return sum / (3.0 * argb.length);
    }

    private void waitIdle(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> condition.call()
                && viewModel.activities().list().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** The exposure the photo's sidecar holds, as exiftool reads it; NaN while there is none. */
    private static double sidecarExposure(Path photo) {
        try {
            String text = Files.exists(Sidecar.of(photo)) ? ExifTool.text(ExifTool.read(Sidecar.of(photo)), "XMP-retone:Exposure") : null;
            return text == null ? Double.NaN : Double.parseDouble(text);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
