package app.retone.ui.histogram;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;

/**
 * Turns a {@link HistogramCloud} into one {@link TriangleMesh}: every point a small octahedron,
 * coloured exactly through a palette texture with one texel per point, all three corners of
 * each of its faces pointing at that texel's centre (so no filtering can blend neighbours).
 *
 * <p>The work is split in two: {@link #arrays} fills plain primitive arrays (no JavaFX, safe
 * off the FX thread), {@link #toMesh} hands them to JavaFX in one bulk copy each.
 */
public final class HistogramMeshFactory {

    public static final int VERTICES_PER_POINT = 6;
    public static final int FACES_PER_POINT = 8;
    /** Palette texture width; rows are added as needed. */
    public static final int PALETTE_WIDTH = 256;

    /** Octahedron corner directions, also used as its (smooth) vertex normals: +x −x +y −y +z −z. */
    private static final float[] CORNERS = {
        1, 0, 0, -1, 0, 0,
        0, 1, 0, 0, -1, 0,
        0, 0, 1, 0, 0, -1,
    };
    /** The eight faces, one per octant, wound so that their normals point outward. */
    private static final int[] FACES = octahedronFaces();

    private HistogramMeshFactory() {
    }

    /**
     * The mesh of a cloud as primitive arrays in {@link VertexFormat#POINT_NORMAL_TEXCOORD}
     * layout, with its palette as ARGB texels (row-major, {@code paletteWidth} wide). A
     * transfer object of freshly made arrays: not a value, not copied.
     */
    public record MeshArrays(float[] points, float[] normals, float[] texCoords, int[] faces,
                             int[] palette, int paletteWidth, int paletteHeight) {

        public int pointCount() {
            return texCoords.length / 2;
        }
    }

    /** A built mesh and the palette image its material must use as diffuse map. */
    public record PointMesh(TriangleMesh mesh, WritableImage palette) {
    }

    /** Fills the mesh arrays of {@code cloud} for a cube of {@code cubeSide} scene units. */
    public static MeshArrays arrays(HistogramCloud cloud, float cubeSide) {
        CubeSpace space = new CubeSpace(cubeSide);
        int n = cloud.size();
        int rows = Math.max(1, (n + PALETTE_WIDTH - 1) / PALETTE_WIDTH);
        float[] points = new float[n * VERTICES_PER_POINT * 3];
        float[] texCoords = new float[n * 2];
        int[] faces = new int[n * FACES_PER_POINT * 9];
        int[] palette = new int[PALETTE_WIDTH * rows];
        for (int i = 0; i < n; i++) {
            float cx = space.x(cloud.x(i));
            float cy = space.y(cloud.y(i));
            float cz = space.z(cloud.z(i));
            float r = cloud.radius(i) * cubeSide;
            int p = i * VERTICES_PER_POINT * 3;
            for (int c = 0; c < CORNERS.length; c += 3) {
                points[p + c] = cx + r * CORNERS[c];
                points[p + c + 1] = cy + r * CORNERS[c + 1];
                points[p + c + 2] = cz + r * CORNERS[c + 2];
            }
            texCoords[2 * i] = (i % PALETTE_WIDTH + 0.5f) / PALETTE_WIDTH;
            texCoords[2 * i + 1] = (i / PALETTE_WIDTH + 0.5f) / rows;
            palette[i] = cloud.argb(i);
            int firstVertex = i * VERTICES_PER_POINT;
            int f = i * FACES_PER_POINT * 9;
            for (int k = 0; k < FACES.length; k++) {
                faces[f + 3 * k] = firstVertex + FACES[k];
                faces[f + 3 * k + 1] = FACES[k];
                faces[f + 3 * k + 2] = i;
            }
        }
        return new MeshArrays(points, CORNERS.clone(), texCoords, faces, palette, PALETTE_WIDTH, rows);
    }

    /** Copies the arrays into a new mesh and palette image (the image needs the JavaFX toolkit's classes, not its thread). */
    public static PointMesh toMesh(MeshArrays arrays) {
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
        mesh.getPoints().setAll(arrays.points());
        mesh.getNormals().setAll(arrays.normals());
        mesh.getTexCoords().setAll(arrays.texCoords());
        mesh.getFaces().setAll(arrays.faces());
        WritableImage palette = new WritableImage(arrays.paletteWidth(), arrays.paletteHeight());
        palette.getPixelWriter().setPixels(0, 0, arrays.paletteWidth(), arrays.paletteHeight(),
                PixelFormat.getIntArgbInstance(), arrays.palette(), 0, arrays.paletteWidth());
        return new PointMesh(mesh, palette);
    }

    public static PointMesh build(HistogramCloud cloud, float cubeSide) {
        return toMesh(arrays(cloud, cubeSide));
    }

    private static int[] octahedronFaces() {
        int[] faces = new int[FACES_PER_POINT * 3];
        int k = 0;
        for (int sx = 1; sx >= -1; sx -= 2) {
            for (int sy = 1; sy >= -1; sy -= 2) {
                for (int sz = 1; sz >= -1; sz -= 2) {
                    int x = sx > 0 ? 0 : 1;
                    int y = sy > 0 ? 2 : 3;
                    int z = sz > 0 ? 4 : 5;
                    // (x, y, z) turns counter-clockwise about the outward normal only in octants of even sign parity
                    boolean even = sx * sy * sz > 0;
                    faces[k++] = x;
                    faces[k++] = even ? y : z;
                    faces[k++] = even ? z : y;
                }
            }
        }
        return faces;
    }
}
