package app.retone.core.color;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A 3D colour lookup table of N × N × N nodes over the RGB cube, each node an RGB colour in
 * [0, 1] (values outside are clamped when applied). Nodes are stored red-fastest, as in
 * {@code .cube} files: node (r, g, b) is at {@code r + N * (g + N * b)}.
 *
 * <p>Immutable. {@link #withStrength} blends towards identity without touching this table.
 */
public final class ColorLut3D {

    public static final int DEFAULT_SIZE = 33;
    public static final int MIN_SIZE = 2;
    /**
     * The largest table Retone makes or accepts, the one bound of {@link PdfTransfer}, the
     * command line's {@code --lut-size} and the tables themselves: a node every 2 of 255 levels,
     * already finer than a transfer learnt from 32 bins per channel can use. The transfer's
     * lattice at 129³ is 2.1 M nodes (about 51 MB of doubles while it moves, a 55 MB .cube).
     */
    public static final int MAX_SIZE = 129;
    private static final int CHUNK = 1 << 16;

    private final int size;
    /** 3 floats per node, red-fastest node order, in [0, 1] units. */
    private final float[] rgb;
    private final boolean identity;

    private ColorLut3D(int size, float[] rgb, boolean identity) {
        this.size = size;
        this.rgb = rgb;
        this.identity = identity;
    }

    /** A table from node colours (3 floats per node, red-fastest). The array is copied. */
    public static ColorLut3D of(int size, float[] nodeRgb) {
        checkSize(size);
        if (nodeRgb.length != 3 * size * size * size) {
            throw new IllegalArgumentException("a " + size + "³ LUT needs " + 3 * size * size * size
                    + " values, got " + nodeRgb.length);
        }
        for (int i = 0; i < nodeRgb.length; i++) {
            if (!Float.isFinite(nodeRgb[i])) {
                throw new IllegalArgumentException("LUT value " + i + " is " + nodeRgb[i]);
            }
        }
        return new ColorLut3D(size, nodeRgb.clone(), false);
    }

    public static ColorLut3D identity(int size) {
        checkSize(size);
        return new ColorLut3D(size, identityNodes(size), true);
    }

    static float[] identityNodes(int size) {
        float[] nodes = new float[3 * size * size * size];
        float step = 1f / (size - 1);
        int i = 0;
        for (int b = 0; b < size; b++) {
            for (int g = 0; g < size; g++) {
                for (int r = 0; r < size; r++) {
                    nodes[i++] = r * step;
                    nodes[i++] = g * step;
                    nodes[i++] = b * step;
                }
            }
        }
        return nodes;
    }

    /**
     * Whether a table of {@code size}³ nodes is one Retone makes or accepts ({@link #MIN_SIZE}..{@link
     * #MAX_SIZE}): the one LUT-size rule of the tables, {@link PdfTransfer}, the command line's
     * {@code --lut-size} and the test-side {@code .cube} reader.
     */
    public static boolean isValidSize(int size) {
        return size >= MIN_SIZE && size <= MAX_SIZE;
    }

    /** {@code size} itself, or an {@link IllegalArgumentException} saying the range. */
    public static int checkSize(int size) {
        if (!isValidSize(size)) {
            throw new IllegalArgumentException(sizeOutOfRange("the LUT size", size));
        }
        return size;
    }

    /** "NAME must be between 2 and 129, got SIZE": the message for a size outside the range. */
    public static String sizeOutOfRange(String name, int size) {
        return name + " must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + size;
    }

    public int size() {
        return size;
    }

    /** True only for a table made as identity (or strength 0): applying it copies the pixels. */
    public boolean isIdentity() {
        return identity;
    }

    /** A copy of the node colours, 3 floats per node, red-fastest. */
    public float[] nodes() {
        return rgb.clone();
    }

    /** The colour of node (r, g, b) as {r, g, b} in [0, 1] units. */
    public float[] node(int r, int g, int b) {
        int i = 3 * (r + size * (g + size * b));
        return new float[] {rgb[i], rgb[i + 1], rgb[i + 2]};
    }

    /**
     * identity + s · (this − identity): 0 gives identity (input pixels back bit-exactly),
     * 1 this table, values above 1 extrapolate.
     */
    public ColorLut3D withStrength(double strength) {
        if (!Double.isFinite(strength) || strength < 0) {
            throw new IllegalArgumentException("strength must be ≥ 0, got " + strength);
        }
        if (strength == 0 || identity) {
            return identity(size);
        }
        if (strength == 1) {
            return this;
        }
        float[] id = identityNodes(size);
        float s = (float) strength;
        float[] out = new float[rgb.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = id[i] + s * (rgb[i] - id[i]);
        }
        return new ColorLut3D(size, out, false);
    }

    /** Applies the table to packed ARGB pixels, returning new ones; alpha passes through. */
    public int[] apply(int[] argb, Interpolation interpolation) {
        int[] out = new int[argb.length];
        apply(argb, out, interpolation);
        return out;
    }

    /** Applies the table from {@code src} into {@code dst} (may be the same array), in parallel. */
    public void apply(int[] src, int[] dst, Interpolation interpolation) {
        if (dst.length < src.length) {
            throw new IllegalArgumentException("destination holds " + dst.length + " pixels, source " + src.length);
        }
        if (identity) {
            if (src != dst) {
                System.arraycopy(src, 0, dst, 0, src.length);
            }
            return;
        }
        LutKernel kernel = new LutKernel(size, rgb);
        int chunks = (src.length + CHUNK - 1) / CHUNK;
        IntStream stream = IntStream.range(0, chunks);
        if (chunks > 1) {
            stream = stream.parallel();
        }
        stream.forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(src.length, from + CHUNK);
            if (interpolation == Interpolation.TETRAHEDRAL) {
                kernel.tetrahedral(src, dst, from, to);
            } else {
                kernel.trilinear(src, dst, from, to);
            }
        });
    }

    /**
     * Applies the table to 16-bit samples (R, G, B per pixel, unsigned in shorts), returning new
     * ones: the table is continuous, so every input level has its own output, interpolated
     * tetrahedrally between the nodes whatever {@code interpolation} the 8-bit path uses.
     */
    public short[] apply16(short[] rgb16) {
        if (rgb16.length % 3 != 0) {
            throw new IllegalArgumentException("16-bit pixels need 3 samples each, got " + rgb16.length);
        }
        if (identity) {
            return rgb16.clone();
        }
        short[] out = new short[rgb16.length];
        int n = size;
        float[] t = new float[rgb.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = rgb[i] * 65535f;
        }
        int pixels = rgb16.length / 3;
        int chunks = (pixels + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            float[] pos = new float[3];
            int[] cell = new int[3];
            for (int i = c * CHUNK, end = Math.min(pixels, i + CHUNK); i < end; i++) {
                for (int k = 0; k < 3; k++) {
                    float p = (rgb16[3 * i + k] & 0xFFFF) * (n - 1) / 65535f;
                    cell[k] = Math.min((int) p, n - 2);
                    pos[k] = p - cell[k];
                }
                int o = 3 * (cell[0] + n * (cell[1] + n * cell[2]));
                int g1 = 3 * n;
                int b1 = 3 * n * n;
                for (int k = 0; k < 3; k++) {
                    float v = LutKernel.tetra(pos[0], pos[1], pos[2], t[o + k], t[o + 3 + k], t[o + g1 + k], t[o + 3 + g1 + k],
                            t[o + b1 + k], t[o + 3 + b1 + k], t[o + g1 + b1 + k], t[o + 3 + g1 + b1 + k]);
                    int q = (int) (v + 0.5f);
                    out[3 * i + k] = (short) (q < 0 ? 0 : Math.min(q, 65535));
                }
            }
        });
        return out;
    }

    /** The same colour transform on a lattice of {@code newSize}³ nodes, each the table's (tetrahedral) value there. */
    public ColorLut3D resampled(int newSize) {
        if (newSize == size) {
            return this;
        }
        if (identity) {
            return identity(newSize);
        }
        float[] nodes = identityNodes(newSize);
        applyExtended(new float[][] {channel(nodes, 0), channel(nodes, 1), channel(nodes, 2)}, nodes, newSize);
        return of(newSize, nodes);
    }

    private static float[] channel(float[] nodes, int c) {
        float[] out = new float[nodes.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes[3 * i + c];
        }
        return out;
    }

    private void applyExtended(float[][] planes, float[] into, int n) {
        int count = planes[0].length;
        applyExtended(planes, 0, count);
        for (int i = 0; i < count; i++) {
            into[3 * i] = planes[0][i];
            into[3 * i + 1] = planes[1][i];
            into[3 * i + 2] = planes[2][i];
        }
    }

    /**
     * Applies the table in place to {@code count} pixels of three float planes from index
     * {@code from}: encoded sRGB values, 1 being white, that may leave [0, 1] (extended range). A
     * value outside the table's cube is looked up at the cube's nearest point and keeps its distance
     * beyond it: LUT(clamp(v)) + (v − clamp(v)), so a colour outside sRGB that the look leaves
     * alone comes out as it went in. Tetrahedral.
     */
    public void applyExtended(float[][] planes, int from, int count) {
        if (identity) {
            return;
        }
        int n = size;
        int g1 = 3 * n;
        int b1 = 3 * n * n;
        float[] t = rgb;
        float[] r = planes[0];
        float[] g = planes[1];
        float[] b = planes[2];
        for (int i = from, end = from + count; i < end; i++) {
            float vr = r[i];
            float vg = g[i];
            float vb = b[i];
            float cr = vr < 0 ? 0 : Math.min(vr, 1f);
            float cg = vg < 0 ? 0 : Math.min(vg, 1f);
            float cb = vb < 0 ? 0 : Math.min(vb, 1f);
            float pr = cr * (n - 1);
            float pg = cg * (n - 1);
            float pb = cb * (n - 1);
            int ir = Math.min((int) pr, n - 2);
            int ig = Math.min((int) pg, n - 2);
            int ib = Math.min((int) pb, n - 2);
            float fr = pr - ir;
            float fg = pg - ig;
            float fb = pb - ib;
            int o = 3 * ir + g1 * ig + b1 * ib;
            r[i] = LutKernel.tetra(fr, fg, fb, t[o], t[o + 3], t[o + g1], t[o + 3 + g1], t[o + b1], t[o + 3 + b1],
                    t[o + g1 + b1], t[o + 3 + g1 + b1]) + (vr - cr);
            g[i] = LutKernel.tetra(fr, fg, fb, t[o + 1], t[o + 4], t[o + g1 + 1], t[o + 4 + g1], t[o + b1 + 1], t[o + 4 + b1],
                    t[o + g1 + b1 + 1], t[o + 4 + g1 + b1]) + (vg - cg);
            b[i] = LutKernel.tetra(fr, fg, fb, t[o + 2], t[o + 5], t[o + g1 + 2], t[o + 5 + g1], t[o + b1 + 2], t[o + 5 + b1],
                    t[o + g1 + b1 + 2], t[o + 5 + g1 + b1]) + (vb - cb);
        }
    }

    /**
     * The interpolated colour of every pixel, 3 floats per pixel in 8-bit units, neither rounded
     * nor clamped (for {@link StrengthPreview}, which blends before it rounds).
     */
    float[] applyUnrounded(int[] src, Interpolation interpolation) {
        float[] out = new float[3 * src.length];
        LutKernel kernel = new LutKernel(size, rgb);
        int chunks = (src.length + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(src.length, from + CHUNK);
            float[] rgbOut = new float[3];
            for (int i = from; i < to; i++) {
                int p = src[i];
                kernel.sample(p >>> 16 & 0xFF, p >>> 8 & 0xFF, p & 0xFF, interpolation, rgbOut);
                out[3 * i] = rgbOut[0];
                out[3 * i + 1] = rgbOut[1];
                out[3 * i + 2] = rgbOut[2];
            }
        });
        return out;
    }

    /** The colour for one 8-bit RGB triple, as {r, g, b} in 8-bit units before rounding. */
    public float[] lookup(int r, int g, int b, Interpolation interpolation) {
        LutKernel kernel = new LutKernel(size, rgb);
        float[] rgbOut = new float[3];
        kernel.sample(r, g, b, interpolation, rgbOut);
        return rgbOut;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorLut3D l && l.size == size && Arrays.equals(l.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "ColorLut3D[" + size + "³" + (identity ? ", identity" : "") + "]";
    }
}
