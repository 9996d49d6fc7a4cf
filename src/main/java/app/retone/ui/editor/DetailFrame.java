package app.retone.ui.editor;

/**
 * Pixels of a region of the photo rendered from the full-resolution original, for zoom levels the
 * display copy cannot serve sharply: the original and the result there. The region is
 * {@code regionWidth × regionHeight} photo pixels at ({@code x}, {@code y}); the frames hold it at
 * {@code scale} (1 at 100 % and beyond: the photo's own pixels; below, one pixel per screen pixel).
 *
 * @param regrained whether {@code after} includes regrain (only at scale 1, refined once the slider rests)
 */
public record DetailFrame(int x, int y, int regionWidth, int regionHeight, double scale,
                          PreviewFrame before, BlendFrame after, boolean regrained) {

    /** True when the region covers the rectangle (x, y, w, h) of the photo. */
    public boolean covers(double rx, double ry, double rw, double rh) {
        return rx >= x && ry >= y && rx + rw <= x + regionWidth && ry + rh <= y + regionHeight;
    }

    /** The same region with another result. */
    DetailFrame withAfter(BlendFrame newAfter, boolean isRegrained) {
        return new DetailFrame(x, y, regionWidth, regionHeight, scale, before, newAfter, isRegrained);
    }
}
