package app.retone.ui.folder;

import app.retone.core.image.ExportNames;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.ui.settings.RememberedExport;
import app.retone.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The batch export's choices the app remembers between runs: folder, format and name pattern
 * here; JPEG quality and colour space shared with the single export ({@link RememberedExport}).
 */
public final class RememberedBatch {

    static final String FOLDER_KEY = "batch.folder";
    static final String FORMAT_KEY = "batch.format";
    static final String PATTERN_KEY = "batch.pattern";
    /** The format key's value for "each photo's own". */
    static final String SAME_FORMAT = "same";

    private RememberedBatch() {
    }

    /** The last choices, or the defaults: {@code fallbackFolder}, each photo's format, "{name}-retone". */
    public static BatchExport.Request read(Settings settings, Path fallbackFolder) {
        ExportOptions shared = RememberedExport.read(settings);
        Path folder = settings.get(FOLDER_KEY).map(Path::of).filter(Files::isDirectory).orElse(fallbackFolder);
        ImageFormat format = settings.get(FORMAT_KEY).filter(f -> !f.equals(SAME_FORMAT)).flatMap(ImageFormat::fromName)
                .orElse(null);
        String pattern = settings.get(PATTERN_KEY).filter(p -> ExportNames.problem(p).isEmpty())
                .orElse(ExportNames.DEFAULT_PATTERN);
        return new BatchExport.Request(folder, format, shared.quality(), pattern, shared.colourSpace());
    }

    public static void write(Settings settings, BatchExport.Request chosen) {
        settings.put(FOLDER_KEY, chosen.folder().toString());
        settings.put(FORMAT_KEY, chosen.format() == null ? SAME_FORMAT : chosen.format().imageIoName());
        settings.put(PATTERN_KEY, chosen.pattern());
        RememberedExport.write(settings, ExportOptions.DEFAULT.withQuality(chosen.quality())
                .withColourSpace(chosen.colourSpace()));
    }
}
