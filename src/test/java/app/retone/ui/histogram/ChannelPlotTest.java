package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ChannelHistograms;
import app.retone.testing.Pixels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The RGB histogram's picture, without a toolkit: additive colours, its scale, its columns. */
class ChannelPlotTest {

    private static final int W = 256;
    private static final int H = 60;

    private static int rgb(int r, int g, int b) {
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** 100 pixels: red and green at 64 (blue at 192), then 50 grey at 128. */
    private static ChannelHistograms histograms() {
        int[] pixels = new int[150];
        Arrays.fill(pixels, 0, 100, rgb(64, 64, 192));
        Arrays.fill(pixels, 100, 150, rgb(128, 128, 128));
        return ChannelHistograms.of(pixels, pixels.length);
    }

    @Test
    void channelsThatOverlapAddTheirColours() {
        int[] plot = ChannelPlot.render(histograms(), W, H);
        int bottom = (H - 1) * W;
        int base = HistogramBackground.ARGB & 0xFF;
        int redAndGreen = plot[bottom + 64];
        assertEquals(base + ChannelPlot.FILL, Pixels.r(redAndGreen), "red and green add up to yellow");
        assertEquals(base + ChannelPlot.FILL, Pixels.g(redAndGreen));
        assertEquals(base, Pixels.b(redAndGreen));
        int blue = plot[bottom + 192];
        assertEquals(base, Pixels.r(blue));
        assertEquals(base + ChannelPlot.FILL, Pixels.b(blue));
        int all = plot[bottom + 128];
        assertTrue(Pixels.r(all) == Pixels.g(all) && Pixels.g(all) == Pixels.b(all) && Pixels.r(all) > base, "all three: grey");
        assertEquals(HistogramBackground.ARGB, plot[bottom + 10], "where no channel has pixels, the background");
    }

    @Test
    void theTallestLevelBetweenTheEndsFillsThePlotAndHalfAsManyHalfOfIt() {
        int[] plot = ChannelPlot.render(histograms(), W, H);
        assertTrue(Pixels.r(plot[64]) > 0x1E, "100 pixels at 64: the top row");
        assertTrue(Pixels.r(plot[(H / 2 - 2) * W + 128]) == 0x1E, "50 at 128: not above half");
        assertTrue(Pixels.r(plot[(H / 2 + 2) * W + 128]) > 0x1E, "but up to it");
    }

    @Test
    void aPileAtAnEndDoesNotFlattenTheRest() {
        int[] pixels = new int[10_100];
        Arrays.fill(pixels, 0, 100, rgb(100, 100, 100));
        Arrays.fill(pixels, 100, pixels.length, rgb(255, 255, 255)); // a blown sky: 10,000 at 255
        ChannelHistograms h = ChannelHistograms.of(pixels, pixels.length);
        assertEquals(100, ChannelPlot.tallestBetweenTheEnds(h));
        int[] plot = ChannelPlot.render(h, W, H);
        assertTrue(Pixels.r(plot[100]) > 0x1E, "the 100 pixels at 100 still reach the top");
        assertTrue(Pixels.r(plot[255]) > 0x1E, "the pile at 255 is cut at the top");
    }

    @Test
    void aNarrowPlotKeepsANarrowPeakAndAWideOneInterpolates() {
        int[] counts = new int[256];
        counts[101] = 40;
        assertEquals(40, ChannelPlot.column(counts, 25, 64), 0, "columns of 4 levels each: 100..103 holds the peak");
        assertEquals(0, ChannelPlot.column(counts, 24, 64), 0);
        counts[100] = 20;
        counts[101] = 40;
        // 512 wide, two columns a level: column 201's centre lies a quarter of the way from level 100's centre to 101's
        assertEquals(25, ChannelPlot.column(counts, 201, 512), 1e-9);
        assertEquals(35, ChannelPlot.column(counts, 202, 512), 1e-9);
    }

    @Test
    void noPhotoIsAnEmptyPlot() {
        int[] plot = ChannelPlot.render(ChannelHistograms.EMPTY, W, H);
        assertTrue(Arrays.stream(plot).allMatch(p -> p == HistogramBackground.ARGB));
    }
}
