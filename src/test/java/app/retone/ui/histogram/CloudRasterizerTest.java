package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import org.junit.jupiter.api.Test;

/**
 * The software renderer's picture, without a toolkit: points land where the camera's projection
 * puts them, as large as the cloud's size rule says, in their bin's colour; nearer things hide
 * farther ones whatever the order they are drawn in; the frame's corners and axes are where and
 * what they should be.
 */
class CloudRasterizerTest {

    private static final int W = 480;
    private static final int H = 400;
    private static final CubeSpace SPACE = new CubeSpace(CloudCamera.CUBE_SIDE);
    private static final int BACKGROUND = HistogramBackground.ARGB;

    private final CloudRasterizer rasterizer = new CloudRasterizer();

    @Test
    void aPointLandsWhereTheProjectionPutsItInItsBinColourAndSize() {
        CloudCamera camera = new CloudCamera();
        CloudCamera.Projection view = camera.projection(W, H);
        int[] frameOnly = rasterizer.render(HistogramCloud.empty(), view, W, H).clone();
        for (int[] bin : new int[][] {{25, 12, 6}, {6, 20, 28}, {10, 26, 8}, {16, 16, 16}}) {
            HistogramCloud cloud = HistogramCloud.of(singleBin(bin[0], bin[1], bin[2]));
            int[] shot = rasterizer.render(cloud, view, W, H);
            HistogramCloud.Point p = cloud.point(0);
            double x = SPACE.x(p.x());
            double y = SPACE.y(p.y());
            double z = SPACE.z(p.z());
            int cx = (int) Math.floor(view.screenX(x, y, z));
            int cy = (int) Math.floor(view.screenY(x, y, z));
            assertTrue(channelError(shot[cy * W + cx], p.argb()) <= 1,
                    String.format("bin %s at (%d, %d): %06x drawn, %06x wanted", java.util.Arrays.toString(bin), cx, cy,
                            shot[cy * W + cx] & 0xFFFFFF, p.argb() & 0xFFFFFF));
            // its disc: the pixels the point changed, as many as a circle of its projected radius covers
            double radius = p.radius() * CloudRasterizer.DISC_PER_RADIUS * CloudCamera.CUBE_SIDE
                    * view.pixelsPerUnit(view.depth(x, y, z));
            int changed = 0;
            for (int i = 0; i < shot.length; i++) {
                if (shot[i] != frameOnly[i]) {
                    changed++;
                    int px = i % W;
                    int py = i / W;
                    double d = Math.hypot(px + 0.5 - view.screenX(x, y, z), py + 0.5 - view.screenY(x, y, z));
                    assertTrue(d < radius + 1, "a pixel changed " + d + " px from the centre of a point of radius " + radius);
                }
            }
            double area = Math.PI * radius * radius;
            assertTrue(changed > 0.7 * area && changed < 1.6 * area + 4,
                    changed + " pixels for a disc of radius " + radius + " (area " + area + ")");
        }
    }

    @Test
    void theLargestPointIsAsLargeAsTheSizeRuleSays() {
        HistogramCloud cloud = HistogramCloud.of(singleBin(20, 12, 16));
        assertEquals(HistogramCloud.MAX_RADIUS, cloud.radius(0), 1e-6, "alone, the point has the largest size");
        CloudCamera camera = new CloudCamera();
        camera.scroll(250); // zoomed in, so the disc is large enough to measure
        CloudCamera.Projection view = camera.projection(W, H);
        int[] frameOnly = rasterizer.render(HistogramCloud.empty(), view, W, H).clone();
        int[] shot = rasterizer.render(cloud, view, W, H);
        HistogramCloud.Point p = cloud.point(0);
        double x = SPACE.x(p.x());
        double y = SPACE.y(p.y());
        double z = SPACE.z(p.z());
        double expected = HistogramCloud.MAX_RADIUS * CloudRasterizer.DISC_PER_RADIUS * CloudCamera.CUBE_SIDE
                * view.pixelsPerUnit(view.depth(x, y, z));
        int row = (int) Math.floor(view.screenY(x, y, z));
        int wide = 0;
        for (int px = 0; px < W; px++) {
            if (shot[row * W + px] != frameOnly[row * W + px]) {
                wide++;
            }
        }
        assertTrue(expected > 8, "a disc large enough to measure: radius " + expected);
        assertEquals(2 * expected + 1, wide, 2, "the disc's width across its middle (and its smoothed rim)");
    }

