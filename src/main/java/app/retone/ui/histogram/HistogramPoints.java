package app.retone.ui.histogram;

import app.retone.core.color.Histogram3D;

/**
 * What the 3D histogram panel draws, made ready off the FX thread: the points of one histogram
 * (or of two overlaid) and their mesh as primitive arrays, so that showing them is only the bulk
 * copy into JavaFX's mesh ({@link HistogramView#show}).
 */
public record HistogramPoints(HistogramCloud cloud, HistogramMeshFactory.MeshArrays mesh) {

    /** Scene units of the cube's side in {@link HistogramView}. */
    static final float CUBE_SIDE = 100;

    public static final HistogramPoints NONE = of(null, null);

    /**
     * The points of {@code first} in colour, or with {@code second} given, {@code first} in grey
     * under {@code second} in colour; none when {@code first} is null.
     */
    public static HistogramPoints of(Histogram3D first, Histogram3D second) {
        HistogramCloud cloud = first == null ? HistogramCloud.empty()
                : second == null ? HistogramCloud.of(first) : HistogramCloud.overlay(first, second);
        return new HistogramPoints(cloud, HistogramMeshFactory.arrays(cloud, CUBE_SIDE));
    }

    public boolean isEmpty() {
        return cloud.isEmpty();
    }
}
