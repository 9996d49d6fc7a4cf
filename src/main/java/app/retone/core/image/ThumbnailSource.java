package app.retone.core.image;

import app.retone.core.image.ThumbnailReader.Thumbnail;
import java.nio.file.Path;

/**
 * Where a filmstrip gets a photo's thumbnail: read from the photo ({@link ThumbnailReader}), or
 * through the desktop's shared thumbnail cache first ({@link CachedThumbnailReader}).
 */
@FunctionalInterface
public interface ThumbnailSource {

    /** The thumbnail of {@code photo}, fitted inside {@code maxSide} × {@code maxSide}; the loader's errors for a bad photo. */
    Thumbnail read(Path photo, int maxSide) throws ImageReadException;
}
