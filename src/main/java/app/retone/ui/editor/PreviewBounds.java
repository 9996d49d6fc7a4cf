package app.retone.ui.editor;

/**
 * The box the display copy fits in: the screen, in device pixels. The slider repaints this copy,
 * so it is as large as a full-screen "fit" needs and no larger; zooming in past it shows
 * full-resolution detail instead (see {@link DetailFrame}).
 */
public record PreviewBounds(int width, int height) {

    public PreviewBounds {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("preview bounds must be at least 64 × 64, got " + width + " × " + height);
        }
    }

    /** Size of the copy of a {@code w × h} photo: fits these bounds, never upscaled. */
    public int[] fit(int w, int h) {
        double scale = Math.min(1.0, Math.min((double) width / w, (double) height / h));
        return new int[] {Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale))};
    }
}
