package app.retone.core.color;

import java.util.stream.IntStream;

/**
 * Pitié's grain-preserving post-process (Pitié, Kokaram and Dahyot, "Automated colour grading
 * using colour distribution transfer", 2007).
 *
 * <p>A colour transfer can stretch the noise and flatten the texture of a photo. Regrain looks
 * for the image J whose colours stay close to the transferred image T while its gradients
 * follow the original I: it minimises Σ ψ‖J − T‖² + φ‖∇J − ∇I‖², where ψ trusts T on edges and
 * φ follows I's gradients in flat areas. The linear system is relaxed with damped Jacobi
 * iterations, coarse to fine over an image pyramid, so few iterations are needed at full size.
 *
 * <p>It is solved for the correction D = J − I, not for J: substituting J = I + D gives the same
 * system, Σ ψ‖D − (T − I)‖² + φ‖∇D‖², so the exact answer is the same, but the iterations now start
 * from and work on the correction alone. The photo's own detail is never approximated (it is added
 * back exactly), an image the look leaves alone (T = I) stays exactly as it was, and a 16-bit
 * gradient keeps every level. The answer is then bounded pixel by pixel by the look's own correction
 * there, so that a pixel the look leaves alone stays as it was even when its neighbours change. Regrain thus smooths the look's correction where the photo is flat — which
 * is what removes the speckle a 3D transfer can amplify out of noise — and keeps it sharp at edges.
 * The correction is linear in T − I: regraining a look at strength s is s times regraining it at 1.
 *
 * <p>Values are floats and may leave [0, 1] (extended-range colours): nothing is clipped here.
 */
public final class Regrain {

    /** Jacobi iterations per level, finest first. */
    private static final int[] ITERATIONS = {4, 16, 32, 64, 64, 64};
    private static final int MIN_LEVEL_SIZE = 20;
    /**
     * How far, in multiples of the look's own change at a pixel, regrain may move that pixel's
     * correction: 3 takes nothing from what regrain is for (a reach of 1 kept up to half as many
     * speckles again on noisy photos given another's colours; docs/colour.md).
     */
    static final float REACH = 3f;

    /** Pixels in one strip's working window: about 17 float planes of them, 68 MB at the default. */
    static final int DEFAULT_WINDOW_PIXELS = 1 << 20;

    private final float smoothness;
    private final int windowPixels;

    public Regrain() {
        this(1f);
    }

    /** @param smoothness how strongly gradients are followed; 1 is Pitié's default */
    public Regrain(float smoothness) {
        this(smoothness, DEFAULT_WINDOW_PIXELS);
    }

    /**
     * @param windowPixels the pixels each level is solved in at a time: a level is cut into strips
     *                     of rows, each solved with a margin as wide as its iterations reach, so
     *                     the result is the same as solving the whole level at once
     */
    Regrain(float smoothness, int windowPixels) {
        if (!(smoothness > 0) || !Float.isFinite(smoothness)) {
            throw new IllegalArgumentException("smoothness must be > 0, got " + smoothness);
        }
        if (windowPixels < 1) {
            throw new IllegalArgumentException("windowPixels must be positive, got " + windowPixels);
        }
        this.smoothness = smoothness;
        this.windowPixels = windowPixels;
    }

    /** An image that gives its rows as three float planes (R, G, B; 1 is white, and values may leave [0, 1]). */
    public interface Rows {
        int w();

        int h();

        /** Rows y0 (inclusive) to y1 into the planes of {@code into}, from their start. */
        void read(int y0, int y1, float[][] into);
    }

    /** Where the solved rows go: the correction D of rows y0 to y1, and the original I of the same rows. */
    @FunctionalInterface
    public interface RowSink {
        /**
         * Rows y0 to y1 of the level, which are rows {@code from} on of {@code correction} and of
         * {@code original} (both width w): the result is their sum.
         */
        void write(int y0, int y1, float[][] correction, float[][] original, int from);
    }

    /** Three float planes of one image level, values in [0, 1]. */
    private record Planes(int w, int h, float[][] c) implements Rows {
        static Planes blank(int w, int h) {
            return new Planes(w, h, new float[3][w * h]);
        }

        @Override
        public void read(int y0, int y1, float[][] into) {
            for (int k = 0; k < 3; k++) {
                System.arraycopy(c[k], y0 * w, into[k], 0, (y1 - y0) * w);
            }
        }

        /** A sink that keeps the correction (a coarser level's answer is the next one's start). */
        RowSink sink() {
            return (y0, y1, planes, original, from) -> {
                for (int k = 0; k < 3; k++) {
                    System.arraycopy(planes[k], from * w, c[k], y0 * w, (y1 - y0) * w);
                }
            };
        }

