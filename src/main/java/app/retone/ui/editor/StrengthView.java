package app.retone.ui.editor;

import app.retone.core.color.StrengthPreview;

/**
 * One copy of the photo (the display copy, or the detail of a zoomed region) under one look, as
 * the view shows it at any strength: for the slider's moves and for what shows at rest.
 */
sealed interface StrengthView permits StrengthFrames, RepaintedFrames {

    /** What shows {@code strength} ({@link app.retone.core.render.Strength#MIN}..{@link app.retone.core.render.Strength#MAX}). */
    BlendFrame at(double strength);


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
