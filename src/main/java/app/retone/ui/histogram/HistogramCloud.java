package app.retone.ui.histogram;

import app.retone.core.color.Histogram3D;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/**
 * The points of a 3D histogram scatter, as plain data (no JavaFX), so it can be built off the
 * FX thread and tested without a stage.
 *
 * <p>Each non-empty bin becomes one point: its position is the bin centre / 256 in the unit RGB
 * cube (r, g, b in [0, 1]), its colour is the bin-centre colour, and its radius (in unit-cube
 * units) grows with the cube root of the bin's share of its histogram, so a point's volume
 * follows its mass. The largest point of the cloud gets {@link #MAX_RADIUS}; none is smaller
 * than {@link #MIN_RADIUS}, so a bin of a single pixel still shows. Bins holding less than
 * {@link #MIN_SHARE} of their histogram (fewer than one pixel in a million) are left out: on
 * large photos they are stray noise that would only clutter the view.
 *
 * <p>An overlay cloud ({@link #overlay}) compares two histograms, "before" against "after":
 * the first histogram's points come first, all in {@link #REFERENCE_GREY} and
 * {@link #REFERENCE_SCALE} times smaller, then the second histogram's points in their own
 * colours. Where a colour stayed, the coloured point covers the grey one; where colours moved,
 * grey points are left behind. Both use one size scale, so masses compare across the two.
 */
public final class HistogramCloud {

    /** Share of a histogram's mass below which a bin is not drawn. */
    public static final double MIN_SHARE = 1e-6;
    /** Radius of the largest point, in unit-cube units (about one bin width for 32 bins). */
    public static final float MAX_RADIUS = 0.03f;
    /** Radius of the smallest drawn point, in unit-cube units. */
    public static final float MIN_RADIUS = 0.006f;
    /** Size of a reference (first, grey) point relative to a coloured one of the same mass. */
    public static final float REFERENCE_SCALE = 0.8f;
    /** Colour of the reference points of an overlay: a neutral mid grey. */
    public static final int REFERENCE_GREY = 0xFF8C8C8C;

    private static final HistogramCloud EMPTY = new HistogramCloud(new int[0], new float[0], new int[0], 0, false);

    /**
     * One point of the cloud.
     *
     * @param bin    flat index of the bin in its histogram
     * @param x      red, in the unit cube
     * @param y      green, in the unit cube
     * @param z      blue, in the unit cube
     * @param radius radius of the point's solid, in unit-cube units
     * @param argb   colour, opaque 0xAARRGGBB
     */
    public record Point(int bin, float x, float y, float z, float radius, int argb) {
    }

    private final int[] bins;
    private final float[] xyzr;
    private final int[] argb;
    private final int referenceCount;
    private final boolean overlay;

    private HistogramCloud(int[] bins, float[] xyzr, int[] argb, int referenceCount, boolean overlay) {
        this.bins = bins;
        this.xyzr = xyzr;
        this.argb = argb;
        this.referenceCount = referenceCount;
        this.overlay = overlay;
    }

    public static HistogramCloud empty() {
        return EMPTY;
    }

    /** The cloud of one histogram, every point in its bin colour; empty for a null or empty histogram. */
    public static HistogramCloud of(Histogram3D histogram) {
        if (histogram == null || histogram.isEmpty()) {
            return EMPTY;
        }
        return build(null, histogram);
    }

    /** The first histogram in grey as the reference, the second in colour on top. */
    public static HistogramCloud overlay(Histogram3D first, Histogram3D second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return build(first, second);
    }

    private static HistogramCloud build(Histogram3D reference, Histogram3D coloured) {
        int referencePoints = drawnBins(reference);
        int n = referencePoints + drawnBins(coloured);
        double maxShare = Math.max(maxShare(reference), maxShare(coloured));
        int[] bins = new int[n];
        float[] xyzr = new float[4 * n];
        int[] argb = new int[n];
        int next = fill(reference, true, maxShare, bins, xyzr, argb, 0);
        fill(coloured, false, maxShare, bins, xyzr, argb, next);
        return new HistogramCloud(bins, xyzr, argb, referencePoints, reference != null);
    }

