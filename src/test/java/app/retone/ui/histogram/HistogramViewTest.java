package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SubScene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The panel drawn by JavaFX's 3D scene (Mesa's OpenGL under Xvfb, forced as the build's default
 * execution does), and that the software renderer draws the same picture: the camera's
 * projection is the scene's own, and single points land on the same pixels in both.
 */
class HistogramViewTest extends HistogramViewContract {

    @Start
    void start(Stage stage) {
        showView(stage);
    }

    @Override
    HistogramRenderer renderer() {
        return HistogramRenderer.SCENE_3D;
    }

    @Override
    String drawingId() {
        return "histogram-scene";
    }

    @Test
    void theCamerasProjectionIsTheScenesOwn(FxRobot robot) throws Exception {
        SubScene scene = robot.lookup("#histogram-scene").queryAs(SubScene.class);
        Node world = ((Group) scene.getRoot()).getChildrenUnmodifiable().get(0);
        CubeSpace space = new CubeSpace(CloudCamera.CUBE_SIDE);
        double[][] views = {{0, 0, 0}, {140, -60, 0}, {-300, 90, 120}, {20, 200, -150}};
        for (double[] change : views) {
            robot.interact(() -> {
                view.camera().drag(change[0], change[1]);
                view.camera().scroll(change[2]);
                view.viewChanged();
            });
            WaitForAsyncUtils.waitForFxEvents();
            double[] worst = new double[1];
            WaitForAsyncUtils.asyncFx(() -> {
                CloudCamera.Projection projection = view.camera().projection(view.getWidth(), view.getHeight());
                for (int corner = 0; corner < 8; corner++) {
                    Point3D p = space.at(corner & 1, corner >> 1 & 1, corner >> 2 & 1);
                    Point3D inScene = world.localToScene(p, true);
                    Point2D inView = view.sceneToLocal(inScene.getX(), inScene.getY());
                    worst[0] = Math.max(worst[0], Math.max(
                            Math.abs(inView.getX() - projection.screenX(p.getX(), p.getY(), p.getZ())),
                            Math.abs(inView.getY() - projection.screenY(p.getX(), p.getY(), p.getZ()))));
                }
            }).get(10, TimeUnit.SECONDS);
            assertTrue(worst[0] < 1e-3, "the cube's corners project " + worst[0] + " px apart at yaw " + view.yaw()
                    + ", pitch " + view.pitch() + ", zoom " + view.zoom());
        }
    }

    @Test
    void theSoftwareRendererPutsEachPointOnTheSamePixels(FxRobot robot) throws Exception {
        HistogramView software = WaitForAsyncUtils.asyncFx(() -> {
            HistogramView other = new HistogramView(HistogramRenderer.SOFTWARE);
            Stage second = new Stage();
            second.setScene(new Scene(new StackPane(other), 600, 500));
            second.show();
            second.setX(stage.getX() + 620);
            return other;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(view.getWidth(), software.getWidth());
        assertEquals(view.getHeight(), software.getHeight());
        int[][] bins = {{25, 12, 6}, {6, 20, 28}, {10, 26, 8}, {28, 28, 4}};
        double[][] turns = {{0, 0}, {150, 40}};
        for (double[] turn : turns) {
            robot.interact(() -> {
                for (HistogramView v : new HistogramView[] {view, software}) {
                    v.camera().drag(turn[0], turn[1]);
                    v.viewChanged();
                }
            });
            // the frame and the labels alone (a black point hidden in the black corner): what is not the point
            Histogram3D black = singleBin(0, 0, 0);
            robot.interact(() -> {
                view.show(HistogramPoints.of(black, null));
                software.show(HistogramPoints.cloudOnly(black, null));
            });
            Image sceneFrame = snapshot();
            Image softwareFrame = snapshotOf(software);
            for (int[] bin : bins) {
                Histogram3D h = singleBin(bin[0], bin[1], bin[2]);
                int colour = HistogramCloud.of(h).argb(0);
                robot.interact(() -> {
                    view.show(HistogramPoints.of(h, null));
                    software.show(HistogramPoints.cloudOnly(h, null));
                });
                double[] expected = WaitForAsyncUtils.asyncFx(() -> {
                    CloudCamera.Projection projection = view.camera().projection(view.getWidth(), view.getHeight());
                    HistogramCloud.Point p = HistogramCloud.of(h).point(0);
                    CubeSpace space = new CubeSpace(CloudCamera.CUBE_SIDE);
                    return new double[] {projection.screenX(space.x(p.x()), space.y(p.y()), space.z(p.z())),
                            projection.screenY(space.x(p.x()), space.y(p.y()), space.z(p.z()))};
                }).get(10, TimeUnit.SECONDS);
                double[] inScene = centreOf(snapshot(), sceneFrame, colour, expected);
                double[] inSoftware = centreOf(snapshotOf(software), softwareFrame, colour, expected);
                String where = String.format("bin (%d, %d, %d) after a turn of %s: 3D at (%.1f, %.1f), software at (%.1f, %.1f)",
                        bin[0], bin[1], bin[2], java.util.Arrays.toString(turn), inScene[0], inScene[1], inSoftware[0],
                        inSoftware[1]);
                assertTrue(inScene[2] > 4 && inSoftware[2] > 4, "both draw the point: " + where);
                assertTrue(Math.hypot(inScene[0] - inSoftware[0], inScene[1] - inSoftware[1]) < 1.0, where);
                assertTrue(Math.hypot(inScene[0] - expected[0], inScene[1] - expected[1]) < 1.0, "where the camera says, "
                        + String.format("(%.1f, %.1f): ", expected[0], expected[1]) + where);
                assertEquals(inScene[3], inSoftware[3], Math.max(6, 0.35 * inScene[3]),
                        "covering about as many pixels: " + where);
            }
        }
        Image software3d = snapshotOf(software);
        save(software3d, "histogram-view-software-beside-3d.png");
        WaitForAsyncUtils.asyncFx(() -> software.getScene().getWindow().hide()).get(10, TimeUnit.SECONDS);
    }

    private static Image snapshotOf(Node node) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<Image> shot = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> shot.complete(node.snapshot(null, null)));
        return shot.get(10, TimeUnit.SECONDS);
    }

    /**
     * The centre and count of the pixels that differ from {@code without} and lie within 40 levels
     * of {@code argb} and 20 px of {@code near}: where a point of that colour is drawn; and the count
     * of all pixels it changed there, shaded sides and smoothed rim included: how large it shows.
     */
    private static double[] centreOf(Image image, Image without, int argb, double[] near) {
        PixelReader px = image.getPixelReader();
        PixelReader frame = without.getPixelReader();
        double sx = 0;
        double sy = 0;
        int n = 0;
        int changed = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int p = px.getArgb(x, y);
                if (p == frame.getArgb(x, y) || Math.hypot(x + 0.5 - near[0], y + 0.5 - near[1]) >= 20) {
                    continue;
                }
                changed++;
                int error = Math.max(Math.abs((p >> 16 & 0xFF) - (argb >> 16 & 0xFF)),
                        Math.max(Math.abs((p >> 8 & 0xFF) - (argb >> 8 & 0xFF)), Math.abs((p & 0xFF) - (argb & 0xFF))));
                if (error <= 40) { // its middle and lit sides
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
        }
        return new double[] {sx / n, sy / n, n, changed};
    }
}
