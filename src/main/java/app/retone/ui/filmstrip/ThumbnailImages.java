package app.retone.ui.filmstrip;

import app.retone.core.image.Thumbnail;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** A thumbnail's pixels as an image to show: the filmstrip's and the reference picker's. */
public final class ThumbnailImages {

    private ThumbnailImages() {
    }

    /** {@code thumbnail} as an image, or null for none. */
    public static Image of(Thumbnail thumbnail) {
        if (thumbnail == null) {
            return null;
        }
        WritableImage written = new WritableImage(thumbnail.width(), thumbnail.height());
        written.getPixelWriter().setPixels(0, 0, thumbnail.width(), thumbnail.height(), PixelFormat.getIntArgbInstance(),
                thumbnail.argb(), 0, thumbnail.width());
        return written;
    }
}
