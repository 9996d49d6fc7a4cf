package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import javafx.scene.image.PixelReader;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;
import org.junit.jupiter.api.Test;

class HistogramMeshFactoryTest {

    private static final float SIDE = 100;
    /** A photo against a recoloured copy: grey reference points and coloured ones in one mesh. */
    private static final HistogramCloud CLOUD = overlayCloud();

    private static HistogramCloud overlayCloud() {
        int[] photo = SyntheticPhoto.landscape(320, 240, 21).argb();
        int[] cooler = Pixels.curves(photo, Pixels.gamma(1.3), Pixels.gamma(1.0), Pixels.gamma(0.75));
        return HistogramCloud.overlay(Histogram3D.of(photo), Histogram3D.of(cooler));
    }

    @Test
    void countsAreThePointsTimesTheOctahedron() {
        int n = CLOUD.size();
        HistogramMeshFactory.MeshArrays arrays = HistogramMeshFactory.arrays(CLOUD, SIDE);
        assertEquals(n * HistogramMeshFactory.VERTICES_PER_POINT * 3, arrays.points().length);
        assertEquals(n * HistogramMeshFactory.FACES_PER_POINT * 9, arrays.faces().length);
        assertEquals(n, arrays.pointCount());

        TriangleMesh mesh = HistogramMeshFactory.toMesh(arrays).mesh();
        assertEquals(VertexFormat.POINT_NORMAL_TEXCOORD, mesh.getVertexFormat());
        assertEquals(n * HistogramMeshFactory.VERTICES_PER_POINT, mesh.getPoints().size() / 3);
        assertEquals(9, mesh.getFaceElementSize());
        assertEquals(n * HistogramMeshFactory.FACES_PER_POINT, mesh.getFaces().size() / 9);
        assertEquals(n, mesh.getTexCoords().size() / 2);
    }

    @Test
    void everyFaceOfAPointSamplesThatPointsColourFromThePalette() {
        HistogramMeshFactory.PointMesh built = HistogramMeshFactory.build(CLOUD, SIDE);
        TriangleMesh mesh = built.mesh();
        PixelReader palette = built.palette().getPixelReader();
        int width = (int) built.palette().getWidth();
        int height = (int) built.palette().getHeight();
        int[] faces = mesh.getFaces().toArray(null);
        float[] tex = mesh.getTexCoords().toArray(null);
        int greys = 0;
        for (int f = 0; f < faces.length / 9; f++) {
            int point = f / HistogramMeshFactory.FACES_PER_POINT;
            for (int corner = 0; corner < 3; corner++) {
                int vertex = faces[9 * f + 3 * corner];
                int t = faces[9 * f + 3 * corner + 2];
                assertEquals(point, vertex / HistogramMeshFactory.VERTICES_PER_POINT, "face " + f + " uses its own point's vertices");
                double u = tex[2 * t] * width;
                double v = tex[2 * t + 1] * height;
                assertEquals(0.5, u - Math.floor(u), 1e-3, "texel centre");
                assertEquals(0.5, v - Math.floor(v), 1e-3, "texel centre");
                assertEquals(CLOUD.argb(point), palette.getArgb((int) u, (int) v), "colour of point " + point);
            }
            if (CLOUD.argb(point) == HistogramCloud.REFERENCE_GREY) {
                greys++;
            }
        }
        assertEquals(CLOUD.referenceCount() * HistogramMeshFactory.FACES_PER_POINT, greys);
    }

    @Test
    void eachOctahedronSurroundsItsPointAndFacesOutward() {
        HistogramMeshFactory.MeshArrays arrays = HistogramMeshFactory.arrays(CLOUD, SIDE);
        float[] pts = arrays.points();
        int[] faces = arrays.faces();
        CubeSpace space = new CubeSpace(SIDE);
        for (int i = 0; i < CLOUD.size(); i++) {
            double[] centre = {space.x(CLOUD.x(i)), space.y(CLOUD.y(i)), space.z(CLOUD.z(i))};
            double radius = CLOUD.radius(i) * SIDE;
            for (int k = 0; k < HistogramMeshFactory.VERTICES_PER_POINT; k++) {
                int v = 3 * (i * HistogramMeshFactory.VERTICES_PER_POINT + k);
                double dx = pts[v] - centre[0];
                double dy = pts[v + 1] - centre[1];
                double dz = pts[v + 2] - centre[2];
                assertEquals(radius, Math.sqrt(dx * dx + dy * dy + dz * dz), 1e-3, "vertex " + k + " of point " + i);
            }
            for (int f = i * HistogramMeshFactory.FACES_PER_POINT; f < (i + 1) * HistogramMeshFactory.FACES_PER_POINT; f++) {
                double[] a = vertex(pts, faces[9 * f]);
                double[] b = vertex(pts, faces[9 * f + 3]);
                double[] c = vertex(pts, faces[9 * f + 6]);
                double[] n = cross(minus(b, a), minus(c, a));
                double[] out = minus(new double[] {(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3}, centre);
                assertTrue(n[0] * out[0] + n[1] * out[1] + n[2] * out[2] > 0, "face " + f + " winds outward");
                int normal = faces[9 * f + 1];
                double[] nv = {arrays.normals()[3 * normal], arrays.normals()[3 * normal + 1], arrays.normals()[3 * normal + 2]};
                double[] toVertex = minus(a, centre);
                assertTrue(nv[0] * toVertex[0] + nv[1] * toVertex[1] + nv[2] * toVertex[2] > 0, "normal points outward");
            }
        }
    }

    @Test
    void anEmptyCloudGivesAnEmptyMesh() {
        HistogramMeshFactory.MeshArrays arrays = HistogramMeshFactory.arrays(HistogramCloud.empty(), SIDE);
        assertEquals(0, arrays.points().length);
        assertEquals(0, arrays.faces().length);
    }

    private static double[] vertex(float[] pts, int index) {
        return new double[] {pts[3 * index], pts[3 * index + 1], pts[3 * index + 2]};
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
