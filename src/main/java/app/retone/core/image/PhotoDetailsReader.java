package app.retone.core.image;

import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.icc.IccDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@link PhotoDetails} with metadata-extractor. Metadata is optional: a broken or hostile
 * EXIF block gives empty fields, never an error, because the photo itself may be fine.
 */
public final class PhotoDetailsReader {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);

    private PhotoDetailsReader() {
    }

    /**
     * The details of a photo: those the loader read from the file it decoded, or for a photo
     * made otherwise, read from its source path now (none for a photo made in memory).
     */
    public static PhotoDetails read(Photo photo) {
        return photo.details().orElseGet(() -> {
            Path path = photo.source().path();
            Metadata metadata = path == null ? null : readMetadata(path);
            long bytes = 0;
            if (path != null) {
                try {
                    bytes = Files.size(path);
                } catch (IOException e) {
                    bytes = 0;
                }
            }
            return of(metadata, photo.source(), photo.width(), photo.height(), bytes);
        });
    }

    /** The details from a file's metadata (null: none could be read), its size in bytes and the photo's shown size. */
    static PhotoDetails of(Metadata metadata, SourceInfo source, int width, int height, long bytes) {
        Path path = source.path();
        ExifIFD0Directory ifd0 = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        IccDirectory icc = metadata == null ? null : metadata.getFirstDirectoryOfType(IccDirectory.class);
        return new PhotoDetails(
                path == null ? "(not saved)" : String.valueOf(path.getFileName()),
                source.format().toUpperCase(Locale.ROOT),
                width, height, bytes,
                camera(ifd0),
                text(exif, ExifSubIFDDirectory.TAG_LENS_MODEL),
                exposure(exif),
                aperture(exif),
                integer(exif, ExifSubIFDDirectory.TAG_ISO_EQUIVALENT).filter(i -> i > 0).map(String::valueOf),
                rational(exif, ExifSubIFDDirectory.TAG_FOCAL_LENGTH).map(f -> trim(f.doubleValue()) + " mm"),
                dateTaken(exif),
                colorProfile(icc, source));
    }

    private static Metadata readMetadata(Path path) {
        try {
            return MetadataFiles.read(path);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return null;
        }
    }

    private static Optional<String> camera(ExifIFD0Directory ifd0) {
        Optional<String> make = text(ifd0, ExifIFD0Directory.TAG_MAKE);
        Optional<String> model = text(ifd0, ExifIFD0Directory.TAG_MODEL);
        if (model.isEmpty()) {
            return make;
        }
        // many cameras repeat the make in the model ("Canon" + "Canon EOS 5D")
        if (make.isPresent() && !model.get().toLowerCase(Locale.ROOT).startsWith(make.get().toLowerCase(Locale.ROOT))) {
            return Optional.of(make.get() + " " + model.get());
        }
        return model;
    }

    private static Optional<String> exposure(ExifSubIFDDirectory exif) {
        return rational(exif, ExifSubIFDDirectory.TAG_EXPOSURE_TIME).filter(r -> r.doubleValue() > 0).map(r -> {
            double seconds = r.doubleValue();
            double inverse = 1 / seconds;
            // 1/250 s as photographers write it; 0.8 s or 2.5 s where no whole fraction fits
            if (seconds < 1 && (inverse >= 3 || Math.abs(inverse - Math.rint(inverse)) < 0.02)) {
                return "1/" + Math.round(inverse) + " s";
            }
            return trim(seconds) + " s";
        });
    }

    private static Optional<String> aperture(ExifSubIFDDirectory exif) {
        Optional<Rational> f = rational(exif, ExifSubIFDDirectory.TAG_FNUMBER);
        if (f.isEmpty()) {
            f = rational(exif, ExifSubIFDDirectory.TAG_APERTURE).map(apex -> new Rational(
                    Math.round(Math.pow(Math.sqrt(2), apex.doubleValue()) * 10), 10));
        }
        return f.filter(r -> r.doubleValue() > 0).map(r -> "f/" + trim(r.doubleValue()));
    }

    /**
     * When the photo in {@code file} was taken, from its Exif (empty without one, or when it
     * cannot be read: a folder is then ordered by name for that photo). Reads the metadata only.
     */
    public static Optional<LocalDateTime> dateTaken(Path file) {
        Metadata metadata = readMetadata(file);
        ExifSubIFDDirectory exif = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        return exif == null ? Optional.empty() : rawDateTaken(exif).flatMap(s -> {
            try {
                return Optional.of(LocalDateTime.parse(s, EXIF_DATE));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** When the shutter fired, or when it was digitised; never IFD0's DateTime, which editors overwrite with the time of the last save. */
    private static Optional<String> rawDateTaken(ExifSubIFDDirectory exif) {
        return text(exif, ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)
                .or(() -> text(exif, ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED));
    }

    private static Optional<String> dateTaken(ExifSubIFDDirectory exif) {
        return rawDateTaken(exif).map(s -> {
            try {
                return LocalDateTime.parse(s, EXIF_DATE).format(SHOWN_DATE);
            } catch (DateTimeParseException e) {
                return s; // shown as written rather than lost
            }
        });
    }

    private static String colorProfile(IccDirectory icc, SourceInfo source) {
        Optional<String> description = Optional.empty();
        if (icc != null && icc.containsTag(IccDirectory.TAG_TAG_desc)) {
            try {
                // the descriptor decodes the 'desc' tag's structure; the raw value is bytes
                description = Optional.ofNullable(new com.drew.metadata.icc.IccDescriptor(icc)
                        .getDescription(IccDirectory.TAG_TAG_desc)).map(String::strip).filter(d -> !d.isEmpty());
            } catch (RuntimeException e) {
                description = Optional.empty();
            }
        }
        if (description.isPresent()) {
            return description.get();
        }
        if (source.iccProfile() != null) {
            return "embedded ICC profile (" + source.iccProfile().length + " bytes)";
        }
        return "none (sRGB assumed)";
    }

    private static Optional<String> text(Directory directory, int tag) {
        if (directory == null || !directory.containsTag(tag)) {
            return Optional.empty();
        }
        String value;
        try {
            value = directory.getString(tag, StandardCharsets.UTF_8.name());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        value = value.replace('\0', ' ').strip();
        if (value.isEmpty() || value.length() > 200) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<Integer> integer(Directory directory, int tag) {
        if (directory == null || !directory.containsTag(tag)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(directory.getInteger(tag));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Rational> rational(Directory directory, int tag) {
        if (directory == null || !directory.containsTag(tag)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(directory.getRational(tag)).filter(r -> r.getDenominator() != 0);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String trim(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
