package app.retone.ui.editor;

/**
 * Pixels for the screen: a display-sized copy, packed 0xAARRGGBB, row by row; {@code opaque}
 * when every alpha is 255. An opaque frame's array is never written after it was published, so
 * the view may show it without copying it and keep it on the GPU, unless it is {@code repainted}:
 * a frame with transparency, or one of the buffers a live repaint takes turns with, may be written
 * again for a later frame, so the view copies it.
 */
public record PreviewFrame(int width, int height, int[] argb, boolean opaque, boolean repainted) {

    public PreviewFrame {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("frame holds " + argb.length + " pixels, need " + width * height);
        }
    }

    /** A frame that is never written again once published (or, with transparency, is copied anyway). */
    public PreviewFrame(int width, int height, int[] argb, boolean opaque) {
        this(width, height, argb, opaque, !opaque);
    }

    /** Whether the view may wrap the array as it is and keep it: opaque and never written again. */
    public boolean stable() {
        return opaque && !repainted;
    }
}
