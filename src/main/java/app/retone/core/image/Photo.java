package app.retone.core.image;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded photo, already turned upright (EXIF orientation applied), plus what was learnt about
 * the source file: its {@link #samples} as the file holds them (8 or 16 bits, in its own colour
 * space), which rendering and export start from, and sRGB 8-bit pixels packed as ARGB ints for the
 * screen, the histogram and the model (the samples themselves for an 8-bit sRGB photo; their
 * conversion, clipped to sRGB, otherwise).
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
    /** The file's own values, in its colour space. */
    private final Samples samples;
    /** For an RGB device profile: the file's values as they came (samples holds them converted); else null. */
    private final Samples deviceValues;

    public Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings) {
        this(width, height, argb, hasAlpha, source, warnings, null);
    }

    Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings,
          PhotoDetails details) {
        this(width, height, argb, hasAlpha, source, warnings, details, Samples.srgb8(argb));
    }

    Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings,
          PhotoDetails details, Samples samples) {
        this(width, height, argb, hasAlpha, source, warnings, details, samples, null);
    }

    Photo(int width, int height, int[] argb, boolean hasAlpha, SourceInfo source, List<String> warnings,
          PhotoDetails details, Samples samples, Samples deviceValues) {
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
        if (samples.pixelCount() != argb.length) {
            throw new IllegalArgumentException("the samples hold " + samples.pixelCount() + " pixels, expected " + argb.length);
        }
        this.samples = samples;
        if (deviceValues != null && (deviceValues.pixelCount() != argb.length || !deviceValues.space().isDevice())) {
            throw new IllegalArgumentException("a device profile's values are the photo's size, in a device space");
        }
        this.deviceValues = deviceValues;
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

    /** The file's own values in its own colour space, 8 or 16 bits: what rendering starts from. Shared: do not modify. */
    public Samples samples() {
        return samples;
    }

    /**
     * For a photo whose profile only LittleCMS converts (an RGB device profile, with lookup tables):
     * its values as the file holds them, in that profile's space, which {@link #samples} holds
     * converted into a wide space Retone computes ({@code WideIntermediate}); an export that changes nothing writes them back as they came
     * ({@code SampleWriter.encode}). Empty for every other photo, and for a photo made from another.
     */
    public Optional<Samples> deviceValues() {
        return Optional.ofNullable(deviceValues);
    }

    /** The same photo with other samples of the same size; its screen pixels become their conversion (alpha kept). */
    public Photo withSamples(Samples newSamples) {
        return new Photo(width, height, newSamples.toSrgb8(argb), hasAlpha, source, warnings, details, newSamples);
    }

    /** The same photo (source, metadata) with other 8-bit sRGB pixels of the same size, which are its samples too. */
    public Photo withPixels(int[] newArgb) {
        return new Photo(width, height, newArgb, hasAlpha, source, warnings, details);
    }
}
