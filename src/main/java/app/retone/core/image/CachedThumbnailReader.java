package app.retone.core.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A photo's thumbnail through the desktop's shared cache ({@link ThumbnailCache}): the cached one
 * when it is still the photo's (made by Retone or by a file manager), else one read from the photo
 * ({@link ThumbnailReader}) at the cache's size and stored for next time. Only a thumbnail that
 * fills the cache's size is stored: a camera's small stored thumbnail, or a photo smaller than
 * that, is quick to read again and would only be a blurred thumbnail for other programs. A cache
 * that cannot be read or written changes nothing but the time it takes.
 */
public final class CachedThumbnailReader implements ThumbnailSource {

    private final ThumbnailReader reader;
    private final ThumbnailCache cache;

    public CachedThumbnailReader(ThumbnailReader reader, ThumbnailCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    @Override
    public Optional<Thumbnail> cached(Path photo, int maxSide) {
        if (maxSide > ThumbnailCache.LARGE) {
            return Optional.empty();
        }
        return cache.original(photo).flatMap(cache::find).map(found -> found.fittedInside(maxSide));
    }

    @Override
    public Thumbnail read(Path photo, int maxSide) throws ImageReadException {
        if (maxSide > ThumbnailCache.LARGE) {
            return reader.read(photo, maxSide); // more than the cache holds
        }
        // the photo's time is read before its pixels: a change while they are read makes the stored one out of date
        Optional<ThumbnailCache.Original> original = cache.original(photo);
        if (original.isPresent()) {
            Optional<Thumbnail> cached = cache.find(original.get());
            if (cached.isPresent()) {
                return cached.get().fittedInside(maxSide);
            }
        }
        Thumbnail made = reader.read(photo, ThumbnailCache.LARGE);
        if (original.isPresent() && Math.max(made.width(), made.height()) == ThumbnailCache.LARGE) {
            cache.store(original.get(), made);
        }
        return made.fittedInside(maxSide);
    }
}
