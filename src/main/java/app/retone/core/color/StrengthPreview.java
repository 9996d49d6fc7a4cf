package app.retone.core.color;

import java.util.stream.IntStream;

/**
 * Repaints a preview at any strength without interpolating the LUT again.
 *
 * <p>Interpolation is linear in the node values, so applying identity + s·(LUT − identity) to a
 * pixel p gives p + s·(LUT(p) − p). The differences LUT(p) − p are computed once (in fixed point,
 * 1/64 of a level) when the LUT arrives; a slider move is then three multiply-adds per pixel.
 * Strength 0 gives the input back exactly.
 */
public final class StrengthPreview {

    private static final int FRACTION_BITS = 6;
    private static final int CHUNK = 1 << 16;
    /** Keeps delta · strength inside an int. */
    public static final double MAX_STRENGTH = 4.0;

    private final int[] source;
    /** Per pixel: the red, green and blue difference LUT(p) − p, in 1/64 levels. */
    private final short[] delta;

    public StrengthPreview(int[] source, ColorLut3D lut, Interpolation interpolation) {
        this(source, lut.isIdentity() ? null : lut.applyUnrounded(source, interpolation));
    }

    /**
     * The same with regrain: the correction is the look's, LUT(p) − p, regrained as the export
     * regrains it ({@link Regrain}, at this copy's own scale). Regrain's correction is linear in the
     * look's change, so the result at strength s is p + s · regrained correction, as exact at every
     * strength as the plain repaint is.
     */
    public static StrengthPreview regrained(int[] source, int width, int height, ColorLut3D lut, Interpolation interpolation,
                                            Regrain regrain) {
        if (lut.isIdentity()) {
            return new StrengthPreview(source, null);
        }
        float[] looked = lut.applyUnrounded(source, interpolation);
        float[] result = new float[looked.length];
        Regrain.Rows original = rows(width, height, (i, planes, j) -> {
            int p = source[i];
            planes[0][j] = (p >>> 16 & 0xFF) / 255f;
            planes[1][j] = (p >>> 8 & 0xFF) / 255f;
            planes[2][j] = (p & 0xFF) / 255f;
        });
        Regrain.Rows colored = rows(width, height, (i, planes, j) -> {
            planes[0][j] = looked[3 * i] / 255f;
            planes[1][j] = looked[3 * i + 1] / 255f;
            planes[2][j] = looked[3 * i + 2] / 255f;
        });
        regrain.apply(original, colored, (y0, y1, correction, before, from) -> {
            for (int y = y0; y < y1; y++) {
                for (int x = 0, i = y * width, j = (y - y0 + from) * width; x < width; x++, i++, j++) {
                    int p = source[i];
                    result[3 * i] = (p >>> 16 & 0xFF) + 255f * correction[0][j];
                    result[3 * i + 1] = (p >>> 8 & 0xFF) + 255f * correction[1][j];
                    result[3 * i + 2] = (p & 0xFF) + 255f * correction[2][j];
                }
            }
        });
        return new StrengthPreview(source, result);
    }

    /**
     * A repaint of {@code source} whose full correction (at strength 1) is known already, three
     * planes in [0, 1] units: the result at strength s is p + s · correction.
     */
    public static StrengthPreview ofCorrection(int[] source, float[][] correction) {
        float[] exact = new float[3 * source.length];
        for (int i = 0; i < source.length; i++) {
            int p = source[i];
            exact[3 * i] = (p >>> 16 & 0xFF) + 255f * correction[0][i];
            exact[3 * i + 1] = (p >>> 8 & 0xFF) + 255f * correction[1][i];
            exact[3 * i + 2] = (p & 0xFF) + 255f * correction[2][i];
        }
        return new StrengthPreview(source, exact);
    }

    private interface PixelReader {
        void read(int i, float[][] planes, int j);
    }

    private static Regrain.Rows rows(int width, int height, PixelReader reader) {
        return new Regrain.Rows() {
            @Override
            public int w() {
                return width;
            }

            @Override
            public int h() {
                return height;
            }

            @Override
            public void read(int y0, int y1, float[][] into) {
                for (int i = y0 * width, j = 0, end = y1 * width; i < end; i++, j++) {
                    reader.read(i, into, j);
                }
            }
        };
    }

    /** From the full result at strength 1 per pixel (3 floats in 8-bit units, unrounded), or null for none. */
    private StrengthPreview(int[] source, float[] exact) {
        this.source = source;
        this.delta = new short[3 * source.length];
        if (exact == null) {
            return;
        }
        int chunks = (source.length + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(source.length, from + CHUNK);
            float scale = 1 << FRACTION_BITS;
            for (int i = from; i < to; i++) {
                int p = source[i];
                delta[3 * i] = saturate((exact[3 * i] - (p >>> 16 & 0xFF)) * scale);
                delta[3 * i + 1] = saturate((exact[3 * i + 1] - (p >>> 8 & 0xFF)) * scale);
                delta[3 * i + 2] = saturate((exact[3 * i + 2] - (p & 0xFF)) * scale);
            }
        });
    }

    /** Differences beyond ±511 levels (a LUT far outside 0..1) saturate; the result is clamped anyway. */
    private static short saturate(float v) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }

    public int pixelCount() {
        return source.length;
    }

    /** Writes the preview at {@code strength} (0..1.5 or more) into {@code dst}; alpha passes through. */
    public void render(double strength, int[] dst) {
        if (dst.length < source.length) {
            throw new IllegalArgumentException("destination holds " + dst.length + " pixels, need " + source.length);
        }
        if (!(strength >= 0) || strength > MAX_STRENGTH) {
            throw new IllegalArgumentException("strength must be in 0.." + MAX_STRENGTH + ", got " + strength);
        }
        // strength in 1/1024 steps; the product then carries FRACTION_BITS + 10 fraction bits
        int s = (int) Math.round(strength * 1024);
        int shift = FRACTION_BITS + 10;
        int half = 1 << (shift - 1);
        int chunks = (source.length + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(source.length, from + CHUNK);
            for (int i = from; i < to; i++) {
                int p = source[i];
                int r = (p >>> 16 & 0xFF) + ((delta[3 * i] * s + half) >> shift);
                int g = (p >>> 8 & 0xFF) + ((delta[3 * i + 1] * s + half) >> shift);
                int b = (p & 0xFF) + ((delta[3 * i + 2] * s + half) >> shift);
                r = r < 0 ? 0 : (r > 255 ? 255 : r);
                g = g < 0 ? 0 : (g > 255 ? 255 : g);
                b = b < 0 ? 0 : (b > 255 ? 255 : b);
                dst[i] = (p & 0xFF000000) | r << 16 | g << 8 | b;
            }
        });
    }
}
