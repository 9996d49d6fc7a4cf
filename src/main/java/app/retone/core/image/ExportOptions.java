package app.retone.core.image;

/**
 * How to write a photo.
 *
 * @param format    the output format, or null to take it from the file's extension
 * @param quality   JPEG quality 1..100
 * @param overwrite whether an existing file (the input included) may be replaced
 */
public record ExportOptions(ImageFormat format, int quality, boolean overwrite) {

    public static final int DEFAULT_QUALITY = 92;
    public static final ExportOptions DEFAULT = new ExportOptions(null, DEFAULT_QUALITY, false);

    public ExportOptions {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be between 1 and 100, got " + quality);
        }
    }

    public ExportOptions withFormat(ImageFormat newFormat) {
        return new ExportOptions(newFormat, quality, overwrite);
    }

    public ExportOptions withQuality(int newQuality) {
        return new ExportOptions(format, newQuality, overwrite);
    }

    public ExportOptions withOverwrite(boolean newOverwrite) {
        return new ExportOptions(format, quality, newOverwrite);
    }
}
