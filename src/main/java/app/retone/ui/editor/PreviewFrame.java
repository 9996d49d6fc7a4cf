package app.retone.ui.editor;

/**
 * Pixels for the screen: a display-sized copy, packed 0xAARRGGBB, row by row. The view copies
 * them into an image as soon as the frame is published, so the array may be reused afterwards.
 */
public record PreviewFrame(int width, int height, int[] argb) {

    public PreviewFrame {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("frame holds " + argb.length + " pixels, need " + width * height);
        }
    }
}
