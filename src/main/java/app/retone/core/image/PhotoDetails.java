package app.retone.core.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a photographer wants to know about a photo besides its pixels, as display text: camera,
 * lens, exposure, date, size and colour profile. Absent facts are empty, never invented.
 */
public record PhotoDetails(
        String fileName,
        String format,
        int width,
        int height,
        long fileBytes,
        Optional<String> camera,
        Optional<String> lens,
        Optional<String> exposure,
        Optional<String> aperture,
        Optional<String> iso,
        Optional<String> focalLength,
        Optional<String> dateTaken,
        String colorProfile) {

    /** One row of the metadata panel. */
    public record Entry(String label, String value) {
    }

    /** The rows to show, in a photographer's order; facts the file lacks are left out. */
    public List<Entry> entries() {
        List<Entry> rows = new ArrayList<>();
        rows.add(new Entry("File", fileName));
        camera.ifPresent(v -> rows.add(new Entry("Camera", v)));
        lens.ifPresent(v -> rows.add(new Entry("Lens", v)));
        exposure.ifPresent(v -> rows.add(new Entry("Exposure", v)));
        aperture.ifPresent(v -> rows.add(new Entry("Aperture", v)));
        iso.ifPresent(v -> rows.add(new Entry("ISO", v)));
        focalLength.ifPresent(v -> rows.add(new Entry("Focal length", v)));
        dateTaken.ifPresent(v -> rows.add(new Entry("Date taken", v)));
        rows.add(new Entry("Dimensions", width + " × " + height + String.format(java.util.Locale.ROOT, " (%.1f MP)",
                width * (double) height / 1e6)));
        rows.add(new Entry("Format", format));
        rows.add(new Entry("File size", humanBytes(fileBytes)));
        rows.add(new Entry("Colour profile", colorProfile));
        return rows;
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
