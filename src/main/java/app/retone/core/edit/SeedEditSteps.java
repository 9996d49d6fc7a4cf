package app.retone.core.edit;

import java.util.SplittableRandom;

/**
 * The steps of the seed's edits ({@link RandomEdits}) with PIL 9's integer and float arithmetic:
 * {@link #contrast}, {@link #gamma}, {@link #hsv} (saturation by hue and brightness curve in PIL's
 * HSV), {@link #spill}, {@link #noise}; {@link EditParameters#apply} runs them in the seed's order.
 * Each step is tested pixel for pixel against the seed's own recorded run (the noise by its
 * statistics): {@code src/test/resources/app/retone/core/edit/seed-edits/}.
 */
final class SeedEditSteps {

    private SeedEditSteps() {
    }

    /** PIL's ImageEnhance.Contrast: a blend from a flat grey at {@link #lumaMeanGrey} to the photo by factor. */
    static int[] contrast(int[] argb, double factor) {
        return contrast(argb, factor, lumaMeanGrey(argb));
    }

    /** PIL's {@code Image.blend(grey, photo, factor)}. */
    static int[] contrast(int[] argb, double factor, int grey) {
        float alpha = (float) factor;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | blend(grey, p >>> 16 & 0xFF, alpha) << 16 | blend(grey, p >>> 8 & 0xFF, alpha) << 8
                    | blend(grey, p & 0xFF, alpha);
        }
        return out;
    }

    /** int(mean of PIL's L + 0.5), L = (R·19595 + G·38470 + B·7471 + 0x8000) >> 16, as ImageEnhance.Contrast. */
    static int lumaMeanGrey(int[] argb) {
        long sum = 0;
        for (int p : argb) {
            sum += ((p >>> 16 & 0xFF) * 19595 + (p >>> 8 & 0xFF) * 38470 + (p & 0xFF) * 7471 + 0x8000) >> 16;
        }
        return (int) ((double) sum / argb.length + 0.5);
    }

    /**
     * PIL's ImagingBlend on one 8-bit value, in C float: in1 + α·(in2 − in1), truncated for 0 ≤ α ≤ 1,
     * otherwise clipped to 0..255 and then truncated.
     */
    static int blend(int in1, int in2, float alpha) {
        float v = in1 + alpha * (in2 - in1);
        if (alpha >= 0 && alpha <= 1) {
            return (int) v;
        }
        return v <= 0 ? 0 : (v >= 255 ? 255 : (int) v);
    }

    /** PIL's {@code point(lambda x: (x / 255) ** gamma * 255)} on each channel. */
    static int[] gamma(int[] argb, double gamma) {
        int[] table = gammaTable(gamma);
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | table[p >>> 16 & 0xFF] << 16 | table[p >>> 8 & 0xFF] << 8 | table[p & 0xFF];
        }
        return out;
    }

    /** The 256 entries as PIL 9 makes them: Python's round (half to even), then clipped to 0..255. */
    static int[] gammaTable(double gamma) {
        int[] table = new int[256];
        for (int x = 0; x < 256; x++) {
            table[x] = clip8((long) Math.rint(StrictMath.pow(x / 255.0, gamma) * 255));
        }
        return table;
    }

    /**
     * The seed's HSV step: PIL's RGB to HSV, S ← round(S · saturationByHue[H]) (half to even) and
     * V ← brightnessLut[V], both clipped to 0..255, and PIL's HSV to RGB. A null table leaves its channel.
     */
    static int[] hsv(int[] argb, double[] saturationByHue, int[] brightnessLut) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int hsv = rgbToHsv(p >>> 16 & 0xFF, p >>> 8 & 0xFF, p & 0xFF);
            int h = hsv >>> 16;
            int s = hsv >>> 8 & 0xFF;
            int v = hsv & 0xFF;
            if (saturationByHue != null) {
                s = clip8((long) Math.rint(s * saturationByHue[h]));
            }
            if (brightnessLut != null) {
                v = clip8(brightnessLut[v]);
            }
            out[i] = p & 0xFF000000 | hsvToRgb(h, s, v);
        }
        return out;
    }

    /** Pillow's rgb2hsv_row (Convert.c), with its float and double arithmetic: H, S, V packed 0xHHSSVV. */
    static int rgbToHsv(int r, int g, int b) {
        int maxc = Math.max(r, Math.max(g, b));
        int minc = Math.min(r, Math.min(g, b));
        if (minc == maxc) {
            return maxc;
        }
        float cr = maxc - minc;
        float s = cr / maxc;
        float rc = (maxc - r) / cr;
        float gc = (maxc - g) / cr;
        float bc = (maxc - b) / cr;
        float h;
        if (r == maxc) {
            h = bc - gc;
        } else if (g == maxc) {
            h = (float) (2.0 + rc - bc);
        } else {
            h = (float) (4.0 + gc - rc);
        }
        h = (float) ((h / 6.0 + 1.0) % 1.0); // C fmod
        int uh = clip8((int) (h * 255.0));
        int us = clip8((int) (s * 255.0));
        return uh << 16 | us << 8 | maxc;
    }

    /** Pillow's hsv2rgb (Convert.c), with its float and double arithmetic and C round: RGB packed 0xRRGGBB. */
    static int hsvToRgb(int h, int s, int v) {
        if (s == 0) {
            return v << 16 | v << 8 | v;
        }
        double h6 = (float) h * 6.0 / 255.0;
        int i = (int) Math.floor(h6);
        float f = (float) (h6 - (float) i);
        float fs = (float) (s / 255.0);
        int up = clip8(cRound(v * (1.0 - fs)));
        int uq = clip8(cRound(v * (1.0 - fs * f))); // fs · f in float, as in C
        int ut = clip8(cRound(v * (1.0 - fs * (1.0 - f))));
        return switch (i % 6) {
            case 0 -> v << 16 | ut << 8 | up;
            case 1 -> uq << 16 | v << 8 | up;
            case 2 -> up << 16 | v << 8 | ut;
            case 3 -> up << 16 | uq << 8 | v;
            case 4 -> ut << 16 | up << 8 | v;
            default -> v << 16 | up << 8 | uq;
        };
    }

    /** PIL's {@code convert("RGB", matrix)} with a diagonal matrix: in C float, m·in + 0.5, clipped, truncated. */
    static int[] spill(int[] argb, double[] spill) {
        float mr = (float) spill[0];
        float mg = (float) spill[1];
        float mb = (float) spill[2];
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | clipF(mr * (p >>> 16 & 0xFF)) << 16 | clipF(mg * (p >>> 8 & 0xFF)) << 8
                    | clipF(mb * (p & 0xFF));
        }
        return out;
    }

    private static int clipF(float product) {
        float v = (float) (product + 0.5); // "+ 0.5" is a double in Pillow's C, stored back to a float
        return v <= 0 ? 0 : (v >= 255 ? 255 : (int) v);
    }

    /**
     * PIL's {@code Image.blend(photo, noise, alpha)} with a uniform random RGB noise image (0..255 per channel
     * and pixel), the noise drawn from seed.
     */
    static int[] noise(int[] argb, double alpha, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float a = (float) alpha;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = blend(p >>> 16 & 0xFF, random.nextInt(256), a);
            int g = blend(p >>> 8 & 0xFF, random.nextInt(256), a);
            int b = blend(p & 0xFF, random.nextInt(256), a);
            out[i] = p & 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** C's round(): half away from zero. */
    private static long cRound(double v) {
        return v >= 0 ? Math.round(v) : -Math.round(-v);
    }

    private static int clip8(long v) {
        return v <= 0 ? 0 : (v >= 255 ? 255 : (int) v);
    }
}
