package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ImageMetrics;
import app.retone.testing.LittleCms;
import app.retone.testing.Pixels;
import java.awt.color.ICC_Profile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Export keeps the source's colour space (its pixels converted back from sRGB, its profile
 * embedded), or writes sRGB, tagged as such; in every format, a colour-managed viewer
 * (LittleCMS here) shows the export as it showed the source.
 */
class ColourManagedExportTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();
    private final PhotoExporter exporter = new PhotoExporter();

    @ParameterizedTest(name = "{0} exported as {1} keeps its space")
    @CsvSource({"p3.jpg, tif", "adobe-rgb.jpg, tif", "prophoto.jpg, tif", "p3.tif, tif", "p3.png, tif", "p3.webp, tif"})
    void aColourManagedViewerShowsTheExportAsItShowedTheSource(String name, String extension) throws Exception {
        Path source = LittleCms.fixture(name);
        Path out = dir.resolve("out." + extension);
        exporter.export(loader.load(source), out, ExportOptions.DEFAULT);

        double deltaE = ImageMetrics.meanDeltaE76(LittleCms.shownAsSrgb(shownForm(source), dir),
                LittleCms.shownAsSrgb(out, dir));
        assertTrue(deltaE <= 1.0, name + " → " + extension + ": mean ΔE76 " + deltaE);
        assertSameProfile(loader.load(source).source().iccProfile(), out);
    }

    @ParameterizedTest(name = "{0} exported as JPEG keeps its space")
    @CsvSource({"p3.jpg", "adobe-rgb.jpg", "prophoto.jpg", "p3.png"})
    void aJpegExportIsShownAsTheSourceWithinWhatJpegItselfLoses(String name) throws Exception {
        // JPEG loses 1-3 ΔE76 by itself on these small photos, more in wider spaces: measured by
        // re-encoding the file's own values with its profile and no conversion, the colour
        // management (to sRGB on load, back on export) may add at most 1 to it
        Path source = LittleCms.fixture(name);
        Photo loaded = loader.load(source);
        SourceInfo unconverted = new SourceInfo(null, "jpeg", 1, null, null, loaded.source().iccProfile());
        Photo asStored = new Photo(loaded.width(), loaded.height(), Pixels.rawValues(source), false, unconverted, List.of());
        double own = shownDifference(source, asStored);
        double deltaE = shownDifference(source, loaded);
        assertTrue(deltaE <= own + 1.0, name + ": mean ΔE76 " + deltaE + ", JPEG's own loss " + own);
        assertSameProfile(loaded.source().iccProfile(), dir.resolve("out.jpg"));
    }

    private double shownDifference(Path source, Photo photo) throws Exception {
        Path out = dir.resolve("out.jpg");
        exporter.export(photo, out, ExportOptions.DEFAULT.withOverwrite(true));
        return ImageMetrics.meanDeltaE76(LittleCms.shownAsSrgb(shownForm(source), dir), LittleCms.shownAsSrgb(out, dir));
    }

    /** LittleCMS's tools read JPEG and TIFF: the PNG and WebP fixtures hold p3.tif's values and profile. */
    private static Path shownForm(Path fixture) {
        String name = fixture.getFileName().toString();
        return name.endsWith(".png") || name.endsWith(".webp") ? LittleCms.fixture("p3.tif") : fixture;
    }

    @ParameterizedTest(name = "{0} round trip through sRGB within 1 level")
    @CsvSource({"p3.png, png", "p3.tif, tif", "p3.webp, png", "adobe-rgb.jpg, png"})
    void theSourcesValuesComeBackWithinOneLevelWhereInGamut(String name, String extension) throws Exception {
        // source → working (sRGB) → source; the pixels whose colour is beyond sRGB (touching its
        // boundary once converted: JPEG's noise pushes a few out) are clipped, the rest come back
        Path source = LittleCms.fixture(name);
        Path out = dir.resolve("out." + extension);
        Photo photo = loader.load(source);
        exporter.export(photo, out, ExportOptions.DEFAULT);
        int[] before = Pixels.rawValues(source);
        int[] after = Pixels.rawValues(out);
        int inGamut = 0;
        for (int i = 0; i < before.length; i++) {
            int p = photo.argb()[i];
            if (isInside(p >>> 16 & 0xFF) && isInside(p >>> 8 & 0xFF) && isInside(p & 0xFF)) {
                inGamut++;
                int worst = Pixels.maxAbsDiff(new int[] {before[i]}, new int[] {after[i]});
                assertTrue(worst <= 1, name + " pixel " + i + ": " + Integer.toHexString(before[i]) + " came back as "
                        + Integer.toHexString(after[i]));
            }
        }
        assertTrue(inGamut > before.length * 0.9, inGamut + " of " + before.length + " pixels checked");
        assertSameProfile(photo.source().iccProfile(), out);
    }

    private static boolean isInside(int level) {
        return level > 0 && level < 255;
    }

    @ParameterizedTest
    @CsvSource({"p3.jpg, png", "p3.png, png", "p3.tif, tif", "adobe-rgb.jpg, tif"})
    void inSrgbTheExportHoldsWhatLittleCmsShowsTaggedSrgb(String name, String extension) throws Exception {
        Path source = LittleCms.fixture(name);
        Path out = dir.resolve("out." + extension);
        exporter.export(loader.load(source), out, ExportOptions.DEFAULT.withColourSpace(OutputColourSpace.SRGB));
        Photo back = loader.load(out);
        // tagged sRGB (ColourTagTest): a PNG by its sRGB chunk, a TIFF by the sRGB profile, neither converted on load
        byte[] profile = back.source().iccProfile();
        assertTrue(extension.equals("png") ? profile == null && back.source().taggedSrgb()
                : profile != null && ColourProfiles.isSrgbEquivalent(ICC_Profile.getInstance(profile)), "tagged sRGB");
        assertFalse(back.source().convertedToSrgb());
        double deltaE = ImageMetrics.meanDeltaE76(LittleCms.shownAsSrgb(shownForm(source), dir), back.argb());
        assertTrue(deltaE <= 1.0, "mean ΔE76 " + deltaE);
    }

    @Test
    void colourBeyondSrgbIsClippedToTheGamutNotWrapped() throws Exception {
        // P3's primaries, converted to sRGB on load and back to P3 on export: the strongest colours
        // come back as the most saturated colour sRGB holds, shown as LittleCMS clips them
        Path source = LittleCms.fixture("p3-beyond-srgb.tif");
        Path out = dir.resolve("out.tif");
        exporter.export(loader.load(source), out, ExportOptions.DEFAULT);
        int[] shownBefore = LittleCms.shownAsSrgb(source, dir);
        int[] shownAfter = LittleCms.shownAsSrgb(out, dir);
        assertTrue(ImageMetrics.meanDeltaE76(shownBefore, shownAfter) <= 1.0);
        // a wrapped value would jump by hundreds of levels; quantising P3 to 8 bits at sRGB's edge moves a few
        assertTrue(Pixels.maxAbsDiff(shownBefore, shownAfter) <= 12, "max " + Pixels.maxAbsDiff(shownBefore, shownAfter));
    }

    private static void assertSameProfile(byte[] expected, Path out) throws Exception {
        assertNotNull(expected, "the source embeds a profile");
        byte[] written = new PhotoLoader().load(out).source().iccProfile();
        assertNotNull(written, out + " embeds the source's profile");
        assertArrayEquals(ICC_Profile.getInstance(expected).getData(), ICC_Profile.getInstance(written).getData());
    }
}
