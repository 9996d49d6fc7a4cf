package app.retone.core.image;

/**
 * How to write a photo.
 *
 * @param format    the output format, or null to take it from the file's extension
 * @param quality   JPEG quality 1..100
 * @param overwrite whether an existing file (the input included) may be replaced
 * @param colourSpace the source photo's colour space, or sRGB
 */
public record ExportOptions(ImageFormat format, int quality, boolean overwrite, OutputColourSpace colourSpace) {

    public static final int DEFAULT_QUALITY = 92;
    public static final ExportOptions DEFAULT = new ExportOptions(null, DEFAULT_QUALITY, false);

    public ExportOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be between 1 and 100, got " + quality);
        }
        java.util.Objects.requireNonNull(colourSpace, "colourSpace");
    }

    /** In the source's colour space. */
    public ExportOptions(ImageFormat format, int quality, boolean overwrite) {
        this(format, quality, overwrite, OutputColourSpace.SOURCE);
    }

    public ExportOptions withFormat(ImageFormat newFormat) {
        return new ExportOptions(newFormat, quality, overwrite, colourSpace);
    }

    public ExportOptions withQuality(int newQuality) {
        return new ExportOptions(format, newQuality, overwrite, colourSpace);
    }

    public ExportOptions withOverwrite(boolean newOverwrite) {
        return new ExportOptions(format, quality, newOverwrite, colourSpace);
    }

    public ExportOptions withColourSpace(OutputColourSpace newColourSpace) {
        return new ExportOptions(format, quality, overwrite, newColourSpace);
    }
}
