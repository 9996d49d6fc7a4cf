package app.retone.ui.editor;

import app.retone.core.color.ChannelHistograms;

/**
 * The histogram panel's classic RGB histogram: the 256-level histograms of each channel with their
 * clipping, and what they are of ("Result", "Source"). Made in the background with the 3D points.
 */
public record RgbHistogram(ChannelHistograms channels, String of) {

    public static final RgbHistogram NONE = new RgbHistogram(ChannelHistograms.EMPTY, "");
}
