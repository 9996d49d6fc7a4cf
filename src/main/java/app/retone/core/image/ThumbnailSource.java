package app.retone.core.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a filmstrip gets a photo's thumbnail: read from the photo ({@link ThumbnailReader}), or
 * through the desktop's shared thumbnail cache first ({@link CachedThumbnailReader}).
 */
public interface ThumbnailSource {

    /** The thumbnail of {@code photo}, fitted inside {@code maxSide} × {@code maxSide}; the loader's errors for a bad photo. */
    Thumbnail read(Path photo, int maxSide) throws ImageReadException;

    /**
     * The thumbnail of {@code photo} if one is stored and still the photo's, fitted as {@link #read}
     * fits it: a few milliseconds, never the photo's pixels; empty otherwise (then {@link #read}
     * makes one). None without a cache.
     */
    default Optional<Thumbnail> cached(Path photo, int maxSide) {
        return Optional.empty();
    }
}
