package app.retone.core.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded photo: sRGB 8-bit pixels packed as ARGB ints, already turned upright
 * (EXIF orientation applied), plus what was learnt about the source file. A photo of more than 8
 * bits a sample (16-bit PNG or TIFF) also keeps its {@link #deep} pixels, which rendering and
 * export use; the 8-bit pixels are then their rounding, for the screen, the histogram and the model.
 *
 * <p>The pixel array is shared, not copied: treat a {@code Photo} as immutable and make a
 * new one ({@link #withPixels}) for a result.
 */
public final class Photo {
    private final int width;
    private final int height;
    private final int[] argb;
    private final boolean hasAlpha;
    private final SourceInfo source;
    private final List<String> warnings;
    /** What the loader read about the file besides pixels, or null for a photo made otherwise. */
    private final PhotoDetails details;
    /** 16-bit sRGB samples, R, G, B per pixel (unsigned in shorts), or null for an 8-bit photo. */
    private final short[] deep;

    public Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings) {
        this(width, height, argb, hasAlpha, source, warnings, null);
    }

    Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings,
          PhotoDetails details) {
        this(width, height, argb, hasAlpha, source, warnings, details, null);
    }

    Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings,
          PhotoDetails details, short[] deep) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("photo size must be positive, got " + width + "x" + height);
        }
        if (argb.length != (long) width * height) {
            throw new IllegalArgumentException("pixel array holds " + argb.length + " values, expected " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.hasAlpha = hasAlpha;
        this.source = Objects.requireNonNull(source, "source");
        this.warnings = List.copyOf(warnings);
        this.details = details;
        if (deep != null && deep.length != 3L * argb.length) {
            throw new IllegalArgumentException("16-bit pixels hold " + deep.length + " samples, expected 3 × " + argb.length);
        }
        this.deep = deep;
    }

    /** A photo made in memory (generated, or a result), with no source file. */
    public static Photo of(int width, int height, int[] argb, boolean hasAlpha) {
        return new Photo(width, height, argb, hasAlpha, SourceInfo.NONE, List.of());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long pixelCount() {
        return (long) width * height;
    }

    /** The pixels, row by row, packed 0xAARRGGBB. Shared: do not modify. */
    public int[] argb() {
        return argb;
    }

    public boolean hasAlpha() {
        return hasAlpha;
    }

    public SourceInfo source() {
        return source;
    }

    /** Problems that did not stop the load, in a user's words (e.g. a truncated file). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The file's details (camera, exposure, colour profile...) as the loader read them from the
     * same open file it decoded; empty for a photo not made by the loader.
     */
    public Optional<PhotoDetails> details() {
        return Optional.ofNullable(details);
    }

    /** The 16-bit pixels (R, G, B samples per pixel, unsigned), if the photo has more than 8 bits. Shared: do not modify. */
    public Optional<short[]> deep() {
        return Optional.ofNullable(deep);
    }

    /** The same photo (source, metadata) with other 8-bit pixels of the same size, and no 16-bit ones. */
    public Photo withPixels(int[] newArgb) {
        return new Photo(width, height, newArgb, hasAlpha, source, warnings, details);
    }

    /** The same photo with other 16-bit pixels; its 8-bit pixels become their rounding (alpha kept). */
    public Photo withDeepPixels(short[] newDeep) {
        return new Photo(width, height, DeepPixels.toArgb(newDeep, argb), hasAlpha, source, warnings, details, newDeep);
    }
}
