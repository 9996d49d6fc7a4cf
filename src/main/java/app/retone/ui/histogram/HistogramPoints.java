package app.retone.ui.histogram;

import app.retone.core.color.Histogram3D;

/**
 * What the 3D histogram panel draws, made ready off the FX thread: the points of one histogram
 * (or of two overlaid) and, for JavaFX's 3D scene, their mesh as primitive arrays, so that
 * showing them is only the bulk copy into JavaFX's mesh ({@link CloudScene3D#show}). The software
 * renderer needs only the cloud ({@link #cloudOnly}).
 *
 * @param mesh null when made for the software renderer
 */
public record HistogramPoints(HistogramCloud cloud, HistogramMeshFactory.MeshArrays mesh) {

    public static final HistogramPoints NONE = cloudOnly(null, null);

    /**
     * The points of {@code first} in colour, or with {@code second} given, {@code first} in grey
     * under {@code second} in colour, with their mesh; none when {@code first} is null.
     */
    public static HistogramPoints of(Histogram3D first, Histogram3D second) {
        HistogramCloud cloud = cloud(first, second);
        return new HistogramPoints(cloud, HistogramMeshFactory.arrays(cloud, CloudCamera.CUBE_SIDE));
    }

    /** The same points without the mesh: what the software renderer draws from. */
    public static HistogramPoints cloudOnly(Histogram3D first, Histogram3D second) {
        return new HistogramPoints(cloud(first, second), null);
    }

    /** The points {@code renderer} draws from: with their mesh for the 3D scene, the cloud alone for software. */
    public static HistogramPoints forRenderer(HistogramRenderer renderer, Histogram3D first, Histogram3D second) {
        return renderer == HistogramRenderer.SCENE_3D ? of(first, second) : cloudOnly(first, second);
    }

    private static HistogramCloud cloud(Histogram3D first, Histogram3D second) {
        return first == null ? HistogramCloud.empty()
                : second == null ? HistogramCloud.of(first) : HistogramCloud.overlay(first, second);
    }

    public boolean isEmpty() {
        return cloud.isEmpty();
    }
}
