package app.retone.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.OutputColourSpace;
import org.junit.jupiter.api.Test;

class RememberedExportTest {

    @Test
    void theDefaultsUntilSomethingWasChosenThenTheChoice() {
        MemorySettings settings = new MemorySettings();
        ExportOptions first = RememberedExport.read(settings);
        assertEquals(ExportOptions.DEFAULT_QUALITY, first.quality());
        assertEquals(OutputColourSpace.SOURCE, first.colourSpace());

        RememberedExport.write(settings, first.withQuality(75).withColourSpace(OutputColourSpace.SRGB));
        ExportOptions again = RememberedExport.read(settings);
        assertEquals(75, again.quality());
        assertEquals(OutputColourSpace.SRGB, again.colourSpace());
    }

    @Test
    void aDamagedSettingFallsBackToTheDefault() {
        MemorySettings settings = new MemorySettings();
        settings.put("jpegQuality", "400");
        settings.put("exportColourSpace", "cmyk");
        ExportOptions read = RememberedExport.read(settings);
        assertEquals(ExportOptions.DEFAULT_QUALITY, read.quality());
        assertEquals(OutputColourSpace.SOURCE, read.colourSpace());
    }
}
