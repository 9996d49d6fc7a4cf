package app.retone.ui.histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The twelve edges of the RGB cube as the histogram draws them, in unit-cube coordinates: the
 * three axes leaving black run from black to pure red, green and blue; the other nine edges are
 * a quiet grey and thinner. The one home of the frame's geometry and colours, for the 3D mesh
 * ({@link RgbCubeFrame}) and the software renderer ({@link CloudRasterizer}) alike.
 */
final class CubeEdges {

    /** Half the width of an axis bar, in unit-cube units. */
    static final float AXIS_HALF_WIDTH = 0.0055f;
    /** Half the width of a grey edge, in unit-cube units. */
    static final float EDGE_HALF_WIDTH = 0.0025f;
    /** The colour of the nine edges that do not touch black, opaque 0xAARRGGBB. */
    static final int EDGE_GREY = 0xFF5C5C5C;

    /**
     * One edge from corner {@code from} to corner {@code to} (each 0 or 1 per channel), along
     * {@code axis} (0 red, 1 green, 2 blue).
     *
     * @param fromBlack whether it is one of the three axes leaving black (coloured, thicker)
     */
    record Edge(int[] from, int[] to, int axis, boolean fromBlack) {

        float halfWidth() {
            return fromBlack ? AXIS_HALF_WIDTH : EDGE_HALF_WIDTH;
        }

        /** The colour at {@code t} along the edge (0 at {@code from}): black to the axis's primary, or the grey. */
        int colour(double t) {
            if (!fromBlack) {
                return EDGE_GREY;
            }
            int level = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
            return 0xFF000000 | level << (16 - 8 * axis);
        }
    }

    /** The three axes leaving black (red, green, blue), then the nine grey edges. */
    static final List<Edge> ALL = edges();

    private CubeEdges() {
    }

    private static List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (int axis = 0; axis < 3; axis++) {
            int[] end = new int[3];
            end[axis] = 1;
            edges.add(new Edge(new int[3], end, axis, true));
        }
        // the nine edges that do not touch black: from each corner with a bit set, along every other axis
        for (int corner = 1; corner < 8; corner++) {
            for (int axis = 0; axis < 3; axis++) {
                int[] from = {corner & 1, corner >> 1 & 1, corner >> 2 & 1};
                if (from[axis] == 0) {
                    int[] to = from.clone();
                    to[axis] = 1;
                    edges.add(new Edge(from, to, axis, false));
                }
            }
        }
        return List.copyOf(edges);
    }
}
