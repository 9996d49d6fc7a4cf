package app.retone.ui.editor;

import app.retone.core.color.Histogram3D;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The slider's path: the display copy's result at the current strength, a blend of frames
 * rendered ahead for the screen to mix (or, for a photo with transparency, a repaint of the
 * display copy), and the result's histogram; no prediction, no full resolution.
 */
public final class PreviewViewModel {

    private final ReadOnlyObjectWrapper<BlendFrame> after = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram3D> resultHistogram = new ReadOnlyObjectWrapper<>();
    private int[] smallBuffer;

    PreviewViewModel() {
    }

    /**
     * The result at the current strength, display-sized (the original until a look is ready): two
     * frames rendered ahead and the opacity that mixes them, so a slider move repaints nothing.
     */
    public ReadOnlyObjectProperty<BlendFrame> afterProperty() {
        return after.getReadOnlyProperty();
    }

    /** The result's histogram, of the model-sized copy like the source's. */
    public ReadOnlyObjectProperty<Histogram3D> resultHistogramProperty() {
        return resultHistogram.getReadOnlyProperty();
    }

    /** A photo just shown, without a look yet: the result is the original. */
    void showOriginal(PreparedPhoto photo) {
        after.set(BlendFrame.of(photo.before()));
        resultHistogram.set(photo.sourceHistogram());
    }

    /**
     * Shows {@code look} at {@code strength}, and the result's histogram through the model-sized
     * copy's own fast path, so it follows the slider on the same frame (a repaint and a histogram
     * of the small copy: most of what a move costs).
     */
    void repaint(PreparedPhoto photo, Look look, double strength) {
        after.set(look.display().at(strength));
        int[] small = smallBuffer;
        if (small == null || small.length != photo.modelCopy().length) {
            small = new int[photo.modelCopy().length];
            smallBuffer = small;
        }
        look.modelCopyPreview().render(strength, small);
        resultHistogram.set(Histogram3D.of(small, Histogram3D.DEFAULT_BINS));
    }
}
