package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The classic per-channel histograms and their clipping, counted exactly. */
class ChannelHistogramsTest {

    private static int rgb(int r, int g, int b) {
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Test
    void eachChannelCountsItsOwnLevels() {
        int[] pixels = {rgb(10, 20, 30), rgb(10, 200, 30), rgb(255, 20, 0), 0x40FFFFFF /* transparent: not counted */};
        ChannelHistograms h = ChannelHistograms.of(pixels, pixels.length);
        assertEquals(3, h.pixels());
        assertEquals(2, h.count(ChannelHistograms.RED, 10));
        assertEquals(1, h.count(ChannelHistograms.RED, 255));
        assertEquals(2, h.count(ChannelHistograms.GREEN, 20));
        assertEquals(1, h.count(ChannelHistograms.GREEN, 200));
        assertEquals(2, h.count(ChannelHistograms.BLUE, 30));
        assertEquals(1, h.count(ChannelHistograms.BLUE, 0));
        for (int c = 0; c < 3; c++) {
            assertEquals(3, Arrays.stream(h.counts(c)).sum(), "every counted pixel once per channel");
        }
        int[] red = h.counts(ChannelHistograms.RED);
        red[10] = 99;
        assertEquals(2, h.count(ChannelHistograms.RED, 10), "counts() is a copy");
    }

    @Test
    void onlyTheFirstCountPixelsAreCounted() {
        int[] pixels = {rgb(1, 1, 1), rgb(2, 2, 2), rgb(3, 3, 3)};
        assertEquals(2, ChannelHistograms.of(pixels, 2).pixels());
        assertEquals(0, ChannelHistograms.of(pixels, 2).count(0, 3));
        assertThrows(IllegalArgumentException.class, () -> ChannelHistograms.of(pixels, 4));
    }

    @Test
    void sharesAtTheEndsPerChannelAndForAnyChannel() {
        int[] pixels = new int[1000];
        Arrays.fill(pixels, rgb(128, 128, 128));
        for (int i = 0; i < 30; i++) {
            pixels[i] = rgb(255, 128, 128); // 3 % with red at 255
        }
        for (int i = 30; i < 40; i++) {
            pixels[i] = rgb(128, 255, 255); // 1 % with green and blue at 255
        }
        pixels[40] = rgb(0, 0, 128); // 0.1 % in the shadows, red and green
        ChannelHistograms h = ChannelHistograms.of(pixels, pixels.length);
        assertEquals(0.03, h.highlightShare(ChannelHistograms.RED), 1e-12);
        assertEquals(0.01, h.highlightShare(ChannelHistograms.GREEN), 1e-12);
        assertEquals(0.01, h.highlightShare(ChannelHistograms.BLUE), 1e-12);
        assertEquals(0.04, h.highlightShare(), 1e-12, "pixels with any channel at 255, each once");
        assertEquals(0.001, h.shadowShare(), 1e-12);
        assertEquals(0.001, h.shadowShare(ChannelHistograms.RED), 1e-12);
        assertEquals(0, h.shadowShare(ChannelHistograms.BLUE), 1e-12);
        assertTrue(h.highlightsClipped());
        assertTrue(h.highlightsClipped(ChannelHistograms.RED));
        assertFalse(h.shadowsClipped(), "exactly the share is not yet clipping: more than it is");
    }

    @Test
    void clippingLightsJustAboveItsShare() {
        int n = 100_000;
        int atShare = (int) Math.round(ChannelHistograms.CLIPPING_SHARE * n);
        assertFalse(withWhite(n, atShare).highlightsClipped());
        assertTrue(withWhite(n, atShare + 1).highlightsClipped());
        assertFalse(withWhite(n, 0).highlightsClipped());
        assertFalse(withWhite(n, atShare + 1).shadowsClipped());
    }

    @Test
    void anEmptyHistogramHasNoShares() {
        ChannelHistograms empty = ChannelHistograms.of(new int[] {0x00FFFFFF}, 1);
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.highlightShare());
        assertFalse(empty.highlightsClipped());
        assertArrayEquals(new int[ChannelHistograms.LEVELS], ChannelHistograms.EMPTY.counts(ChannelHistograms.BLUE));
        assertThrows(IllegalArgumentException.class, () -> empty.count(3, 0));
    }

    private static ChannelHistograms withWhite(int n, int white) {
        int[] pixels = new int[n];
        Arrays.fill(pixels, rgb(90, 120, 150));
        Arrays.fill(pixels, 0, white, rgb(255, 255, 255));
        return ChannelHistograms.of(pixels, n);
    }
}
