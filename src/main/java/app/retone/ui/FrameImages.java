package app.retone.ui;

import app.retone.ui.editor.PreviewFrame;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Copies preview frames into images, reusing an image of the same size so a slider move allocates nothing. */
final class FrameImages {

    private WritableImage image;

    /** The frame as an image: the same image object as last time when the size matches. */
    WritableImage show(PreviewFrame frame) {
        if (frame == null) {
            image = null;
            return null;
        }
        if (image == null || (int) image.getWidth() != frame.width() || (int) image.getHeight() != frame.height()) {
            image = new WritableImage(frame.width(), frame.height());
        }
        image.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(),
                frame.argb(), 0, frame.width());
        return image;
    }
}
