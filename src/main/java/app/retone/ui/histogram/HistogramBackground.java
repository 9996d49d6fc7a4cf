package app.retone.ui.histogram;

import javafx.scene.paint.Color;

/**
 * The background of the histogram panels, the one home of its colour: the 3D cloud's, whichever
 * draws it ({@link HistogramView}, {@link CloudScene3D}, {@link CloudRasterizer}), and the RGB
 * histogram's ({@link ChannelHistogramView}, {@link ChannelPlot}).
 */
final class HistogramBackground {

    /** Opaque 0xAARRGGBB, for the rasters drawn in software. */
    static final int ARGB = 0xFF1E1E1E;
    /** The same, for nodes. */
    static final Color COLOR = Color.rgb(ARGB >> 16 & 0xFF, ARGB >> 8 & 0xFF, ARGB & 0xFF);

    private HistogramBackground() {
    }
}
