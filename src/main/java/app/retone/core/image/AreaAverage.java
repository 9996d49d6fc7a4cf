package app.retone.core.image;

/**
 * Three float planes of {@code w × h} reduced to {@code tw × th} by area averaging, as
 * {@link Resample#crop} reduces pixels (the same weights), fed row by row: each output pixel is the
 * area-weighted mean of the input it covers. For a correction computed at full resolution in strips,
 * kept only at the size it is shown.
 */
public final class AreaAverage {

    private final int w;
    private final int h;
    private final int tw;
    private final int th;
    private final double sx;
    private final double sy;
    private final float[][] sums;

    public AreaAverage(int w, int h, int tw, int th) {
        if (w <= 0 || h <= 0 || tw <= 0 || th <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + w + " × " + h + " to " + tw + " × " + th);
        }
        this.w = w;
        this.h = h;
        this.tw = tw;
        this.th = th;
        this.sx = (double) w / tw;
        this.sy = (double) h / th;
        this.sums = new float[3][tw * th];
    }

    /** Rows y0 to y1 of the input, which are rows {@code from} on of {@code planes} (width w). Rows come in any order, each once. */
    public synchronized void add(int y0, int y1, float[][] planes, int from) {
        float[] row = new float[tw];
        for (int y = y0; y < y1; y++) {
            int ty0 = (int) Math.floor(y / sy);
            for (int k = 0; k < 3; k++) {
                float[] plane = planes[k];
                int base = (y - y0 + from) * w;
                for (int tx = 0; tx < tw; tx++) {
                    double fx0 = tx * sx;
                    double fx1 = fx0 + sx;
                    double sum = 0;
                    for (int x = (int) fx0, end = Math.min(w, (int) Math.ceil(fx1)); x < end; x++) {
                        double wx = Math.min(fx1, x + 1) - Math.max(fx0, x);
                        if (wx > 0) {
                            sum += wx * plane[base + x];
                        }
                    }
                    row[tx] = (float) sum;
                }
                for (int ty = Math.max(0, ty0 - 1); ty < th; ty++) {
                    double fy0 = ty * sy;
                    double fy1 = fy0 + sy;
                    if (fy0 >= y + 1) {
                        break;
                    }
                    double wy = Math.min(fy1, y + 1) - Math.max(fy0, y);
                    if (wy <= 0) {
                        continue;
                    }
                    float[] out = sums[k];
                    for (int tx = 0, o = ty * tw; tx < tw; tx++, o++) {
                        out[o] += (float) (wy * row[tx]);
                    }
                }
            }
        }
    }

    /** The averages, three planes of {@code tw × th} (each output pixel's sum over its area divided by that area). */
    public float[][] result() {
        float[][] out = new float[3][tw * th];
        float area = (float) (sx * sy);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < out[k].length; i++) {
                out[k][i] = sums[k][i] / area;
            }
        }
        return out;
    }

    public int width() {
        return tw;
    }

    public int height() {
        return th;
    }
}
