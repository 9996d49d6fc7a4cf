package app.retone.core.image;

import java.util.stream.IntStream;

/** Conversions between 16-bit samples (R, G, B per pixel, unsigned in shorts) and packed 8-bit ARGB. */
public final class DeepPixels {

    private DeepPixels() {
    }

    /** 8-bit pixels rounded from 16-bit samples, with the alpha of {@code alphaFrom} (opaque if null). */
    public static int[] toArgb(short[] deep, int[] alphaFrom) {
        int n = deep.length / 3;
        int[] out = new int[n];
        IntStream.range(0, (n + 65535) >> 16).parallel().forEach(chunk -> {
            for (int i = chunk << 16, end = Math.min(n, i + 65536); i < end; i++) {
                int a = alphaFrom == null ? 0xFF000000 : alphaFrom[i] & 0xFF000000;
                out[i] = a | to8(deep[3 * i]) << 16 | to8(deep[3 * i + 1]) << 8 | to8(deep[3 * i + 2]);
            }
        });
        return out;
    }

    /** 65535 → 255, rounded to nearest (v / 257). */
    static int to8(short sample) {
        return ((sample & 0xFFFF) * 255 + 32767) / 65535;
    }
}
