package app.retone.ui.editor;

import app.retone.core.color.Histogram3D;

/**
 * What the 3D histogram panel should draw: one histogram, or two overlaid (the first in grey,
 * the second in colour), and a caption saying what it is.
 */
public record HistogramSelection(Histogram3D first, Histogram3D second, String caption) {

    public static final HistogramSelection NONE = new HistogramSelection(null, null, "No histogram yet");

    public boolean isEmpty() {
        return first == null;
    }

    public boolean isOverlay() {
        return first != null && second != null;
    }
}
