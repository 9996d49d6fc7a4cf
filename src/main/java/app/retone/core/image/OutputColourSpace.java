package app.retone.core.image;

import java.util.Locale;
import java.util.Optional;

/** The colour space an export is written in. */
public enum OutputColourSpace {
    /** The source photo's own: its pixels converted back from the working space, its profile embedded. */
    SOURCE("source"),
    /** sRGB, tagged as such: the sRGB profile in a JPEG or TIFF, the sRGB chunk in a PNG ({@link OutputEncoding#srgbTag}). */
    SRGB("srgb");

    private final String id;

    OutputColourSpace(String id) {
        this.id = id;
    }

    /** The name on the command line and in settings. */
    public String id() {
        return id;
    }

    public static Optional<OutputColourSpace> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (OutputColourSpace s : values()) {
            if (s.id.equals(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
