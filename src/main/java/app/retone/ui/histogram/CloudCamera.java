package app.retone.ui.histogram;

/**
 * Where the histogram cloud is seen from, and how that turns into pixels: the one home of the
 * view's angles, zoom and projection, shared by both ways of drawing it ({@link CloudScene3D}
 * sets JavaFX's camera from it, {@link CloudRasterizer} projects with it, {@link HistogramView}
 * places the axis labels with it), so both draw the same picture and turn the same way under
 * the mouse.
 *
 * <p>The cube stands on its black corner with white straight above (the world is tilted by
 * {@link #GREY_AXIS_TILT} about (−1, 0, −1)); the camera orbits it on a rig turned by the yaw
 * about the vertical axis, then by the pitch about the horizontal one, at
 * {@link #BASE_DISTANCE} / zoom from the centre, looking at it through a
 * {@link #FIELD_OF_VIEW}° field of view that applies to the panel's shorter side. This is
 * exactly JavaFX's chain for that scene (FXyz3D's camera rig: yaw, then pitch, then the
 * camera's own translation; a {@code PerspectiveCamera} with its eye at its origin), written
 * out so the software renderer needs no 3D pipeline; {@code CloudCameraTest} checks it
 * against JavaFX's transforms, and against the 3D scene's own projection where there is one.
 *
 * <p>Not thread-safe: the FX thread's. A {@link Projection} is an immutable snapshot.
 */
public final class CloudCamera {

    public static final double DEFAULT_YAW = -60;
    public static final double DEFAULT_PITCH = -20;
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 4;
    /** Scene units of the cube's side (the points' and the frame's scene, {@link CubeSpace}). */
    public static final float CUBE_SIDE = 100;
    /** Camera distance at zoom 1: the cube's bounding sphere and its labels fit the field of view. */
    static final double BASE_DISTANCE = 3.8 * CUBE_SIDE;
    /** Degrees, across the panel's shorter side. */
    static final double FIELD_OF_VIEW = 30;
    static final double NEAR_CLIP = 1;
    static final double FAR_CLIP = 20 * CUBE_SIDE;
    static final double DEGREES_PER_PIXEL = 0.4;
    static final double ZOOM_PER_SCROLL_PIXEL = 0.004;
    static final double MAX_PITCH = 89;
    /**
     * Stands the cube on its black corner with white straight above it, so lightness reads
     * bottom to top and turning the view (yaw) walks round the hues. The grey diagonal is
     * (1, −1, −1) in scene axes (see {@link CubeSpace}); this turns it onto up, (0, −1, 0).
     */
    static final double GREY_AXIS_TILT = Math.toDegrees(Math.acos(1 / Math.sqrt(3)));
    /** The axis of {@link #GREY_AXIS_TILT}, in scene axes. */
    static final double[] TILT_AXIS = {-1, 0, -1};
    /**
     * How the points are lit: this share of their colour everywhere, the rest from a light at the
     * eye, by how squarely a surface faces it; the two add up to 1, so the middle of a point,
     * facing the viewer, shows exactly its bin colour and its sides darken, which shows its shape.
     */
    static final double AMBIENT_LIGHT = 0.6;
    static final double HEADLIGHT = 1 - AMBIENT_LIGHT;

    private double yaw = DEFAULT_YAW;
    private double pitch = DEFAULT_PITCH;
    private double zoom = 1;

    /** Turn about the vertical grey axis (black to white), in degrees: walks round the hues. */
    public double yaw() {
        return yaw;
    }

    /** Tilt about the horizontal axis, in degrees (negative looks down on the cube from above). */
    public double pitch() {
        return pitch;
    }

    /** Magnification, 1 for the first view, within [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
    public double zoom() {
        return zoom;
    }

    /** The camera's distance from the cube's centre, in scene units. */
    public double distance() {
        return BASE_DISTANCE / zoom;
    }

    /** A drag by (dx, dy) pixels: right turns the cube right, down tips its top toward the viewer. */
    public void drag(double dx, double dy) {
        yaw += dx * DEGREES_PER_PIXEL;
        pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch - dy * DEGREES_PER_PIXEL));
    }

    /** A scroll of {@code deltaY} pixels: up (positive) zooms in, within the limits. */
    public void scroll(double deltaY) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * Math.exp(deltaY * ZOOM_PER_SCROLL_PIXEL)));
    }

    /** Back to the first view: the default angles at zoom 1. */
    public void reset() {
        yaw = DEFAULT_YAW;
        pitch = DEFAULT_PITCH;
        zoom = 1;
    }

    /** Whether the field of view is the vertical one: it applies to the shorter side, so the cube fits any panel. */
    static boolean verticalFieldOfView(double width, double height) {
        return height <= width;
    }

    /** The view now, for a panel of {@code width} × {@code height} (pixels of any one scale). */
    public Projection projection(double width, double height) {
        double[] tilt = rotation(TILT_AXIS, GREY_AXIS_TILT);
        double[] turn = multiply(rotation(new double[] {1, 0, 0}, -pitch), rotation(new double[] {0, 1, 0}, -yaw));
        double focal = Math.min(width, height) / 2 / Math.tan(Math.toRadians(FIELD_OF_VIEW / 2));
        return new Projection(multiply(turn, tilt), distance(), focal, width / 2, height / 2);
    }

    /**
     * The view from scene coordinates ({@link CubeSpace}) to the panel: camera space first (x right,
     * y down, z away from the eye, in scene units), then pixels.
     *
     * @param rotation row-major 3 × 3: the world's tilt, then the rig's turn undone
     * @param distance the camera's distance from the centre, scene units
     * @param focal    pixels per scene unit at a depth of one scene unit
     */
    public record Projection(double[] rotation, double distance, double focal, double centreX, double centreY) {

        /** Depth of a scene point in front of the eye, in scene units. */
        public double depth(double x, double y, double z) {
            double[] m = rotation;
            return m[6] * x + m[7] * y + m[8] * z + distance;
        }

        /** The panel's x of a scene point. */
        public double screenX(double x, double y, double z) {
            double[] m = rotation;
            return centreX + focal * (m[0] * x + m[1] * y + m[2] * z) / depth(x, y, z);
        }

        /** The panel's y of a scene point (down). */
        public double screenY(double x, double y, double z) {
            double[] m = rotation;
            return centreY + focal * (m[3] * x + m[4] * y + m[5] * z) / depth(x, y, z);
        }

        /** Pixels per scene unit at {@code depth}: how large a point's radius shows there. */
        public double pixelsPerUnit(double depth) {
            return focal / depth;
        }
    }

    /** JavaFX's {@code Rotate} of {@code degrees} about {@code axis}, as a row-major 3 × 3 matrix. */
    static double[] rotation(double[] axis, double degrees) {
        double length = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        double x = axis[0] / length;
        double y = axis[1] / length;
        double z = axis[2] / length;
        double a = Math.toRadians(degrees);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double t = 1 - c;
        return new double[] {
            c + x * x * t, x * y * t - z * s, x * z * t + y * s,
            y * x * t + z * s, c + y * y * t, y * z * t - x * s,
            z * x * t - y * s, z * y * t + x * s, c + z * z * t,
        };
    }

    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
            }
        }
        return out;
    }
}
