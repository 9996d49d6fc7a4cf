package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.HistogramChoice;
import app.retone.ui.histogram.ChannelHistogramView;
import app.retone.ui.histogram.HistogramCloud;
import app.retone.ui.histogram.HistogramRenderer;
import app.retone.ui.histogram.HistogramView;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SubScene;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window where JavaFX has no 3D pipeline, as on a display without a GPU: run by the
 * build's {@code software-pipeline} execution, under Xvfb without {@code -Dprism.forceGPU}, so
 * JavaFX falls back to its software pipeline. The 3D histogram is there all the same (drawn by the
 * app's own renderer), turns under the mouse, and no 3D node is made, so JavaFX warns of nothing;
 * the RGB histogram under it warns of clipped highlights.
 */
@Tag("software-pipeline")
@ExtendWith(ApplicationExtension.class)
class SoftwarePipelineWindowTest {

    @TempDir
    static Path dir;

    /** What JavaFX logged while the window was made and used (its SCENE3D warnings go through java.util.logging). */
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private TestWindow window;
    private Stage stage;
    private EditorViewModel viewModel;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        Logger.getLogger("").addHandler(handler);
        this.stage = stage;
        window = new TestWindow(stage, "histonet-v1", dialogs, 1440, 900);
        viewModel = window.editor();
    }

    @AfterEach
    void tearDown() throws Exception {
        Logger.getLogger("").removeHandler(handler);
        window.close();
    }

    @Test
    void theHistogramIsDrawnBySoftwareAndNo3dNodeIsMade(FxRobot robot) throws Exception {
        assertFalse(Platform.isSupported(ConditionalFeature.SCENE3D),
                "this test checks the window without a 3D pipeline: run it without -Dprism.forceGPU "
                        + "(the build's software-pipeline execution does)");
        openByShortcut(robot, colourPhoto());
        List<String> warnings = logged.stream().map(LogRecord::getMessage)
                .filter(m -> m != null && (m.contains("SCENE3D") || m.contains("ConditionalFeature"))).toList();
        assertEquals(List.of(), warnings, "JavaFX warned of its missing 3D pipeline");
        assertEquals(List.of(), subScenes(stage.getScene().getRoot()), "no SubScene in the window");
        HistogramView histogram = robot.lookup("#histogram-view").queryAs(HistogramView.class);
        assertEquals(HistogramRenderer.SOFTWARE, histogram.renderer());
        // the panel's points are made in the background once the selection settles: the cloud, not a sentence, comes
        javafx.scene.text.Text placeholder = robot.lookup("#histogram-placeholder").queryAs(javafx.scene.text.Text.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !placeholder.isVisible()));
    }

    @Test
    void theCloudOfAColourPhotoIsDrawnAndTurnsUnderADrag(FxRobot robot) throws Exception {
        HistogramView histogram = robot.lookup("#histogram-view").queryAs(HistogramView.class);
        // a grey photo first: its points lie on the grey axis, so only the cube's frame is coloured
        int[] scene = SyntheticPhoto.landscape(1200, 800, 25).argb();
        openByShortcut(robot, TestImages.write(dir.resolve("grey.png"),
                TestImages.fromArgb(Pixels.toGrey(scene), 1200, 800, false), "png"));
        showSourcePoints(robot, histogram);
        int frameOnly = Snapshots.colouredPixels(Snapshots.of(histogram), 30);

        openByShortcut(robot, colourPhoto());
        showSourcePoints(robot, histogram);
        Snapshots.Shot first = Snapshots.of(histogram);
        int coloured = Snapshots.colouredPixels(first, 30);
        Snapshots.save(stage.getScene().getRoot(), "window-software.png");
        assertTrue(frameOnly > 0, "the frame's axes are coloured: " + frameOnly);
        assertTrue(coloured - frameOnly > first.width() * first.height() / 100,
                "coloured pixels: " + coloured + " with the colour photo, " + frameOnly + " with its grey copy");

        robot.moveTo(histogram).press(MouseButton.PRIMARY).moveBy(60, 20).moveBy(60, 20).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(histogram.yaw() > HistogramView.DEFAULT_YAW, "the drag turned the cube: yaw " + histogram.yaw());
        Snapshots.Shot turned = Snapshots.of(histogram);
        Snapshots.save(histogram, "window-histogram-software-turned.png");
        assertTrue(Snapshots.meanAbsDiff(first, turned) > 2, "the picture turned: " + Snapshots.meanAbsDiff(first, turned));

        robot.moveTo(histogram).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HistogramView.DEFAULT_YAW, histogram.yaw());
        assertTrue(Snapshots.meanAbsDiff(first, Snapshots.of(histogram)) < 0.5, "a double-click brings the first view back");
    }

    @Test
    void theRgbHistogramWarnsOfClippedHighlights(FxRobot robot) throws Exception {
        ChannelHistogramView rgb = robot.lookup("#channel-histogram").queryAs(ChannelHistogramView.class);
        openByShortcut(robot, clippedPhoto());
        robot.interact(() -> viewModel.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> "Source".equals(viewModel.histogram()
                .rgbHistogramProperty().get().of()) && rgb.histograms() == viewModel.histogram().rgbHistogramProperty().get().channels()));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(rgb.highlightsLit(), "a blown sky: " + rgb.histograms());
        assertFalse(rgb.shadowsLit(), rgb.histograms().toString());
        Snapshots.Shot shot = Snapshots.of(rgb);
        Snapshots.save(rgb, "rgb-histogram-clipped.png");
        // the highlights' triangle (top right) is lit white, the shadows' (top left) stays dark
        int lit = shot.at(shot.width() - 6, 5);
        int unlit = shot.at(5, 5);
        assertTrue(Pixels.r(lit) > 200 && Pixels.g(lit) > 200 && Pixels.b(lit) > 200, Integer.toHexString(lit));
        assertTrue(Pixels.r(unlit) < 100, Integer.toHexString(unlit));
        // the channels are drawn: coloured pixels beyond the triangles
        assertTrue(Snapshots.colouredPixels(shot, 60) > shot.width() * 3, "the three channels show");

        // pointed at, the triangle says how much
        robot.moveTo("#clip-highlights");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip && w.isShowing())));
        String tip = onFx(() -> Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst().orElseThrow());
        assertTrue(tip.startsWith("Highlights clipped: 4.") && tip.contains("have a channel at 255"), tip);
        assertEquals(rgb.highlightsTip(), tip);
    }

    private void openByShortcut(FxRobot robot, Path photo) throws Exception {
        dialogs.photos.add(photo);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.look().hasLookProperty().get()
                && viewModel.activities().list().isEmpty() && stage.getTitle().startsWith(photo.getFileName().toString())));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses the source histogram and waits until the panel draws exactly its points. */
    private void showSourcePoints(FxRobot robot, HistogramView histogram) throws Exception {
        robot.interact(() -> viewModel.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE));
        int expected = onFx(() -> HistogramCloud.of(viewModel.session().sourceHistogramProperty().get()).size());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> {
            var points = viewModel.histogram().histogramPointsProperty().get();
            return !points.cloud().isOverlay() && points.cloud().size() == expected && histogram.pointCount() == expected;
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path colourPhoto() throws Exception {
        int[] scene = SyntheticPhoto.landscape(1200, 800, 25).argb();
        return TestImages.write(dir.resolve("colour.png"), TestImages.fromArgb(scene, 1200, 800, false), "png");
    }

    /** A landscape whose top 4 % is pure white, a blown sky; the rest keeps off the ends. */
    private static Path clippedPhoto() throws Exception {
        int w = 900;
        int h = 600;
        int[] argb = SyntheticPhoto.landscape(w, h, 31).argb();
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = 8 + (p >> 16 & 0xFF) * 240 / 256;
            int g = 8 + (p >> 8 & 0xFF) * 240 / 256;
            int b = 8 + (p & 0xFF) * 240 / 256;
            argb[i] = i < w * h / 25 ? 0xFFFFFFFF : 0xFF000000 | r << 16 | g << 8 | b;
        }
        return TestImages.write(dir.resolve("blown-sky.png"), TestImages.fromArgb(argb, w, h, false), "png");
    }

    private static List<Node> subScenes(Parent root) {
        List<Node> found = new java.util.ArrayList<>();
        for (Node child : root.getChildrenUnmodifiable()) {
            if (child instanceof SubScene) {
                found.add(child);
            } else if (child instanceof Parent parent) {
                found.addAll(subScenes(parent));
            }
        }
        return found;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
