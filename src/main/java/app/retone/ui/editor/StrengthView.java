package app.retone.ui.editor;

/**
 * One copy of the photo (the display copy, or the detail of a zoomed region) under one look, as
 * the view shows it at any strength: for the slider's moves and for what shows at rest. Made by
 * {@link StrengthViews#of}.
 */
sealed interface StrengthView permits StrengthFrames, RepaintedFrames {

    /** What shows {@code strength} ({@link app.retone.core.render.Strength#MIN}..{@link app.retone.core.render.Strength#MAX}). */
    BlendFrame at(double strength);
}
