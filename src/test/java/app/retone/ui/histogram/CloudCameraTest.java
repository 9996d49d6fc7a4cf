package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point3D;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;
import org.junit.jupiter.api.Test;

/**
 * The camera both renderers follow, without a toolkit: its rotations are JavaFX's, its chain is
 * the 3D scene's (world tilt, FXyz3D's rig turned by yaw then pitch, the camera pulled back), its
 * projection is a perspective camera's with the field of view across the shorter side, and the
 * mouse turns and zooms it as the view always did. (That the 3D scene itself projects the same is
 * checked on a stage, in {@code HistogramViewTest}.)
 */
class CloudCameraTest {

    private static final CubeSpace SPACE = new CubeSpace(CloudCamera.CUBE_SIDE);

    @Test
    void itsRotationsAreJavaFxs() {
        double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {-1, 0, -1}, {0.3, -0.8, 0.5}};
        Point3D p = new Point3D(12, -34, 56);
        for (double[] axis : axes) {
            for (double angle : new double[] {-75, -20, 0, 33, 54.7356, 180}) {
                Point3D expected = new Rotate(angle, new Point3D(axis[0], axis[1], axis[2])).transform(p);
                double[] m = CloudCamera.rotation(axis, angle);
                assertEquals(expected.getX(), m[0] * p.getX() + m[1] * p.getY() + m[2] * p.getZ(), 1e-9);
                assertEquals(expected.getY(), m[3] * p.getX() + m[4] * p.getY() + m[5] * p.getZ(), 1e-9);
                assertEquals(expected.getZ(), m[6] * p.getX() + m[7] * p.getY() + m[8] * p.getZ(), 1e-9);
            }
        }
    }

    @Test
    void aPointInCameraSpaceIsWhereJavaFxsTransformsOfTheSceneTakeIt() {
        CloudCamera camera = new CloudCamera();
        camera.drag(37, -12);
        camera.scroll(55);
        CloudCamera.Projection view = camera.projection(400, 300);
        // the scene's chain: world tilted; camera = rig (yaw about y, then pitch about x) with the eye pulled back
        Transform world = new Rotate(CloudCamera.GREY_AXIS_TILT, new Point3D(-1, 0, -1));
        Transform eyeToScene = new Rotate(camera.yaw(), Rotate.Y_AXIS).createConcatenation(new Rotate(camera.pitch(), Rotate.X_AXIS))
                .createConcatenation(new Translate(0, 0, -camera.distance()));
        for (double[] rgb : new double[][] {{0, 0, 0}, {1, 1, 1}, {1, 0, 0}, {0.2, 0.7, 0.4}}) {
            Point3D inScene = world.transform(SPACE.at(rgb[0], rgb[1], rgb[2]));
            Point3D inEye;
            try {
                inEye = eyeToScene.inverseTransform(inScene);
            } catch (javafx.scene.transform.NonInvertibleTransformException e) {
                throw new AssertionError(e);
            }
            double x = SPACE.x((float) rgb[0]);
            double y = SPACE.y((float) rgb[1]);
            double z = SPACE.z((float) rgb[2]);
            assertEquals(inEye.getZ(), view.depth(x, y, z), 1e-3, "depth");
            assertEquals(200 + view.focal() * inEye.getX() / inEye.getZ(), view.screenX(x, y, z), 1e-3);
            assertEquals(150 + view.focal() * inEye.getY() / inEye.getZ(), view.screenY(x, y, z), 1e-3);
        }
    }

    @Test
    void theFieldOfViewSpansThePanelsShorterSide() {
        double halfTan = Math.tan(Math.toRadians(CloudCamera.FIELD_OF_VIEW / 2));
        assertEquals(150 / halfTan, new CloudCamera().projection(400, 300).focal(), 1e-9);
        assertEquals(100 / halfTan, new CloudCamera().projection(200, 500).focal(), 1e-9);
        assertTrue(CloudCamera.verticalFieldOfView(400, 300));
        assertTrue(!CloudCamera.verticalFieldOfView(200, 500));
    }

    @Test
    void theCubesCentreIsThePanelsAndTheGreyAxisStandsUpright() {
        for (double[] angles : new double[][] {{-60, -20}, {0, 0}, {100, 45}, {-170, -80}}) {
            CloudCamera camera = new CloudCamera();
            camera.drag((angles[0] - camera.yaw()) / CloudCamera.DEGREES_PER_PIXEL,
                    -(angles[1] - camera.pitch()) / CloudCamera.DEGREES_PER_PIXEL);
            assertEquals(angles[0], camera.yaw(), 1e-9);
            assertEquals(angles[1], camera.pitch(), 1e-9);
            CloudCamera.Projection view = camera.projection(480, 400);
            assertEquals(240, view.screenX(0, 0, 0), 1e-9, "the cube's centre is the panel's");
            assertEquals(200, view.screenY(0, 0, 0), 1e-9);
            assertEquals(camera.distance(), view.depth(0, 0, 0), 1e-9);
            // black and white lie on the turning axis: straight below and above the centre, whatever the yaw
            double[] black = {SPACE.x(0), SPACE.y(0), SPACE.z(0)};
            double[] white = {SPACE.x(1), SPACE.y(1), SPACE.z(1)};
            assertEquals(240, view.screenX(black[0], black[1], black[2]), 1e-9);
            assertEquals(240, view.screenX(white[0], white[1], white[2]), 1e-9);
            if (angles[1] > -80) {
                assertTrue(view.screenY(white[0], white[1], white[2]) < 200, "white above the centre");
                assertTrue(view.screenY(black[0], black[1], black[2]) > 200, "black below");
            }
        }
    }

    @Test
    void theFirstViewShowsRedRightBlueLeftAndGreenAtTheBack() {
        CloudCamera.Projection view = new CloudCamera().projection(480, 400);
        double[] red = {SPACE.x(1), SPACE.y(0), SPACE.z(0)};
        double[] green = {SPACE.x(0), SPACE.y(1), SPACE.z(0)};
        double[] blue = {SPACE.x(0), SPACE.y(0), SPACE.z(1)};
        assertTrue(view.screenX(red[0], red[1], red[2]) > 240, "red to the right");
        assertTrue(view.screenX(blue[0], blue[1], blue[2]) < 240, "blue to the left");
        assertTrue(view.depth(green[0], green[1], green[2]) > view.depth(red[0], red[1], red[2]), "green behind red");
        assertTrue(view.depth(green[0], green[1], green[2]) > view.depth(blue[0], blue[1], blue[2]), "and behind blue");
    }

    @Test
    void dragTurnsScrollZoomsWithinItsLimitsAndResetGoesBack() {
        CloudCamera camera = new CloudCamera();
        assertEquals(CloudCamera.DEFAULT_YAW, camera.yaw());
        assertEquals(CloudCamera.DEFAULT_PITCH, camera.pitch());
        assertEquals(1, camera.zoom());

        camera.drag(50, 0);
        assertEquals(CloudCamera.DEFAULT_YAW + 50 * CloudCamera.DEGREES_PER_PIXEL, camera.yaw(), 1e-9, "right turns right");
        camera.drag(0, 25);
        assertEquals(CloudCamera.DEFAULT_PITCH - 25 * CloudCamera.DEGREES_PER_PIXEL, camera.pitch(), 1e-9,
                "down tips the top toward the viewer");
        camera.drag(0, 10_000);
        assertEquals(-CloudCamera.MAX_PITCH, camera.pitch(), "never over the top");
        camera.drag(0, -20_000);
        assertEquals(CloudCamera.MAX_PITCH, camera.pitch());

        camera.scroll(80);
        double zoomed = camera.zoom();
        assertTrue(zoomed > 1, "up zooms in");
        assertEquals(CloudCamera.BASE_DISTANCE / zoomed, camera.distance(), 1e-9);
        camera.scroll(-80);
        assertEquals(1, camera.zoom(), 1e-12, "the same scroll back undoes it");
        camera.scroll(100_000);
        assertEquals(CloudCamera.MAX_ZOOM, camera.zoom());
        camera.scroll(-100_000);
        assertEquals(CloudCamera.MIN_ZOOM, camera.zoom());

        camera.reset();
        assertEquals(CloudCamera.DEFAULT_YAW, camera.yaw());
        assertEquals(CloudCamera.DEFAULT_PITCH, camera.pitch());
        assertEquals(1, camera.zoom());
    }

    @Test
    void zoomingInMakesTheCubeLarger() {
        CloudCamera camera = new CloudCamera();
        double before = spanOfTheRedAxis(camera.projection(480, 400));
        camera.scroll(120);
        assertTrue(spanOfTheRedAxis(camera.projection(480, 400)) > 1.5 * before);
    }

    private static double spanOfTheRedAxis(CloudCamera.Projection view) {
        double dx = view.screenX(SPACE.x(1), SPACE.y(0), SPACE.z(0)) - view.screenX(SPACE.x(0), SPACE.y(0), SPACE.z(0));
        double dy = view.screenY(SPACE.x(1), SPACE.y(0), SPACE.z(0)) - view.screenY(SPACE.x(0), SPACE.y(0), SPACE.z(0));
        return Math.hypot(dx, dy);
    }
}
