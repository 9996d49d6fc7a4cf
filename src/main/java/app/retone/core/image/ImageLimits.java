package app.retone.core.image;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Limits checked from a file's header before its pixels are decoded, so a huge or hostile
 * image gets a clear error instead of an OutOfMemoryError.
 *
 * @param maxPixels the largest width × height accepted
 */
public record ImageLimits(long maxPixels) {

    public static final long DEFAULT_MAX_PIXELS = 200_000_000L;

    /** Java arrays are int-indexed: one int per pixel caps a photo at this many pixels. */
    public static final long HARD_MAX_PIXELS = Integer.MAX_VALUE - 8;

    public static final ImageLimits DEFAULT = new ImageLimits(DEFAULT_MAX_PIXELS);

    public ImageLimits {
        if (maxPixels < 1 || maxPixels > HARD_MAX_PIXELS) {
            throw new IllegalArgumentException("maxPixels must be in 1.." + HARD_MAX_PIXELS + ", got " + maxPixels);
        }
    }

    /** Reads the limit from the system property {@code retone.maxPixels} (e.g. 300000000), else the default. */
    public static ImageLimits fromSystemProperties() {
        String value = System.getProperty("retone.maxPixels");
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return new ImageLimits(Long.parseLong(value.trim().replace("_", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("retone.maxPixels must be a pixel count, got '" + value + "'", e);
        }
    }

    /** Refuses a photo of {@code width} × {@code height} beyond {@link #maxPixels}: the one wording of the loader and the thumbnails. */
    public void check(Path path, int width, int height) throws ImageReadException {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageReadException(ImageReadException.Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                    "the photo is %d × %d (%.0f MP), over the limit of %.0f MP", width, height, pixels / 1e6, maxPixels / 1e6));
        }
    }
}
