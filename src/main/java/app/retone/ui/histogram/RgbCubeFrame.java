package app.retone.ui.histogram;

import javafx.geometry.Point3D;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;

/**
 * The twelve edges of the RGB cube ({@link CubeEdges}) as one mesh of thin square bars. The
 * colours come from a small gradient texture used as self-illumination over a black diffuse
 * colour, so lights cannot shade them. A 3D node: made only where JavaFX has a 3D pipeline.
 */
final class RgbCubeFrame {

    private static final int GRADIENT_WIDTH = 256;
    private static final int ROWS = 4; // red, green, blue axes, grey edges
    private static final int GREY_ROW = 3;

    private RgbCubeFrame() {
    }

    static MeshView create(CubeSpace space) {
        TriangleMesh mesh = new TriangleMesh();
        for (int row = 0; row < ROWS; row++) {
            float v = (row + 0.5f) / ROWS;
            mesh.getTexCoords().addAll(0.5f / GRADIENT_WIDTH, v, (GRADIENT_WIDTH - 0.5f) / GRADIENT_WIDTH, v);
        }
        for (CubeEdges.Edge edge : CubeEdges.ALL) {
            addBar(mesh, space, edge.from(), edge.to(), edge.axis(), edge.halfWidth(), edge.fromBlack() ? edge.axis() : GREY_ROW);
        }
        PhongMaterial material = new PhongMaterial(Color.BLACK);
        material.setSelfIlluminationMap(gradients());
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.NONE);
        return view;
    }

    /** A bar along one axis of the unit cube, overshooting both corners by its half width so corners close. */
    private static void addBar(TriangleMesh mesh, CubeSpace space, int[] from, int[] to, int axis,
                               float halfWidth, int row) {
        int base = mesh.getPoints().size() / 3;
        int a1 = (axis + 1) % 3;
        int a2 = (axis + 2) % 3;
        float[][] ends = {toFloat(from), toFloat(to)};
        ends[0][axis] -= halfWidth;
        ends[1][axis] += halfWidth;
        for (float[] end : ends) {
            for (int s = 0; s < 4; s++) {
                float[] c = end.clone();
                // corners around the bar in order: (+,+) (−,+) (−,−) (+,−)
                c[a1] += (s == 0 || s == 3 ? 1 : -1) * halfWidth;
                c[a2] += (s < 2 ? 1 : -1) * halfWidth;
                Point3D p = space.at(c[0], c[1], c[2]);
                mesh.getPoints().addAll((float) p.getX(), (float) p.getY(), (float) p.getZ());
            }
        }
        int startTex = 2 * row;
        int endTex = startTex + 1;
        for (int s = 0; s < 4; s++) {
            int n = (s + 1) % 4;
            mesh.getFaces().addAll(base + s, startTex, base + n, startTex, base + 4 + n, endTex);
            mesh.getFaces().addAll(base + s, startTex, base + 4 + n, endTex, base + 4 + s, endTex);
        }
    }

    private static float[] toFloat(int[] v) {
        return new float[] {v[0], v[1], v[2]};
    }

    private static WritableImage gradients() {
        WritableImage image = new WritableImage(GRADIENT_WIDTH, ROWS);
        PixelWriter out = image.getPixelWriter();
        for (int x = 0; x < GRADIENT_WIDTH; x++) {
            double t = x / (GRADIENT_WIDTH - 1.0);
            for (int axis = 0; axis < 3; axis++) {
                out.setArgb(x, axis, CubeEdges.ALL.get(axis).colour(t));
            }
            out.setArgb(x, GREY_ROW, CubeEdges.EDGE_GREY);
        }
        return image;
    }
}
