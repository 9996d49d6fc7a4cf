package app.retone.ui.editor;

import app.retone.core.color.StrengthPreview;
import app.retone.core.render.Strength;
import java.util.Arrays;
import java.util.List;

/**
 * An opaque display copy under one look, rendered once at a few strengths, so that any strength
 * is a blend of two neighbours that the screen mixes (see {@link BlendFrame}).
 *
 * <p>From 0 to 100 % the blend is exact: the preview at strength s is p + s·(L(p) − p) =
 * (1 − s)·p + s·L(p), a mix of the original and the full result that never leaves 0..255.
 * Beyond 100 % it extrapolates and a channel may clip; a straight line between two frames then
 * bends where the clipping starts, so frames are kept every 12.5 % up to the maximum ({@link Strength#sliderFrames}):
 * a pixel whose change L(p) − p is d levels is off by at most d/32 (the kink in the middle of a
 * step), and only while it clips between two frames.
 */
final class StrengthFrames implements StrengthView {

    private static final double[] STRENGTHS = Strength.sliderFrames();

    private final PreviewFrame[] frames;
    private final List<PreviewFrame> all;

    private StrengthFrames(PreviewFrame[] frames) {
        this.frames = frames;
        this.all = List.of(frames);
    }

    /**
     * Renders the frames of {@code original} under {@code preview}'s look (for the background: a
     * few repaints), calling {@code betweenFrames} before each (a task's cancellation check).
     */
    static StrengthFrames render(PreviewFrame original, StrengthPreview preview, Runnable betweenFrames) {
        if (!original.opaque()) {
            throw new IllegalArgumentException("transparent pixels cannot be blended on screen");
        }
        int pixels = original.width() * original.height();
        if (preview.pixelCount() != pixels) {
            throw new IllegalArgumentException("the preview has " + preview.pixelCount() + " pixels, the frame " + pixels);
        }
        PreviewFrame[] frames = new PreviewFrame[STRENGTHS.length];
        frames[0] = original;
        for (int i = 1; i < STRENGTHS.length; i++) {
            betweenFrames.run();
            int[] argb = new int[pixels];
            preview.render(STRENGTHS[i], argb);
            frames[i] = new PreviewFrame(original.width(), original.height(), argb, true);
        }
        return new StrengthFrames(frames);
    }

    /** The blend that shows {@code strength} ({@link Strength#MIN}..{@link Strength#MAX}). */
    @Override
    public BlendFrame at(double strength) {
        Strength.check(strength);
        int exact = Arrays.binarySearch(STRENGTHS, strength + 0.0); // + 0.0: -0.0 is 0 here, not below it
        if (exact >= 0) {
            return new BlendFrame(frames[exact], null, 0, all);
        }
        int upper = -exact - 1;
        double from = STRENGTHS[upper - 1];
        double opacity = (strength - from) / (STRENGTHS[upper] - from);
        return new BlendFrame(frames[upper - 1], frames[upper], opacity, all);
    }

}
