package app.retone.core.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats Retone exports. */
public enum ImageFormat {
    JPEG("jpeg", "jpg", "jpeg", "jpe"),
    PNG("png", "png"),
    TIFF("tiff", "tif", "tiff");

    private final String imageIoName;
    private final String[] extensions;

    ImageFormat(String imageIoName, String... extensions) {
        this.imageIoName = imageIoName;
        this.extensions = extensions;
    }

    public String imageIoName() {
        return imageIoName;
    }

    public String defaultExtension() {
        return extensions[0];
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
            for (String ext : format.extensions) {
                if (ext.equals(lower)) {
                    return Optional.of(format);
                }
            }
            if (format.imageIoName.equals(lower)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