    @Test
    void theNearerPointHidesTheFartherWhateverTheOrderTheyAreDrawnIn() {
        // looking straight down the blue axis: bins of one red and green, blue 0 (far) and 31 (near), overlap on screen
        CloudCamera.Projection alongBlue = new CloudCamera.Projection(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                CloudCamera.BASE_DISTANCE, 800, W / 2.0, H / 2.0);
        Histogram3D far = singleBin(16, 16, 0);
        Histogram3D near = singleBin(16, 16, 31);
        // the same near point, small: most of its histogram's mass is in a bin elsewhere
        float[] masses = new float[near.cells()];
        masses[Histogram3D.index(near.bins(), 16, 16, 31)] = 0.02f;
        masses[Histogram3D.index(near.bins(), 2, 2, 2)] = 0.98f;
        Histogram3D smallNear = Histogram3D.ofMasses(near.bins(), masses);
        HistogramCloud.Point nearPoint = HistogramCloud.of(near).point(0);
        int cx = (int) Math.floor(alongBlue.screenX(SPACE.x(nearPoint.x()), SPACE.y(nearPoint.y()), SPACE.z(nearPoint.z())));
        int cy = (int) Math.floor(alongBlue.screenY(SPACE.x(nearPoint.x()), SPACE.y(nearPoint.y()), SPACE.z(nearPoint.z())));

        // one cloud: the far point is drawn first (its bin comes first), the near one after it
        HistogramCloud both = HistogramCloud.of(merged(far, near));
        assertEquals(HistogramCloud.of(far).point(0).argb(), both.argb(0), "the far point is drawn first");
        int[] shot = rasterizer.render(both, alongBlue, W, H);
        assertTrue(channelError(shot[cy * W + cx], nearPoint.argb()) <= 1, "near on top when drawn last");
        // an overlay draws its grey points first: the near one grey, the far one coloured and drawn after it
        HistogramCloud greyNear = HistogramCloud.overlay(smallNear, far);
        int farColour = greyNear.argb(2);
        assertEquals(HistogramCloud.of(far).argb(0), farColour);
        int[] overlay = rasterizer.render(greyNear, alongBlue, W, H);
        assertTrue(channelError(overlay[cy * W + cx], HistogramCloud.REFERENCE_GREY) <= 4, // lit as a sphere: grey, a shade off
                String.format("the near grey point shows: %06x", overlay[cy * W + cx] & 0xFFFFFF));
        int farShows = 0;
        for (int pixel : overlay) {
            if (channelError(pixel, farColour) <= 12) { // lit or a little shaded
                farShows++;
            }
        }
        assertTrue(farShows > 0, "the far point shows where the near one does not cover it");
    }

    @Test
    void inAnOverlayTheColouredPointCoversTheGreyOneOfItsBin() {
        Histogram3D h = singleBin(24, 10, 18);
        HistogramCloud cloud = HistogramCloud.overlay(h, h);
        CloudCamera.Projection view = new CloudCamera().projection(W, H);
        int[] shot = rasterizer.render(cloud, view, W, H);
        HistogramCloud.Point p = cloud.point(1);
        int cx = (int) Math.floor(view.screenX(SPACE.x(p.x()), SPACE.y(p.y()), SPACE.z(p.z())));
        int cy = (int) Math.floor(view.screenY(SPACE.x(p.x()), SPACE.y(p.y()), SPACE.z(p.z())));
        assertTrue(channelError(shot[cy * W + cx], p.argb()) <= 1);
        int grey = 0;
        for (int pixel : shot) {
            if (channelError(pixel, HistogramCloud.REFERENCE_GREY) <= 8) {
                grey++;
            }
        }
        assertEquals(0, grey, "no grey shows around a coloured point of the same mass");
    }

    @Test
    void thePointsMiddleIsItsColourAndItsRimDarker() {
        HistogramCloud cloud = HistogramCloud.of(singleBin(20, 14, 12));
        CloudCamera camera = new CloudCamera();
        camera.scroll(250);
        CloudCamera.Projection view = camera.projection(W, H);
        int[] shot = rasterizer.render(cloud, view, W, H);
        HistogramCloud.Point p = cloud.point(0);
        double x = SPACE.x(p.x());
        double y = SPACE.y(p.y());
        double z = SPACE.z(p.z());
        double sx = view.screenX(x, y, z);
        double sy = view.screenY(x, y, z);
        double r = p.radius() * CloudRasterizer.DISC_PER_RADIUS * CloudCamera.CUBE_SIDE * view.pixelsPerUnit(view.depth(x, y, z));
        int middle = shot[(int) sy * W + (int) sx];
        int rim = shot[(int) sy * W + (int) (sx + r - 1.5)];
        assertTrue(channelError(middle, p.argb()) <= 1);
        assertTrue(Pixels.r(rim) < Pixels.r(middle) - 10, "the rim is shaded: " + Integer.toHexString(rim));
        double least = CloudCamera.AMBIENT_LIGHT * Pixels.r(p.argb());
        assertTrue(Pixels.r(rim) >= least - 2, "but never below the ambient light's share");
    }

