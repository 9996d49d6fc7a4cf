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
 * Export keeps the source's colour space (its own values, its profile embedded), or writes sRGB,
 * tagged as such, clipped as LittleCMS clips; in every format, a colour-managed viewer (LittleCMS
 * here) shows the export as it showed the source. That the source's own values come back bit for
 * bit is StrengthZeroCommandLineTest's to check.
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
    void coloursBeyondSrgbWrittenInSrgbAreClippedAsLittleCmsClipsThemNotWrapped() throws Exception {
        // P3's strongest colours, beyond sRGB: kept in the source's space (StrengthZeroCommandLineTest), clipped
        // only when the export is in sRGB, channel by channel, as tificc clips them
        Path source = LittleCms.fixture("p3-beyond-srgb.tif");
        Photo photo = loader.load(source);
        Path out = dir.resolve("out.tif");
        exporter.export(photo, out, ExportOptions.DEFAULT.withColourSpace(OutputColourSpace.SRGB));
        int[] ours = Pixels.rawValues(out);
        int[] lcms = LittleCms.shownAsSrgb(source, dir);
        int beyond = 0;
        for (int i = 0; i < ours.length; i++) {
            double[] v = {photo.samples().level(i, 0) / 255.0, photo.samples().level(i, 1) / 255.0, photo.samples().level(i, 2) / 255.0};
            photo.samples().space().toSrgb(v);
            beyond += Math.min(v[0], Math.min(v[1], v[2])) < -0.02 || Math.max(v[0], Math.max(v[1], v[2])) > 1.02 ? 1 : 0;
        }
        int worst = Pixels.maxAbsDiff(lcms, ours);
        System.out.printf("P3 beyond sRGB written in sRGB: %d of %d pixels beyond sRGB; against tificc -t1 worst %d levels%n",
                beyond, ours.length, worst);
        assertTrue(beyond > ours.length / 4, beyond + " of " + ours.length + " pixels beyond sRGB");
        // a wrapped value would jump by hundreds of levels
        assertTrue(worst <= 1, "worst " + worst + " levels from LittleCMS's clipping");
    }

    private static void assertSameProfile(byte[] expected, Path out) throws Exception {
        assertNotNull(expected, "the source embeds a profile");
        byte[] written = new PhotoLoader().load(out).source().iccProfile();
        assertNotNull(written, out + " embeds the source's profile");
        assertArrayEquals(ICC_Profile.getInstance(expected).getData(), ICC_Profile.getInstance(written).getData());
    }
}