        /**
         * Rows y0 to y1 of this level resized up to tw × th (bilinear, pixel centres aligned), as
         * a window of their own.
         */
        Planes upRows(int tw, int th, int y0, int y1) {
            Planes out = blank(tw, y1 - y0);
            double sx = (double) w / tw;
            double sy = (double) h / th;
            IntStream.range(y0, y1).parallel().forEach(y -> {
                double fy = Math.max(0, (y + 0.5) * sy - 0.5);
                int ya = Math.min((int) fy, h - 1);
                int yb = Math.min(ya + 1, h - 1);
                float wy = (float) (fy - ya);
                int row = (y - y0) * tw;
                for (int x = 0; x < tw; x++) {
                    double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                    int x0 = Math.min((int) fx, w - 1);
                    int x1 = Math.min(x0 + 1, w - 1);
                    float wx = (float) (fx - x0);
                    for (int k = 0; k < 3; k++) {
                        float[] s = c[k];
                        float top = s[ya * w + x0] + wx * (s[ya * w + x1] - s[ya * w + x0]);
                        float bot = s[yb * w + x0] + wx * (s[yb * w + x1] - s[yb * w + x0]);
                        out.c[k][row + x] = top + wy * (bot - top);
                    }
                }
            });
            return out;
        }
    }

    /** The finest level: rows read from the caller's pixels as they are asked for. */
    record PixelRows(int w, int h, RowReader reader) implements Rows {
        @Override
        public void read(int y0, int y1, float[][] into) {
            for (int i = y0 * w, j = 0, end = y1 * w; i < end; i++, j++) {
                reader.pixel(i, into, j);
            }
        }
    }

    /** Puts pixel i's R, G, B (in [0, 1]) at index j of the three planes. */
    @FunctionalInterface
    private interface RowReader {
        void pixel(int i, float[][] planes, int j);
    }

    /** An 8-bit image (packed ARGB) as the finest level. */
    private static Rows rows(int[] argb, int w, int h) {
        return new PixelRows(w, h, (i, planes, j) -> {
            int p = argb[i];
            planes[0][j] = (p >>> 16 & 0xFF) / 255f;
            planes[1][j] = (p >>> 8 & 0xFF) / 255f;
            planes[2][j] = (p & 0xFF) / 255f;
        });
    }

    /** A 16-bit image (R, G, B samples per pixel) as the finest level. */
    private static Rows rows(short[] rgb16, int w, int h) {
        return new PixelRows(w, h, (i, planes, j) -> {
            planes[0][j] = (rgb16[3 * i] & 0xFFFF) / 65535f;
            planes[1][j] = (rgb16[3 * i + 1] & 0xFFFF) / 65535f;
            planes[2][j] = (rgb16[3 * i + 2] & 0xFFFF) / 65535f;
        });
    }

    /** Half size (rounded up), each pixel the mean of its 2 × 2 block. */
    private static Planes half(Rows src) {
        int w = src.w();
        int h = src.h();
        int w2 = (w + 1) / 2;
        int h2 = (h + 1) / 2;
        Planes out = Planes.blank(w2, h2);
        IntStream.range(0, h2).parallel().forEach(y -> {
            int y0 = 2 * y;
            int y1 = Math.min(y0 + 1, h - 1);
            float[][] two = new float[3][2 * w];
            src.read(y0, y1 + 1, two);
            int second = (y1 - y0) * w; // the last row of an odd height pairs with itself
            for (int x = 0; x < w2; x++) {
                int x0 = 2 * x;
                int x1 = Math.min(x0 + 1, w - 1);
                for (int k = 0; k < 3; k++) {
                    float[] s = two[k];
                    out.c[k][y * w2 + x] = 0.25f * (s[x0] + s[x1] + s[second + x0] + s[second + x1]);
                }
            }
        });
        return out;
    }

    /**
     * Returns {@code colored} with the grain of {@code original}: same size, packed ARGB; the
     * alpha of {@code colored} is kept.
     */
    public int[] apply(int[] original, int[] colored, int width, int height) {
        if (original.length != (long) width * height || colored.length != original.length) {
            throw new IllegalArgumentException("images must both be " + width + "x" + height);
        }
        int[] result = new int[original.length];
        apply(rows(original, width, height), rows(colored, width, height), (y0, y1, d, o, from) ->
                IntStream.range(y0, y1).parallel().forEach(y -> {
                    for (int x = 0, i = y * width, j = (y - y0 + from) * width; x < width; x++, i++, j++) {
                        result[i] = (colored[i] & 0xFF000000) | to8(o[0][j] + d[0][j]) << 16 | to8(o[1][j] + d[1][j]) << 8
                                | to8(o[2][j] + d[2][j]);
                    }
                }));
        return result;
    }

    /**
     * Regrains {@code colored} (T) with the detail of {@code original} (I), any size and range:
     * the answer's rows go to {@code out} as the correction and the original, strip by strip.
     */
    public void apply(Rows original, Rows colored, RowSink out) {
        if (original.w() != colored.w() || original.h() != colored.h()) {
            throw new IllegalArgumentException("images must both be " + original.w() + "x" + original.h());
        }
        solveLevel(original, colored, 0, out);
    }

