package app.retone.ui.editor;

import app.retone.core.color.StrengthPreview;

/** Chooses the {@link StrengthView} a copy of the photo gets. */
final class StrengthViews {

    private StrengthViews() {
    }

    /**
     * Frames rendered ahead for the screen to mix, for an opaque copy (a few repaints now, in the
     * background; {@code betweenFrames} runs before each, a task's cancellation check); a repaint
     * at each move for a copy with transparency, whose alpha an on-screen mix would apply twice.
     */
    static StrengthView of(PreviewFrame original, StrengthPreview preview, Runnable betweenFrames) {
        return original.opaque() ? StrengthFrames.render(original, preview, betweenFrames)
                : new RepaintedFrames(original, preview);
    }
}
