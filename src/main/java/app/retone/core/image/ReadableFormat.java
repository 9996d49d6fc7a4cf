package app.retone.core.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The photo formats Retone opens, each with its name and its files' extensions: the one list that
 * a folder's listing ({@link PhotoFolder}), the open dialogs' filters, the loader's messages, the
 * command line's help and the export formats ({@link ImageFormat}) take theirs from. Whether a
 * file really is one is the decoder's to say; the extension only says what a file claims to be.
 */
public enum ReadableFormat {
    JPEG("JPEG", "jpg", "jpeg", "jpe"),
    PNG("PNG", "png"),
    TIFF("TIFF", "tif", "tiff"),
    WEBP("WebP", "webp"),
    BMP("BMP", "bmp"),
    GIF("GIF", "gif");

    /**
     * The formats' names in the list's order, as a compile-time constant for texts that must be
     * one (a picocli description); {@code ReadableFormatTest} checks it against the list.
     */
    public static final String NAMES = "JPEG, PNG, TIFF, WebP, BMP, GIF";

    private final String displayName;
    private final List<String> extensions;

    ReadableFormat(String displayName, String... extensions) {
        this.displayName = displayName;
        this.extensions = List.of(extensions);
    }

    /** The name a person knows it by: "JPEG", "WebP", … */
    public String displayName() {
        return displayName;
    }

    /** The name Retone gives the format a decoder read ({@link SourceInfo#format}): "jpeg", "tiff", "webp", … */
    public String formatName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Its files' extensions, lower case, without the dot; the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format a file's name claims by its extension (any case), if Retone reads it. */
    public static Optional<ReadableFormat> ofPath(Path path) {
        String name = String.valueOf(path.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? ofExtension(name.substring(dot + 1)) : Optional.empty();
    }

    /** The format of an extension (without the dot, any case), if Retone reads it. */
    public static Optional<ReadableFormat> ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extensions.contains(lower)).findFirst();
    }

    /** Whether the file's name says it is a photo Retone opens. */
    public static boolean hasReadableName(Path path) {
        return ofPath(path).isPresent();
    }

    /**
     * Every extension as a file chooser's pattern, lower and upper case ("*.jpg", "*.JPG", …):
     * some desktops' choosers match patterns case-sensitively.
     */
    public static List<String> globs() {
        List<String> globs = new ArrayList<>();
        for (ReadableFormat format : values()) {
            globs.addAll(format.globsOfThis());
        }
        return List.copyOf(globs);
    }

    /** This format's extensions as a file chooser's patterns, lower and upper case. */
    public List<String> globsOfThis() {
        List<String> globs = new ArrayList<>();
        for (String ext : extensions) {
            globs.add("*." + ext);
            globs.add("*." + ext.toUpperCase(Locale.ROOT));
        }
        return globs;
    }

    /** The names as a person lists them: "JPEG, PNG, TIFF, WebP, BMP or GIF" for {@code "or"}. */
    public static String names(String lastJoiner) {
        return listed(Arrays.asList(values()), lastJoiner);
    }

    /** {@code formats}' names as a person lists them, the last two joined by {@code lastJoiner}. */
    public static String listed(List<ReadableFormat> formats, String lastJoiner) {
        List<String> names = formats.stream().map(ReadableFormat::displayName).toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + lastJoiner + " " + names.get(names.size() - 1);
    }

    /**
     * The name Retone gives a decoder's format ({@link #formatName} for the formats in this list,
     * whichever of their names or extensions the decoder gives; any other lower-cased).
     */
    public static String formatNameOf(String decoderName) {
        String lower = decoderName.toLowerCase(Locale.ROOT);
        if (lower.equals("jpeg-lossless") || lower.equals("jpeg-ls")) {
            return JPEG.formatName();
        }
        for (ReadableFormat format : values()) {
            if (format.formatName().equals(lower) || format.extensions.contains(lower)) {
                return format.formatName();
            }
        }
        return lower;
    }
}
