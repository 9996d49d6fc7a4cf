package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SubScene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panel on a real stage (under Xvfb), whichever renderer draws it: what it draws, judged
 * from snapshots, and how it turns and zooms under the mouse. {@link HistogramViewTest} runs it
 * on JavaFX's 3D scene, {@link SoftwareHistogramViewTest} on the software renderer.
 */
@ExtendWith(ApplicationExtension.class)
abstract class HistogramViewContract {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Pixels of a hue sector the points must add over what the frame alone shows. */
    private static final int MIN_PIXELS_PER_HUE = 150;

    HistogramView view;
    Stage stage;

    /** The renderer under test. */
    abstract HistogramRenderer renderer();

    /** The id of the node it draws with. */
    abstract String drawingId();

    /**
     * Shows the view; each test class calls it from its own {@code @Start} (TestFX looks only there).
     * The view gets a stage of its own, closed after the test, not TestFX's primary stage: that one
     * is shared by every test class of the JVM, and a stage once sized by {@code setWidth} keeps its
     * size when the next class sets its scene (the main window's tests would find it 820 × 560).
     */
    void showView(Stage primary) {
        if (renderer() == HistogramRenderer.SCENE_3D && !Platform.isSupported(ConditionalFeature.SCENE3D)) {
            return; // no 3D scene here (see available())
        }
        view = new HistogramView(renderer());
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(view), 600, 500));
        stage.show();
    }

    @AfterEach
    void closeStage() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get();
        }
    }

    @BeforeEach
    void available() {
        assumeTrue(view != null, "JavaFX has no 3D pipeline in this run (the tests of the 3D scene run with "
                + "-Dprism.forceGPU=true under Xvfb, as the build's default execution does)");
    }

    String name(String file) {
        return renderer() == HistogramRenderer.SCENE_3D ? file : file.replace(".png", "-software.png");
    }

    static int[] photo() {
        return SyntheticPhoto.landscape(640, 480, 4).argb();
    }

    @Test
    void showsAPhotosHistogramAsPointsOfSeveralHues(FxRobot robot) throws Exception {
        Histogram3D colour = Histogram3D.of(photo());
        // the same photo in grey: its points lie on the grey axis, so only the frame is coloured
        Histogram3D grey = Histogram3D.of(Pixels.toGrey(photo()));

        robot.interact(() -> view.show(HistogramPoints.of(grey, null)));
        Colourful frameOnly = Colourful.count(snapshot());
        robot.interact(() -> view.show(HistogramPoints.of(colour, null)));
        Image shot = snapshot();
        save(shot, name("histogram-view.png"));
        Colourful withPoints = Colourful.count(shot);

        assertEquals(HistogramCloud.of(colour).size(), view.pointCount());
        assertFalse(robot.lookup("#histogram-placeholder").queryAs(Text.class).isVisible());
        int huesShown = 0;
        for (int sector = 0; sector < Colourful.SECTORS; sector++) {
            if (withPoints.hues().get(sector) - frameOnly.hues().get(sector) >= MIN_PIXELS_PER_HUE) {
                huesShown++;
            }
        }
        assertTrue(huesShown >= 2, "points of at least two hues beyond the frame's: " + withPoints + " vs frame " + frameOnly);
        assertTrue(withPoints.total() - frameOnly.total() > 0.01 * shot.getWidth() * shot.getHeight(),
                "coloured points cover over 1 % of the panel: " + withPoints + " vs frame " + frameOnly);
        assertTrue(frameOnly.total() > 0, "the frame's axes are coloured: " + frameOnly);
    }

    @Test
    void thePointFacingTheViewerShowsItsBinColourTrue(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(HistogramPoints.of(singleBin(0, 0, 0), null)));
        Image frameOnly = snapshot();
        int[][] bins = {{25, 12, 6}, {6, 20, 28}, {10, 26, 8}, {16, 16, 16}};
        for (int[] bin : bins) {
            Histogram3D h = singleBin(bin[0], bin[1], bin[2]);
            int expected = HistogramCloud.of(h).argb(0);
            robot.interact(() -> view.show(HistogramPoints.of(h, null)));

            Image shot = snapshot();

            String colour = String.format("#%06x", expected & 0xFFFFFF);
            assertTrue(nearestChannelError(shot, expected) <= 3, colour + " is drawn true to 3 levels per channel");
            assertTrue(nearestChannelError(frameOnly, expected) > 12, colour + " does not come from the frame");
        }
    }

    @Test
    void clearLeavesOnlyThePlaceholder(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(HistogramPoints.of(Histogram3D.of(photo()), null)));
        assertTrue(view.pointCount() > 0);

        robot.interact(view::clear);
        Image shot = snapshot();

        assertEquals(0, view.pointCount());
        Text placeholder = robot.lookup("#histogram-placeholder").queryAs(Text.class);
        assertTrue(placeholder.isVisible());
        assertEquals(HistogramView.PLACEHOLDER, placeholder.getText());
        assertEquals(0, Colourful.count(shot).total(), "no coloured pixel after clear");
        assertTrue(differentFrom(shot, HistogramBackground.COLOR) > 0, "the placeholder text is drawn");
    }

    @Test
    void aNullHistogramClearsTheView(FxRobot robot) {
        robot.interact(() -> view.show(HistogramPoints.of(Histogram3D.of(photo()), null)));
        robot.interact(() -> view.show((HistogramPoints) null));
        assertEquals(0, view.pointCount());
        assertTrue(robot.lookup("#histogram-placeholder").queryAs(Text.class).isVisible());
    }

    @Test
    void overlayDrawsTheFirstHistogramInGreyUnderTheSecond(FxRobot robot) throws Exception {
        int[] before = photo();
        int[] after = Pixels.curves(before, Pixels.gamma(0.75), Pixels.gamma(0.9), Pixels.gamma(1.35));
        Histogram3D first = Histogram3D.of(before);
        Histogram3D second = Histogram3D.of(after);

        robot.interact(() -> view.show(HistogramPoints.of(second, null)));
        int greyAlone = neutralGreyPixels(snapshot());
        robot.interact(() -> view.show(HistogramPoints.of(first, second)));
        Image shot = snapshot();
        save(shot, name("histogram-view-overlay.png"));

        assertEquals(HistogramCloud.overlay(first, second).size(), view.pointCount());
        assertTrue(robot.lookup("#histogram-legend").queryAs(Text.class).isVisible());
        assertTrue(neutralGreyPixels(shot) > greyAlone + 500,
                "grey points of the first histogram show: " + neutralGreyPixels(shot) + " vs " + greyAlone);
        assertTrue(Colourful.count(shot).total() > 0.01 * shot.getWidth() * shot.getHeight());
    }

    @Test
    void dragTurnsTheViewAndDoubleClickResetsIt(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(HistogramPoints.of(Histogram3D.of(photo()), null)));
        Image first = snapshot();
        assertEquals(HistogramView.DEFAULT_YAW, view.yaw());
        assertEquals(HistogramView.DEFAULT_PITCH, view.pitch());

        robot.moveTo(view).press(MouseButton.PRIMARY).moveBy(60, 20).moveBy(60, 20).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(view.yaw() > HistogramView.DEFAULT_YAW, "dragging right turns the cube right: yaw " + view.yaw());
        assertTrue(view.pitch() < HistogramView.DEFAULT_PITCH, "dragging down tips the top forward: pitch " + view.pitch());
        Image turned = snapshot();
        save(turned, name("histogram-view-turned.png"));
        assertTrue(meanDifference(first, turned) > 2, "the picture turned with the view");

        robot.moveTo(view).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(HistogramView.DEFAULT_YAW, view.yaw());
        assertEquals(HistogramView.DEFAULT_PITCH, view.pitch());
        assertEquals(1, view.zoom());
        assertTrue(meanDifference(first, snapshot()) < 0.5, "back to the first picture");
    }

    @Test
    void wheelZoomsBothWaysWithinItsLimits(FxRobot robot) {
        robot.interact(() -> view.show(HistogramPoints.of(Histogram3D.of(photo()), null)));
        robot.moveTo(view).scroll(2, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = view.zoom();
        assertNotEquals(1, zoomed, 1e-9, "the wheel zooms");

        robot.scroll(2, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.zoom(), 1e-6, "the same notches back undo the zoom");

        robot.scroll(60, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double limit = zoomed > 1 ? HistogramView.MAX_ZOOM : HistogramView.MIN_ZOOM;
        assertEquals(limit, view.zoom(), 1e-9, "zoom stops at its limit");

        robot.moveTo(view).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.zoom());
    }

    @Test
    void theDrawingFollowsThePanelsSize(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(HistogramPoints.of(Histogram3D.of(photo()), null)));
        Node drawing = robot.lookup("#" + drawingId()).query();
        assertEquals(view.getWidth(), drawing.getLayoutBounds().getWidth());
        assertEquals(view.getHeight(), drawing.getLayoutBounds().getHeight());
        Image small = snapshot();

        robot.interact(() -> {
            stage.setWidth(820);
            stage.setHeight(560);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Image large = snapshot();

        assertTrue(view.getWidth() > 700, "the panel grew: " + view.getWidth());
        assertEquals(view.getWidth(), drawing.getLayoutBounds().getWidth());
        assertEquals(view.getHeight(), drawing.getLayoutBounds().getHeight());
        // the cube is as large as the panel's shorter side allows, centred: its coloured pixels' middle moved to the new centre
        double[] before = colouredCentre(small);
        double[] after = colouredCentre(large);
        assertEquals(small.getWidth() / 2, before[0], 25);
        assertEquals(large.getWidth() / 2, after[0], 35, "centred in the wider panel");
    }

    @Test
    void noSceneIsMadeWhereItIsNotDrawn(FxRobot robot) {
        boolean subScene = !robot.lookup(n -> n instanceof SubScene).queryAll().isEmpty();
        assertEquals(renderer() == HistogramRenderer.SCENE_3D, subScene);
        assertEquals(renderer(), view.renderer());
    }

    /** The mean position of the clearly coloured pixels. */
    static double[] colouredCentre(Image image) {
        PixelReader px = image.getPixelReader();
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (c.getSaturation() >= 0.25 && c.getBrightness() >= 0.3) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new double[] {sx / n, sy / n};
    }

    Image snapshot() throws ExecutionException, InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get();
    }

    static void save(Image image, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }

    static Histogram3D singleBin(int r, int g, int b) {
        int bins = Histogram3D.DEFAULT_BINS;
        float[] masses = new float[bins * bins * bins];
        masses[Histogram3D.index(bins, r, g, b)] = 1;
        return Histogram3D.ofMasses(bins, masses);
    }

    /** The largest channel difference of the pixel closest to {@code argb}. */
    static int nearestChannelError(Image image, int argb) {
        int best = 255;
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int p = px.getArgb(x, y);
                int error = Math.max(Math.abs(Pixels.r(p) - Pixels.r(argb)),
                        Math.max(Math.abs(Pixels.g(p) - Pixels.g(argb)), Math.abs(Pixels.b(p) - Pixels.b(argb))));
                best = Math.min(best, error);
            }
        }
        return best;
    }

    private static int differentFrom(Image image, Color colour) {
        int expected = argb(colour);
        int n = 0;
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                if (px.getArgb(x, y) != expected) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Neutral pixels clearly lighter than the background: grey points (and the grey frame edges). */
    private static int neutralGreyPixels(Image image) {
        int n = 0;
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int p = px.getArgb(x, y);
                int max = Math.max(Pixels.r(p), Math.max(Pixels.g(p), Pixels.b(p)));
                int min = Math.min(Pixels.r(p), Math.min(Pixels.g(p), Pixels.b(p)));
                if (max - min < 12 && min > 70) {
                    n++;
                }
            }
        }
        return n;
    }

    static double meanDifference(Image a, Image b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        int[] pa = new int[w * h];
        int[] pb = new int[w * h];
        a.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pa, 0, w);
        b.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pb, 0, w);
        return Pixels.meanAbsDiff(pa, pb);
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** Clearly coloured pixels (saturated, not dark), counted by hue in six 60° sectors. */
    record Colourful(int total, List<Integer> hues) {
        static final int SECTORS = 6;

        static Colourful count(Image image) {
            PixelReader px = image.getPixelReader();
            int[] hues = new int[SECTORS];
            int total = 0;
            for (int y = 0; y < (int) image.getHeight(); y++) {
                for (int x = 0; x < (int) image.getWidth(); x++) {
                    Color c = px.getColor(x, y);
                    if (c.getSaturation() < 0.25 || c.getBrightness() < 0.3) {
                        continue;
                    }
                    total++;
                    hues[(int) (c.getHue() / 60) % SECTORS]++;
                }
            }
            return new Colourful(total, Arrays.stream(hues).boxed().toList());
        }
    }
}