    @Test
    void theFramesCornersAndAxesAreWhereAndWhatTheyShouldBe() {
        CloudCamera.Projection view = new CloudCamera().projection(W, H);
        int[] shot = rasterizer.render(HistogramCloud.empty(), view, W, H);
        // the end of each axis is its primary, its middle half as bright; the corner white meets grey edges
        int[][] primaries = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int axis = 0; axis < 3; axis++) {
            int[] end = primaries[axis];
            int atEnd = near(shot, view, end[0] * 0.97, end[1] * 0.97, end[2] * 0.97);
            int atMiddle = near(shot, view, end[0] * 0.5, end[1] * 0.5, end[2] * 0.5);
            int channel = 16 - 8 * axis;
            assertTrue((atEnd >> channel & 0xFF) > 200, "axis " + axis + " ends in its primary: " + Integer.toHexString(atEnd));
            assertTrue((atMiddle >> channel & 0xFF) > 90 && (atMiddle >> channel & 0xFF) < 170,
                    "and is half as bright halfway: " + Integer.toHexString(atMiddle));
            for (int other = 0; other < 3; other++) {
                if (other != axis) {
                    assertTrue((atEnd >> (16 - 8 * other) & 0xFF) < 0x40, "only its primary: " + Integer.toHexString(atEnd));
                }
            }
        }
        // every corner but black lies on grey edges; a grey edge's middle is the edge grey, faint as the bar is thin
        int greyMiddle = near(shot, view, 1, 1, 0.5);
        assertTrue(Pixels.r(greyMiddle) == Pixels.g(greyMiddle) && Pixels.g(greyMiddle) == Pixels.b(greyMiddle)
                && Pixels.r(greyMiddle) > 0x1E && Pixels.r(greyMiddle) <= 0x5C, Integer.toHexString(greyMiddle));
        for (int corner = 1; corner < 8; corner++) {
            int c = near(shot, view, corner & 1, corner >> 1 & 1, corner >> 2 & 1);
            assertTrue(c != BACKGROUND, "corner " + corner + " is drawn");
        }
        // and far from the cube, nothing
        assertEquals(BACKGROUND, shot[5 * W + 5]);
        assertEquals(BACKGROUND, shot[(H - 5) * W + W - 5]);
    }

    @Test
    void aColourPhotosCloudCoversMoreOfThePanelThanItsGreyCopy() {
        int[] photo = SyntheticPhoto.landscape(320, 240, 4).argb();
        CloudCamera.Projection view = new CloudCamera().projection(W, H);
        int coloured = colourful(rasterizer.render(HistogramCloud.of(Histogram3D.of(photo)), view, W, H));
        int grey = colourful(rasterizer.render(HistogramCloud.of(Histogram3D.of(Pixels.toGrey(photo))), view, W, H));
        assertTrue(coloured > grey + W * H / 100, coloured + " coloured pixels vs " + grey + " for the grey copy");
    }

    @Test
    void pointsBehindTheEyeAreNotDrawn() {
        // the eye at the cube's centre, looking toward black's blue: the point of blue 31 is behind it
        CloudCamera.Projection inside = new CloudCamera.Projection(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 0, 800, W / 2.0,
                H / 2.0);
        HistogramCloud cloud = HistogramCloud.of(singleBin(16, 16, 31));
        int[] shot = rasterizer.render(cloud, inside, W, H);
        for (int pixel : shot) {
            assertTrue(channelError(pixel, cloud.argb(0)) > 8, "nothing of the point wraps round");
        }
        assertEquals(BACKGROUND, shot[H / 2 * W + W / 2]);
    }

    /** The pixel nearest the projection of a unit-cube point. */
    private static int near(int[] shot, CloudCamera.Projection view, double r, double g, double b) {
        double x = SPACE.x((float) r);
        double y = SPACE.y((float) g);
        double z = SPACE.z((float) b);
        int px = (int) Math.floor(view.screenX(x, y, z));
        int py = (int) Math.floor(view.screenY(x, y, z));
        return shot[py * W + px];
    }

    private static int colourful(int[] shot) {
        int n = 0;
        for (int p : shot) {
            int max = Math.max(Pixels.r(p), Math.max(Pixels.g(p), Pixels.b(p)));
            int min = Math.min(Pixels.r(p), Math.min(Pixels.g(p), Pixels.b(p)));
            if (max - min >= 30) {
                n++;
            }
        }
        return n;
    }

    private static int channelError(int a, int b) {
        return Math.max(Math.abs(Pixels.r(a) - Pixels.r(b)),
                Math.max(Math.abs(Pixels.g(a) - Pixels.g(b)), Math.abs(Pixels.b(a) - Pixels.b(b))));
    }

    static Histogram3D singleBin(int r, int g, int b) {
        int bins = Histogram3D.DEFAULT_BINS;
        float[] masses = new float[bins * bins * bins];
        masses[Histogram3D.index(bins, r, g, b)] = 1;
        return Histogram3D.ofMasses(bins, masses);
    }

    private static Histogram3D merged(Histogram3D a, Histogram3D b) {
        float[] masses = new float[a.cells()];
        for (int i = 0; i < masses.length; i++) {
            masses[i] = (float) (a.mass(i) + b.mass(i));
        }
        return Histogram3D.ofMasses(a.bins(), masses);
    }
}
