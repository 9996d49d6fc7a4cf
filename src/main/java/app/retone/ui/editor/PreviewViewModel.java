package app.retone.ui.editor;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.Interpolation;
import app.retone.core.render.Recipe;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The slider's path: the display copy's result as the recipe renders it, and the result's
 * histogram; no prediction, no full resolution. Without develop adjustments a strength is a blend
 * of frames rendered ahead for the screen to mix (or, for a photo with transparency, a repaint);
 * with adjustments every change folds the recipe into a coarse LUT again and repaints the display
 * copy into one of two buffers in turn, until the export's own pixels, reduced, arrive from the
 * background ({@link #showSettled}) once the sliders rest.
 */
public final class PreviewViewModel {

    private final ReadOnlyObjectWrapper<BlendFrame> after = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram3D> resultHistogram = new ReadOnlyObjectWrapper<>();
    private final Interpolation interpolation;
    private int[] smallBuffer;
    private final int[][] buffers = new int[2][];
    private int next;
    private HalfFrame half;

    PreviewViewModel(Interpolation interpolation) {
        this.interpolation = interpolation;
    }

    /**
     * The result at the current settings, display-sized (the original until a look is ready): two
     * frames rendered ahead and the opacity that mixes them, so a strength move repaints nothing, or
     * one repainted frame when there are adjustments.
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
     * Shows {@code look} by {@code recipe} (its strength and adjustments), and the result's
     * histogram through the model-sized copy, on the same frame. Adjustments fold into
     * {@link Recipe#LIVE_LUT_SIZE} nodes a side here ({@link Recipe#DRAG_LUT_SIZE} during a drag), on the UI thread: the export's finer LUT and its
     * own pixels come from the background once the sliders rest ({@link #showSettled}). {@code
     * live}: a slider is being dragged, so a half-size copy is painted and shown (a quarter of the
     * work and of the image to upload; the view scales it to the photo's place) to keep up with the mouse.
     */
    void repaint(PreparedPhoto photo, Look look, Recipe recipe, boolean live) {
        int[] small = smallBuffer;
        if (small == null || small.length != photo.modelCopy().length) {
            small = new int[photo.modelCopy().length];
            smallBuffer = small;
        }
        if (recipe.develop().isNeutral()) {
            after.set(look.display().at(recipe.strength()));
            look.modelCopyPreview().render(recipe.strength(), small);
        } else {
            ColorLut3D lut = recipe.screenLut(live);
            PreviewFrame before = photo.before();
            // a drag shows the half-size frame itself, which the view scales to the photo's place
            if (live) {
                half = HalfFrame.of(before, half);
            }
            PreviewFrame source = live ? half.frame() : before;
            int[] buffer = buffers[next];
            if (buffer == null || buffer.length != source.argb().length) {
                buffer = new int[source.argb().length];
                buffers[next] = buffer;
            }
            next ^= 1;
            lut.apply(source.argb(), buffer, interpolation);
            after.set(BlendFrame.of(new PreviewFrame(source.width(), source.height(), buffer, before.opaque(), true)));
            lut.apply(photo.modelCopy(), small, interpolation);
        }
        resultHistogram.set(Histogram3D.of(small, Histogram3D.DEFAULT_BINS));
    }

    /** The half-size copy of {@code before} the live path paints from, made once per photo. */

    /** The export's own pixels at the screen's size, made in the background for settings at rest: shown as they are. */
    void showSettled(PreviewFrame frame) {
        after.set(BlendFrame.of(frame));
    }
}
