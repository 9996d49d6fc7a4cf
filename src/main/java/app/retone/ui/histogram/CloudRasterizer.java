package app.retone.ui.histogram;

import java.util.Arrays;

/**
 * The histogram cloud drawn in software: the picture the 3D scene shows, computed pixel by pixel
 * into an ARGB raster, for displays where JavaFX has no 3D pipeline ({@link CloudCanvas}). Plain
 * Java, no JavaFX: testable without a toolkit.
 *
 * <p>Everything is projected by {@link CloudCamera.Projection}, the math the 3D scene's camera
 * follows, and hidden by a depth buffer:
 * <ul>
 *   <li>each point is a small sphere at its bin centre, drawn as a disc in its bin's colour, as
 *       large on screen as the 3D scene's octahedron of its {@link HistogramCloud} radius
 *       ({@link #DISC_PER_RADIUS}), lit as the 3D scene lights its points (60 % ambient, 40 %
 *       from a light at the eye: {@link CloudCamera#AMBIENT_LIGHT}, {@link CloudCamera#HEADLIGHT}),
 *       so its middle shows the bin colour exactly and its rim darkens; each pixel's depth is the
 *       sphere's front there, so points, and points and edges, hide each other as solids do;</li>
 *   <li>the cube's twelve edges ({@link CubeEdges}) are bars of their width, the three axes from
 *       black to their primary (the gradient interpolated in perspective, as a texture is);</li>
 *   <li>edges are smoothed over one pixel (coverage blended over what lies behind), and a bar
 *       thinner than a pixel is as faint as the share of the pixel it covers; a pixel covered less
 *       than half keeps the depth behind it.</li>
 * </ul>
 * The overlay's grey reference points are drawn like any other: being smaller, each hides
 * behind the coloured point of its bin wherever that one is drawn.
 *
 * <p>The raster is reused from one frame to the next: one renderer per view, on one thread.
 * Cost: a photo's cloud of a few hundred points takes about 0.5 ms in the window's 380 × 240
 * panel, 1.6 ms at 800 × 600 ({@code CloudRasterizerBenchmark}; docs/performance.md, "The
 * histogram without a GPU").
 */
final class CloudRasterizer {

    /**
     * A point's disc radius per unit of its {@link HistogramCloud#radius}: the 3D scene draws a point
     * as an octahedron whose corners lie at that radius, and a convex solid's mean shadow is a
     * quarter of its surface (Cauchy), 4√3 r² / 4 for the octahedron, so a disc of √(√3 / π) r
     * shows as much of the point, seen from anywhere, as the 3D scene does.
     */
    static final double DISC_PER_RADIUS = Math.sqrt(Math.sqrt(3) / Math.PI);
    /** Edge segments are rasterised in pieces this long (pixels), each over its own small box. */
    private static final double SEGMENT_PIXELS = 12;

    private final CubeSpace space = new CubeSpace(CloudCamera.CUBE_SIDE);
    private int[] colour = new int[0];
    private float[] depth = new float[0];
    private int width;
    private int height;

    /**
     * Draws {@code cloud} with the cube's frame as {@code view} sees them into a
     * {@code width} × {@code height} raster (opaque 0xAARRGGBB, row by row), returned; it is
     * this renderer's own array, overwritten by the next call.
     */
    int[] render(HistogramCloud cloud, CloudCamera.Projection view, int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        if (colour.length < n) {
            colour = new int[n];
            depth = new float[n];
        }
        Arrays.fill(colour, 0, n, HistogramBackground.ARGB);
        Arrays.fill(depth, 0, n, Float.POSITIVE_INFINITY);
        for (CubeEdges.Edge edge : CubeEdges.ALL) {
            edge(edge, view);
        }
        for (int i = 0; i < cloud.size(); i++) {
            point(cloud, i, view);
        }
        return colour;
    }

