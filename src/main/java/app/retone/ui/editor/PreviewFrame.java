package app.retone.ui.editor;

/**
 * Pixels for the screen: a display-sized copy, packed 0xAARRGGBB, row by row; {@code opaque}
 * when every alpha is 255. An opaque frame's array is never written after it was published, so
 * the view may show it without copying it and keep it on the GPU; a frame with transparency may
 * be repainted for a later frame (the view copies it).
 */
public record PreviewFrame(int width, int height, int[] argb, boolean opaque) {

    public PreviewFrame {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("frame holds " + argb.length + " pixels, need " + width * height);
        }
    }
}
