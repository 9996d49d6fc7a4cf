package app.retone.core.image;

import app.retone.core.color.RgbSpace;
import java.util.Objects;

/**
 * A photo's own values, as its file holds them, in its own colour space: what every render starts
 * from, so nothing is lost to sRGB before the look is applied. Eight bits (packed ARGB: R, G, B
 * and alpha) or sixteen (R, G, B samples per pixel; alpha is the photo's 8-bit one); a grey photo's
 * level is in all three. Shared, not copied: never modify the arrays.
 *
 * @param space   the colour space the values are in ({@link RgbSpace#SRGB} for a photo without a
 *                profile of its own)
 * @param packed8 the 8-bit values, or null
 * @param rgb16   the 16-bit values, or null
 */
public record Samples(RgbSpace space, int[] packed8, short[] rgb16) {

    public Samples {
        Objects.requireNonNull(space);
        if ((packed8 == null) == (rgb16 == null)) {
            throw new IllegalArgumentException("samples are either 8 or 16 bits");
        }
    }

    /** 8-bit sRGB values (the screen's), as most photos are. */
    public static Samples srgb8(int[] argb) {
        return new Samples(RgbSpace.SRGB, argb, null);
    }

    public int bits() {
        return rgb16 != null ? 16 : 8;
    }

    public boolean isDeep() {
        return rgb16 != null;
    }

    public int pixelCount() {
        return packed8 != null ? packed8.length : rgb16.length / 3;
    }

    /**
     * The screen's pixels: these values converted to sRGB 8-bit, clipped to its gamut, as packed
     * ARGB with the alpha of {@code alphaFrom} (opaque when null; the 8-bit samples' own alpha when
     * they are 8 bits). The samples themselves for 8-bit sRGB.
     */
    public int[] toSrgb8(int[] alphaFrom) {
        if (space.isSrgb()) {
            return packed8 != null ? packed8 : DeepPixels.toArgb(rgb16, alphaFrom);
        }
        int n = pixelCount();
        int[] out = new int[n];
        app.retone.core.color.SpaceCodec codec = space.codec(bits());
        app.retone.core.color.SpaceCodec screen = RgbSpace.SRGB.codec(8);
        float[][] m = floats(space.toSrgbLinearMatrix());
        int[] alpha = packed8 != null ? packed8 : alphaFrom;
        java.util.stream.IntStream.range(0, (n + 65535) >> 16).parallel().forEach(chunk -> {
            for (int i = chunk << 16, end = Math.min(n, i + 65536); i < end; i++) {
                float r = codec.linear(0, level(i, 0));
                float g = codec.linear(1, level(i, 1));
                float b = codec.linear(2, level(i, 2));
                int a = alpha == null ? 0xFF000000 : alpha[i] & 0xFF000000;
                out[i] = a | screen.level(0, m[0][0] * r + m[0][1] * g + m[0][2] * b) << 16
                        | screen.level(1, m[1][0] * r + m[1][1] * g + m[1][2] * b) << 8
                        | screen.level(2, m[2][0] * r + m[2][1] * g + m[2][2] * b);
            }
        });
        return out;
    }

    static float[][] floats(double[][] m) {
        float[][] f = new float[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                f[i][j] = (float) m[i][j];
            }
        }
        return f;
    }

    /** Channel c (0 red, 1 green, 2 blue) of pixel i, as a level of {@link #bits()}. */
    public int level(int i, int c) {
        return packed8 != null ? packed8[i] >>> (16 - 8 * c) & 0xFF : rgb16[3 * i + c] & 0xFFFF;
    }
}
