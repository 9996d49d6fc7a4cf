package app.retone.core.image;

import java.util.stream.IntStream;

/** Cropping and area-averaging resampling of packed ARGB pixels. */
public final class Resample {

    /**
     * The pixel count of the fixed-size copy whose histogram the model sees, in training and in
     * the app alike, so that histograms of large and small photos have the same pixel density.
     */
    public static final int MODEL_INPUT_PIXELS = 256 * 256;

    private Resample() {
    }

    /** Width and height of the copy of a {@code w × h} photo that holds about {@code pixels} pixels (never upscaled). */
    public static int[] sizeForPixels(int w, int h, int pixels) {
        double scale = Math.min(1.0, Math.sqrt((double) pixels / ((double) w * h)));
        return new int[] {Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale))};
    }

    /** The photo scaled (down) to about {@code pixels} pixels, by area averaging. */
    public static int[] toPixelCount(int[] argb, int w, int h, int pixels) {
        int[] size = sizeForPixels(w, h, pixels);
        if (size[0] == w && size[1] == h) {
            return argb;
        }
        return crop(argb, w, h, 0, 0, w, h, size[0], size[1]);
    }

    /**
     * Crops the rectangle (x0, y0, cw, ch) and resamples it to tw × th: each output pixel is the
     * area-weighted mean of the source pixels it covers (alpha included), so downscaling never
     * aliases; upscaling repeats pixels.
     */
    public static int[] crop(int[] argb, int w, int h, int x0, int y0, int cw, int ch, int tw, int th) {
        if (x0 < 0 || y0 < 0 || cw <= 0 || ch <= 0 || x0 + cw > w || y0 + ch > h || tw <= 0 || th <= 0) {
            throw new IllegalArgumentException("bad crop " + x0 + "," + y0 + " " + cw + "x" + ch + " of " + w + "x" + h
                    + " to " + tw + "x" + th);
        }
        int[] out = new int[tw * th];
        double sx = (double) cw / tw;
        double sy = (double) ch / th;
        IntStream.range(0, th).parallel().forEach(ty -> {
            double fy0 = y0 + ty * sy;
            double fy1 = fy0 + sy;
            for (int tx = 0; tx < tw; tx++) {
                double fx0 = x0 + tx * sx;
                double fx1 = fx0 + sx;
                double a = 0;
                double r = 0;
                double g = 0;
                double b = 0;
                double area = 0;
                int yStart = (int) fy0;
                int yEnd = Math.min(h, (int) Math.ceil(fy1));
                int xStart = (int) fx0;
                int xEnd = Math.min(w, (int) Math.ceil(fx1));
                for (int y = yStart; y < yEnd; y++) {
                    double wy = Math.min(fy1, y + 1) - Math.max(fy0, y);
                    if (wy <= 0) {
                        continue;
                    }
                    int row = y * w;
                    for (int x = xStart; x < xEnd; x++) {
                        double wx = Math.min(fx1, x + 1) - Math.max(fx0, x);
                        if (wx <= 0) {
                            continue;
                        }
                        double wgt = wx * wy;
                        int p = argb[row + x];
                        a += wgt * (p >>> 24);
                        r += wgt * (p >>> 16 & 0xFF);
                        g += wgt * (p >>> 8 & 0xFF);
                        b += wgt * (p & 0xFF);
                        area += wgt;
                    }
                }
                out[ty * tw + tx] = (int) Math.round(a / area) << 24 | (int) Math.round(r / area) << 16
                        | (int) Math.round(g / area) << 8 | (int) Math.round(b / area);
            }
        });
        return out;
    }
}
