package app.retone.ui.editor;

import app.retone.core.color.Histogram3D;

/**
 * What the histogram panel should draw: in 3D, one histogram, or two overlaid (the first in grey,
 * the second in colour), and a caption saying what it is; in 2D, the RGB histogram of
 * {@code pixels} (a display-sized frame: the result on screen, or the source), named by
 * {@code pixelsOf}.
 *
 * @param pixels   null when there is no photo
 * @param pixelsOf what {@code pixels} are, for the 2D histogram's caption ("Result", "Source")
 */
public record HistogramSelection(Histogram3D first, Histogram3D second, String caption, BlendFrame pixels,
                                 String pixelsOf) {

    public static final HistogramSelection NONE = new HistogramSelection(null, null, "No histogram yet", null, "");

    public boolean isEmpty() {
        return first == null;
    }

    public boolean isOverlay() {
        return first != null && second != null;
    }
}