    /** The same for 16-bit samples (R, G, B per pixel, unsigned in shorts), solved in floating point. */
    public short[] apply16(short[] original, short[] colored, int width, int height) {
        if (original.length != 3L * width * height || colored.length != original.length) {
            throw new IllegalArgumentException("16-bit images must both be " + width + "x" + height + " × 3 samples");
        }
        short[] result = new short[original.length];
        apply(rows(original, width, height), rows(colored, width, height), (y0, y1, d, o, from) ->
                IntStream.range(y0, y1).parallel().forEach(y -> {
                    for (int x = 0, i = y * width, j = (y - y0 + from) * width; x < width; x++, i++, j++) {
                        for (int k = 0; k < 3; k++) {
                            int v = (int) ((o[k][j] + d[k][j]) * 65535f + 0.5f);
                            result[3 * i + k] = (short) (v < 0 ? 0 : Math.min(v, 65535));
                        }
                    }
                }));
        return result;
    }

    private static int to8(float v) {
        int i = (int) (v * 255f + 0.5f);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    /**
     * Solves one level, coarse to fine: the next coarser level gives the starting point, then
     * this level is relaxed strip by strip, each strip with a margin of {@code iterations + 2}
     * rows (as far as the relaxation and the weights' neighbours reach), into {@code out}.
     */
    private void solveLevel(Rows in, Rows col, int level, RowSink out) {
        int w = in.w();
        int h = in.h();
        Planes coarse = coarser(in, col, level);
        int margin = ITERATIONS[level] + 2;
        int strip = Math.max(margin, windowPixels / w - 2 * margin);
        for (int y0 = 0; y0 < h; y0 += strip) {
            int y1 = Math.min(h, y0 + strip);
            int e0 = Math.max(0, y0 - margin);
            int e1 = Math.min(h, y1 + margin);
            Planes inWindow = Planes.blank(w, e1 - e0);
            in.read(e0, e1, inWindow.c);
            Planes colWindow = Planes.blank(w, e1 - e0);
            col.read(e0, e1, colWindow.c);
            Planes start = coarse != null ? coarse.upRows(w, h, e0, e1) : difference(colWindow, inWindow);
            Planes solved = new Planes(w, e1 - e0, RegrainRelaxation.relax(inWindow.c, colWindow.c, start.c, w, e1 - e0,
                    level, ITERATIONS[level], smoothness));
            if (level == 0) {
                keepWithinTheLooksReach(solved, colWindow, inWindow);
            }
            out.write(y0, y1, solved.c, inWindow.c, y0 - e0);
        }
    }

    /**
     * Bounds the answer pixel by pixel: each channel of the regrained correction stays within
     * {@link #REACH} times the look's own correction T − I of the largest channel there. So a pixel the
     * look leaves alone (T = I) stays exactly as it was, whatever its neighbours get. The bound scales
     * with T − I, so the answer stays linear in the look's strength.
     */
    private static void keepWithinTheLooksReach(Planes solved, Planes colored, Planes original) {
        float[][] d = solved.c;
        float[][] t = colored.c;
        float[][] i = original.c;
        int n = solved.w * solved.h;
        for (int j = 0; j < n; j++) {
            float d0 = t[0][j] - i[0][j];
            float d1 = t[1][j] - i[1][j];
            float d2 = t[2][j] - i[2][j];
            float reach = REACH * Math.max(Math.abs(d0), Math.max(Math.abs(d1), Math.abs(d2)));
            d[0][j] = Math.max(d0 - reach, Math.min(d0 + reach, d[0][j]));
            d[1][j] = Math.max(d1 - reach, Math.min(d1 + reach, d[1][j]));
            d[2][j] = Math.max(d2 - reach, Math.min(d2 + reach, d[2][j]));
        }
    }

    /** T − I, the correction before any smoothing: the coarsest level's start. */
    private static Planes difference(Planes colored, Planes original) {
        Planes d = Planes.blank(colored.w, colored.h);
        for (int k = 0; k < 3; k++) {
            float[] t = colored.c[k];
            float[] i = original.c[k];
            float[] out = d.c[k];
            for (int j = 0; j < out.length; j++) {
                out[j] = t[j] - i[j];
            }
        }
        return d;
    }

    /** The next coarser level solved, or null at the coarsest (its halves are garbage once it returns). */
    private Planes coarser(Rows in, Rows col, int level) {
        int w2 = (in.w() + 1) / 2;
        int h2 = (in.h() + 1) / 2;
        if (level + 1 >= ITERATIONS.length || w2 <= MIN_LEVEL_SIZE || h2 <= MIN_LEVEL_SIZE) {
            return null;
        }
        Planes coarse = Planes.blank(w2, h2);
        solveLevel(half(in), half(col), level + 1, coarse.sink());
        return coarse;
    }
}