    private void point(HistogramCloud cloud, int i, CloudCamera.Projection view) {
        double x = space.x(cloud.x(i));
        double y = space.y(cloud.y(i));
        double z = space.z(cloud.z(i));
        double centreDepth = view.depth(x, y, z);
        if (centreDepth <= CloudCamera.NEAR_CLIP) {
            return;
        }
        double cx = view.screenX(x, y, z);
        double cy = view.screenY(x, y, z);
        double sceneRadius = cloud.radius(i) * DISC_PER_RADIUS * CloudCamera.CUBE_SIDE;
        double r = sceneRadius * view.pixelsPerUnit(centreDepth);
        double reach = r + 0.5;
        int x0 = Math.max(0, (int) Math.floor(cx - reach));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + reach));
        int y0 = Math.max(0, (int) Math.floor(cy - reach));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + reach));
        int argb = cloud.argb(i);
        double reach2 = reach * reach;
        for (int py = y0; py <= y1; py++) {
            double dy = py + 0.5 - cy;
            int row = py * width;
            for (int px = x0; px <= x1; px++) {
                double dx = px + 0.5 - cx;
                double d2 = dx * dx + dy * dy;
                if (d2 >= reach2) {
                    continue;
                }
                double d = Math.sqrt(d2);
                double inside = Math.min(1, d / r);
                double facing = Math.sqrt(1 - inside * inside);
                float front = (float) (centreDepth - sceneRadius * facing);
                int at = row + px;
                if (front >= depth[at]) {
                    continue;
                }
                double coverage = Math.min(1, reach - d);
                put(at, lit(argb, CloudCamera.AMBIENT_LIGHT + CloudCamera.HEADLIGHT * facing), coverage, front);
            }
        }
    }

    private void edge(CubeEdges.Edge edge, CloudCamera.Projection view) {
        double[] a = scene(edge.from());
        double[] b = scene(edge.to());
        double za = view.depth(a[0], a[1], a[2]);
        double zb = view.depth(b[0], b[1], b[2]);
        if (za <= CloudCamera.NEAR_CLIP || zb <= CloudCamera.NEAR_CLIP) {
            return;
        }
        double ax = view.screenX(a[0], a[1], a[2]);
        double ay = view.screenY(a[0], a[1], a[2]);
        double bx = view.screenX(b[0], b[1], b[2]);
        double by = view.screenY(b[0], b[1], b[2]);
        // a bar thinner than a pixel is drawn one pixel wide, as faint as the share of the pixel it covers
        double halfWidth = edge.halfWidth() * CloudCamera.CUBE_SIDE;
        double ha = halfWidth * view.pixelsPerUnit(za);
        double hb = halfWidth * view.pixelsPerUnit(zb);
        double wa = Math.max(0.5, ha);
        double wb = Math.max(0.5, hb);
        double fa = Math.min(1, 2 * ha);
        double fb = Math.min(1, 2 * hb);
        double ex = bx - ax;
        double ey = by - ay;
        double length2 = ex * ex + ey * ey;
        int pieces = Math.max(1, (int) Math.ceil(Math.sqrt(length2) / SEGMENT_PIXELS));
        double reach = Math.max(wa, wb) + 1;
        for (int k = 0; k < pieces; k++) {
            // each pixel belongs to the piece its nearest point on the edge lies in, so none is blended twice
            double sx = ax + ex * k / pieces;
            double sy = ay + ey * k / pieces;
            double tx = ax + ex * (k + 1) / pieces;
            double ty = ay + ey * (k + 1) / pieces;
            int x0 = Math.max(0, (int) Math.floor(Math.min(sx, tx) - reach));
            int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(sx, tx) + reach));
            int y0 = Math.max(0, (int) Math.floor(Math.min(sy, ty) - reach));
            int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(sy, ty) + reach));
            for (int py = y0; py <= y1; py++) {
                double qy = py + 0.5 - ay;
                for (int px = x0; px <= x1; px++) {
                    double qx = px + 0.5 - ax;
                    double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, (qx * ex + qy * ey) / length2));
                    if (Math.min(pieces - 1, (int) (t * pieces)) != k) {
                        continue;
                    }
                    double dx = qx - t * ex;
                    double dy = qy - t * ey;
                    double d = Math.sqrt(dx * dx + dy * dy);
                    double coverage = Math.min(1, (wa + (wb - wa) * t) + 0.5 - d) * (fa + (fb - fa) * t);
                    if (coverage <= 0) {
                        continue;
                    }
                    // depth and colour follow the edge in perspective: 1/z is linear on the screen
                    double inverse = (1 - t) / za + t / zb;
                    float z = (float) (1 / inverse);
                    int at = py * width + px;
                    if (z >= depth[at]) {
                        continue;
                    }
                    put(at, edge.colour(t / zb / inverse), coverage, z);
                }
            }
        }
    }

    private double[] scene(int[] corner) {
        return new double[] {space.x(corner[0]), space.y(corner[1]), space.z(corner[2])};
    }

    /** Writes {@code argb} at {@code coverage} over what is there; a pixel covered at least half takes its depth. */
    private void put(int at, int argb, double coverage, float z) {
        if (coverage >= 1) {
            colour[at] = argb;
            depth[at] = z;
            return;
        }
        colour[at] = mix(colour[at], argb, coverage);
        if (coverage >= 0.5) {
            depth[at] = z;
        }
    }

    /** {@code argb} lit at {@code light} (1: as it is). */
    static int lit(int argb, double light) {
        int r = (int) Math.round((argb >> 16 & 0xFF) * light);
        int g = (int) Math.round((argb >> 8 & 0xFF) * light);
        int b = (int) Math.round((argb & 0xFF) * light);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int mix(int under, int over, double share) {
        int r = (int) Math.round((under >> 16 & 0xFF) + ((over >> 16 & 0xFF) - (under >> 16 & 0xFF)) * share);
        int g = (int) Math.round((under >> 8 & 0xFF) + ((over >> 8 & 0xFF) - (under >> 8 & 0xFF)) * share);
        int b = (int) Math.round((under & 0xFF) + ((over & 0xFF) - (under & 0xFF)) * share);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
