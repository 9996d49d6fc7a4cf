package app.retone.ui.editor;

/**
 * Pixels for the screen: a display-sized copy, packed 0xAARRGGBB, row by row; {@code opaque}
 * when every alpha is 255 (the view may then show the array without copying it). The view
 * takes the pixels when the frame is published; the array is written again only for a later
 * frame, after this one was shown.
 */
public record PreviewFrame(int width, int height, int[] argb, boolean opaque) {

    public PreviewFrame {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("frame holds " + argb.length + " pixels, need " + width * height);
        }
    }
}
