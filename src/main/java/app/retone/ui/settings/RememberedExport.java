package app.retone.ui.settings;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.OutputColourSpace;

/** The export choices the app remembers between runs: JPEG quality and colour space. */
public final class RememberedExport {

    static final String QUALITY_KEY = "jpegQuality";
    static final String COLOUR_SPACE_KEY = "exportColourSpace";

    private RememberedExport() {
    }

    /** The last choices, or the defaults (quality 92, the source's colour space). */
    public static ExportOptions read(Settings settings) {
        double quality = settings.getDouble(QUALITY_KEY, ExportOptions.DEFAULT_QUALITY);
        int q = quality >= 1 && quality <= 100 ? (int) quality : ExportOptions.DEFAULT_QUALITY;
        OutputColourSpace space = settings.get(COLOUR_SPACE_KEY).flatMap(OutputColourSpace::fromId)
                .orElse(OutputColourSpace.SOURCE);
        return ExportOptions.DEFAULT.withQuality(q).withColourSpace(space);
    }

    public static void write(Settings settings, ExportOptions chosen) {
        settings.putDouble(QUALITY_KEY, chosen.quality());
        settings.put(COLOUR_SPACE_KEY, chosen.colourSpace().id());
    }
}
