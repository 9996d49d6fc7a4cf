package app.retone.ui.histogram;

import app.retone.core.color.ChannelHistograms;
import java.util.Arrays;

/**
 * The picture of a classic RGB histogram: the red, green and blue histograms over one another
 * with additive colours, as photographers know it (where two channels overlap it is yellow, cyan
 * or magenta, where all three do, grey; a brighter line tops each channel). Levels run from 0 on
 * the left to 255 on the right; the height is the count, scaled so that the tallest level between
 * the ends fills the plot: the piles at 0 and 255 of a clipped photo would otherwise flatten the
 * rest, and they have their own warnings ({@link ChannelHistogramView}). Plain Java: testable
 * without a toolkit.
 */
final class ChannelPlot {

    /** The light a channel adds over the background where its histogram covers a pixel (0..255), and on its top line. */
    static final int FILL = 170;
    static final int LINE = 255;

    private ChannelPlot() {
    }

    /** The plot of {@code histograms} in a {@code width} × {@code height} raster, opaque 0xAARRGGBB, row by row. */
    static int[] render(ChannelHistograms histograms, int width, int height) {
        int[] out = new int[width * height];
        Arrays.fill(out, HistogramBackground.ARGB);
        if (histograms.isEmpty() || width <= 0 || height <= 0) {
            return out;
        }
        double top = tallestBetweenTheEnds(histograms);
        // each channel's height, in pixels (fractional), at each column
        double[][] heights = new double[3][width];
        for (int c = 0; c < 3; c++) {
            int[] counts = histograms.counts(c);
            for (int x = 0; x < width; x++) {
                heights[c][x] = Math.min(height, height * column(counts, x, width) / top);
            }
        }
        int base = HistogramBackground.ARGB;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                double floor = height - y - 1; // this row covers heights floor .. floor + 1 above the bottom
                int pixel = base;
                for (int c = 0; c < 3; c++) {
                    double above = heights[c][x] - floor;
                    if (above > 0) {
                        int light = (int) Math.round((above <= 1 ? LINE : FILL) * Math.min(1, above));
                        pixel = add(pixel, light << (16 - 8 * c));
                    }
                }
                out[y * width + x] = pixel;
            }
        }
        return out;
    }

    /** Adds light channel by channel, each saturating at 255. */
    private static int add(int argb, int rgb) {
        int r = Math.min(255, (argb >> 16 & 0xFF) + (rgb >> 16 & 0xFF));
        int g = Math.min(255, (argb >> 8 & 0xFF) + (rgb >> 8 & 0xFF));
        int b = Math.min(255, (argb & 0xFF) + (rgb & 0xFF));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** The count the plot's full height stands for: the largest of any channel between levels 1 and 254 (at least 1). */
    static double tallestBetweenTheEnds(ChannelHistograms histograms) {
        int top = 1;
        for (int c = 0; c < 3; c++) {
            for (int level = 1; level < ChannelHistograms.LEVELS - 1; level++) {
                top = Math.max(top, histograms.count(c, level));
            }
        }
        return top;
    }

    /**
     * The count a column stands for: in a plot at least 256 wide, the levels' counts interpolated
     * between their centres; in a narrower one, the largest count of the levels that fall into it
     * (so a narrow peak never disappears).
     */
    static double column(int[] counts, int x, int width) {
        int levels = counts.length;
        if (width >= levels) {
            double at = (x + 0.5) * levels / width - 0.5;
            int below = (int) Math.floor(at);
            double t = at - below;
            int lo = Math.max(0, Math.min(levels - 1, below));
            int hi = Math.max(0, Math.min(levels - 1, below + 1));
            return counts[lo] + (counts[hi] - counts[lo]) * t;
        }
        int from = x * levels / width;
        int to = Math.max(from + 1, (x + 1) * levels / width);
        int max = 0;
        for (int level = from; level < to; level++) {
            max = Math.max(max, counts[level]);
        }
        return max;
    }
}
