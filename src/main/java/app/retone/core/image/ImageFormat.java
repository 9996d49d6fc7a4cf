package app.retone.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats Retone exports: three of the formats it reads ({@link ReadableFormat}), with their extensions. */
public enum ImageFormat {
    JPEG("jpeg", ReadableFormat.JPEG),
    PNG("png", ReadableFormat.PNG),
    TIFF("tiff", ReadableFormat.TIFF);

    private final String imageIoName;
    private final ReadableFormat read;

    ImageFormat(String imageIoName, ReadableFormat read) {
        this.imageIoName = imageIoName;
        this.read = read;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String defaultExtension() {
        return read.extensions().get(0);
    }

    /** The extensions a file of this format is named with (its {@link ReadableFormat}'s). */
    public List<String> extensions() {
        return read.extensions();
    }

    /** This format as one Retone reads. */
    public ReadableFormat asRead() {
        return read;
    }

    /** The format Retone writes for one it reads, if it writes it. */
    public static Optional<ImageFormat> of(ReadableFormat format) {
        for (ImageFormat f : values()) {
            if (f.read == format) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The formats Retone reads but does not write, in {@link ReadableFormat}'s order: their results are PNG ({@link #forResultOf}). */
    public static List<ReadableFormat> readNotWritten() {
        return java.util.Arrays.stream(ReadableFormat.values()).filter(f -> of(f).isEmpty()).toList();
    }

    public boolean supportsAlpha() {
        return this != JPEG;
    }

    /**
     * The format a result of {@code input} is written in when none is chosen: the input's own,
     * or PNG for the ones Retone reads but does not write (WebP, BMP, GIF), as PNG is lossless.
     */
    public static ImageFormat forResultOf(Path input) {
        return fromPath(input).orElse(PNG);
    }

    /** The format a file name asks for by its extension. */
    public static Optional<ImageFormat> fromPath(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : fromName(name.substring(dot + 1));
    }

    /** A format by name or extension, case-insensitive: "jpg", "JPEG", "tif", ... */
    public static Optional<ImageFormat> fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.extensions().contains(lower) || format.imageIoName.equals(lower)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
