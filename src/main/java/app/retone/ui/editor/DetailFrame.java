package app.retone.ui.editor;

/**
 * Full-resolution pixels of a region of the photo, for zoom levels the display copy cannot serve
 * sharply: the original and the result there, with the region's place in the photo.
 *
 * @param regrained whether {@code after} includes regrain (it is refined after the slider stops)
 */
public record DetailFrame(int x, int y, PreviewFrame before, PreviewFrame after, boolean regrained) {

    public int width() {
        return before.width();
    }

    public int height() {
        return before.height();
    }

    /** True when the region covers the rectangle (x, y, w, h) of the photo. */
    public boolean covers(double rx, double ry, double rw, double rh) {
        return rx >= x && ry >= y && rx + rw <= x + width() && ry + rh <= y + height();
    }
}
