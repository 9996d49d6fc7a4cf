package app.retone.ui.folder;

import app.retone.core.image.ExportNames;
import app.retone.core.io.AtomicFiles;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.OutputColourSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A batch export's plan and its bookkeeping, free of threads: where each photo goes (the name
 * pattern, with "-2", "-3" … when two photos would get one name), which destinations exist
 * already, and the progress the user reads as it goes ({@link BatchSummary} is its end).
 * {@link BatchExportViewModel} runs it.
 */
public final class BatchExport {

    /**
     * What the user chose in the batch dialog.
     *
     * @param format null: each photo in its own format (PNG for those Retone reads but does not write)
     */
    public record Request(Path folder, ImageFormat format, int quality, String pattern, OutputColourSpace colourSpace) {

        public Request {
            ExportNames.problem(pattern).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            if (quality < 1 || quality > 100) {
                throw new IllegalArgumentException("JPEG quality must be 1 to 100, got " + quality);
            }
        }

        /** The options one photo is written with. */
        ExportOptions optionsFor(Path source, boolean overwrite) {
            return new ExportOptions(formatFor(source), quality, overwrite, colourSpace);
        }

        ImageFormat formatFor(Path source) {
            return format != null ? format : ImageFormat.forResultOf(source);
        }
    }

    /** What to do with destinations that exist already: asked once, before anything is written. */
    public enum Existing { REPLACE, SKIP }

    /** One photo of the batch and where it goes. */
    public record Item(FolderPhoto photo, Path destination) {
    }

    private BatchExport() {
    }

    /** Where each photo goes, in order; names the pattern gives twice get "-2", "-3"…. */
    public static List<Item> plan(List<FolderPhoto> photos, Request request) {
        List<Item> items = new ArrayList<>(photos.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < photos.size(); i++) {
            FolderPhoto photo = photos.get(i);
            ImageFormat format = request.formatFor(photo.path());
            String name = ExportNames.fileName(request.pattern(), photo.path(), i + 1, format);
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                int dot = name.lastIndexOf('.');
                unique = name.substring(0, dot) + "-" + n + name.substring(dot);
            }
            items.add(new Item(photo, request.folder().resolve(unique)));
        }
        return items;
    }

    /** The destinations of {@code items} that exist already. */
    public static List<Path> existing(List<Item> items) {
        return items.stream().map(Item::destination).filter(Files::exists).toList();
    }

    /** Whether writing {@code item} would replace the photo it is made from. */
    static boolean replacesItsSource(Item item) {
        return AtomicFiles.wouldReplace(item.photo().path(), item.destination());
    }

    /** "3 of 10 — about 40 s left" (the time from the photos done so far; none before the first). */
    static String progressText(int done, int total, String name, long elapsedNanos) {
        String left = "";
        if (done > 0) {
            long seconds = Math.round(elapsedNanos / 1e9 / done * (total - done));
            left = seconds >= 90 ? String.format(Locale.ROOT, " — about %d min left", Math.round(seconds / 60.0))
                    : String.format(Locale.ROOT, " — about %d s left", Math.max(1, seconds));
        }
        return String.format(Locale.ROOT, "Exporting %d of %d: %s%s", done + 1, total, name, left);
    }
}
