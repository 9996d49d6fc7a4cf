package app.retone.core.color;

import java.util.Arrays;

/**
 * The classic photographer's histogram: for each of red, green and blue, how many pixels have each
 * of the 256 levels, and how many sit at the ends, where detail is lost (clipped): at 0 in the
 * shadows, at 255 in the highlights. Pixels with alpha below 128 are not counted, as in
 * {@link Histogram3D}.
 *
 * <p>The clipping rule has its home here: an end counts as clipped when more than
 * {@link #CLIPPING_SHARE} of the pixels have at least one channel there ({@link #shadowsClipped},
 * {@link #highlightsClipped}). A few stray pixels at 0 or 255 are in every photo and say
 * nothing; a thousandth of the frame is a patch a photographer can see.
 *
 * <p>Immutable.
 */
public final class ChannelHistograms {

    public static final int LEVELS = 256;
    /** Share of the pixels with a channel at an end above which that end counts as clipped: 0.1 %. */
    public static final double CLIPPING_SHARE = 0.001;
    public static final int RED = 0;
    public static final int GREEN = 1;
    public static final int BLUE = 2;

    public static final ChannelHistograms EMPTY = new ChannelHistograms(new int[3 * LEVELS], 0, 0, 0);

    /** counts[channel * LEVELS + level] */
    private final int[] counts;
    private final int pixels;
    private final int anyAtZero;
    private final int anyAtFull;

    private ChannelHistograms(int[] counts, int pixels, int anyAtZero, int anyAtFull) {
        this.counts = counts;
        this.pixels = pixels;
        this.anyAtZero = anyAtZero;
        this.anyAtFull = anyAtFull;
    }

    /** The histograms of the first {@code count} pixels of {@code argb} (0xAARRGGBB). */
    public static ChannelHistograms of(int[] argb, int count) {
        if (count < 0 || count > argb.length) {
            throw new IllegalArgumentException("count " + count + " for " + argb.length + " pixels");
        }
        int[] counts = new int[3 * LEVELS];
        int pixels = 0;
        int anyAtZero = 0;
        int anyAtFull = 0;
        for (int i = 0; i < count; i++) {
            int p = argb[i];
            if ((p >>> 24) < 128) {
                continue;
            }
            int r = p >>> 16 & 0xFF;
            int g = p >>> 8 & 0xFF;
            int b = p & 0xFF;
            counts[r]++;
            counts[LEVELS + g]++;
            counts[2 * LEVELS + b]++;
            pixels++;
            if (r == 0 || g == 0 || b == 0) {
                anyAtZero++;
            }
            if (r == 255 || g == 255 || b == 255) {
                anyAtFull++;
            }
        }
        return new ChannelHistograms(counts, pixels, anyAtZero, anyAtFull);
    }

    /** Pixels counted (opaque enough). */
    public int pixels() {
        return pixels;
    }

    public boolean isEmpty() {
        return pixels == 0;
    }

    /** Pixels whose {@code channel} ({@link #RED}, {@link #GREEN}, {@link #BLUE}) is at {@code level}. */
    public int count(int channel, int level) {
        return counts[checkChannel(channel) * LEVELS + level];
    }

    /** One channel's 256 counts, a copy. */
    public int[] counts(int channel) {
        int from = checkChannel(channel) * LEVELS;
        return Arrays.copyOfRange(counts, from, from + LEVELS);
    }

    /** Share of the pixels with {@code channel} at 0. */
    public double shadowShare(int channel) {
        return share(count(channel, 0));
    }

    /** Share of the pixels with {@code channel} at 255. */
    public double highlightShare(int channel) {
        return share(count(channel, LEVELS - 1));
    }

    /** Share of the pixels with at least one channel at 0. */
    public double shadowShare() {
        return share(anyAtZero);
    }

    /** Share of the pixels with at least one channel at 255. */
    public double highlightShare() {
        return share(anyAtFull);
    }

    /** Whether more than {@link #CLIPPING_SHARE} of the pixels have a channel at 0. */
    public boolean shadowsClipped() {
        return shadowShare() > CLIPPING_SHARE;
    }

    /** Whether more than {@link #CLIPPING_SHARE} of the pixels have a channel at 255. */
    public boolean highlightsClipped() {
        return highlightShare() > CLIPPING_SHARE;
    }

    /** Whether {@code channel} alone clips in the shadows (more than {@link #CLIPPING_SHARE} at 0). */
    public boolean shadowsClipped(int channel) {
        return shadowShare(channel) > CLIPPING_SHARE;
    }

    /** Whether {@code channel} alone clips in the highlights (more than {@link #CLIPPING_SHARE} at 255). */
    public boolean highlightsClipped(int channel) {
        return highlightShare(channel) > CLIPPING_SHARE;
    }

    private double share(int n) {
        return pixels == 0 ? 0 : (double) n / pixels;
    }

    private static int checkChannel(int channel) {
        if (channel < RED || channel > BLUE) {
            throw new IllegalArgumentException("channel " + channel);
        }
        return channel;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ChannelHistograms[%d pixels, shadows %.3f%%, highlights %.3f%%]",
                pixels, 100 * shadowShare(), 100 * highlightShare());
    }
}