    private static int drawnBins(Histogram3D h) {
        if (h == null || h.isEmpty()) {
            return 0;
        }
        double floor = MIN_SHARE * h.total();
        int n = 0;
        for (int i = 0; i < h.cells(); i++) {
            double m = h.mass(i);
            if (m > 0 && m >= floor) {
                n++;
            }
        }
        return n;
    }

    private static double maxShare(Histogram3D h) {
        if (h == null || h.isEmpty()) {
            return 0;
        }
        double max = 0;
        for (int i = 0; i < h.cells(); i++) {
            max = Math.max(max, h.mass(i));
        }
        return max / h.total();
    }

    private static int fill(Histogram3D h, boolean reference, double maxShare,
                            int[] bins, float[] xyzr, int[] argb, int start) {
        if (h == null || h.isEmpty()) {
            return start;
        }
        int b = h.bins();
        double total = h.total();
        double floor = MIN_SHARE * total;
        float scale = reference ? REFERENCE_SCALE : 1f;
        int k = start;
        for (int r = 0, i = 0; r < b; r++) {
            double cr = h.binCentre(r);
            for (int g = 0; g < b; g++) {
                double cg = h.binCentre(g);
                for (int bl = 0; bl < b; bl++, i++) {
                    double m = h.mass(i);
                    if (m <= 0 || m < floor) {
                        continue;
                    }
                    double cb = h.binCentre(bl);
                    bins[k] = i;
                    xyzr[4 * k] = (float) (cr / 256);
                    xyzr[4 * k + 1] = (float) (cg / 256);
                    xyzr[4 * k + 2] = (float) (cb / 256);
                    xyzr[4 * k + 3] = scale * radius(m / total, maxShare);
                    argb[k] = reference ? REFERENCE_GREY : binColour(cr, cg, cb);
                    k++;
                }
            }
        }
        return k;
    }

    /** The radius of a point holding {@code share} of its histogram, when the largest holds {@code maxShare}. */
    static float radius(double share, double maxShare) {
        return (float) Math.max(MIN_RADIUS, MAX_RADIUS * Math.cbrt(share / maxShare));
    }

    private static int binColour(double r, double g, double b) {
        return 0xFF000000 | (int) Math.round(r) << 16 | (int) Math.round(g) << 8 | (int) Math.round(b);
    }

    public int size() {
        return argb.length;
    }

    public boolean isEmpty() {
        return argb.length == 0;
    }

    /** Whether this cloud compares two histograms (grey reference points, then coloured ones). */
    public boolean isOverlay() {
        return overlay;
    }

    /** How many leading points are grey reference points (0 unless {@link #isOverlay()}). */
    public int referenceCount() {
        return referenceCount;
    }

    public Point point(int i) {
        return new Point(bins[i], xyzr[4 * i], xyzr[4 * i + 1], xyzr[4 * i + 2], xyzr[4 * i + 3], argb[i]);
    }

    public float x(int i) {
        return xyzr[4 * i];
    }

    public float y(int i) {
        return xyzr[4 * i + 1];
    }

    public float z(int i) {
        return xyzr[4 * i + 2];
    }

    public float radius(int i) {
        return xyzr[4 * i + 3];
    }

    public int argb(int i) {
        return argb[i];
    }

    /** The points as a read-only list view (a new {@link Point} per access). */
    public List<Point> points() {
        return new AbstractList<>() {
            @Override
            public Point get(int index) {
                Objects.checkIndex(index, size());
                return point(index);
            }

            @Override
            public int size() {
                return HistogramCloud.this.size();
            }
        };
    }

    @Override
    public String toString() {
        return "HistogramCloud[" + size() + " points" + (overlay ? ", " + referenceCount + " reference" : "") + "]";
    }
}
