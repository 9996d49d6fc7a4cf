package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.ExifTool;
import app.retone.core.color.ImageMetrics;
import app.retone.testing.ImageMagick;
import app.retone.testing.LittleCms;
import app.retone.testing.TestImages;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A photo stored in CMYK (made live by ImageMagick, as a prepress tool leaves one): the decoder
 * converts it to RGB, the user is told so in a warning, and every export is RGB tagged sRGB,
 * whichever colour space is asked for.
 */
class CmykPhotoTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();

    private Path cmyk(String extension) throws Exception {
        Path rgb = TestImages.write(dir.resolve("quadrants.png"), TestImages.quadrants(), "png");
        Path cmyk = ImageMagick.cmyk(rgb, dir.resolve("print." + extension));
        JsonObject tags = ExifTool.read(cmyk);
        assertEquals("4", ExifTool.text(tags, extension.equals("jpg") ? "File:ColorComponents" : "IFD0:SamplesPerPixel"),
                "ImageMagick wrote CMYK: " + tags);
        return cmyk;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "tif"})
    void aCmykPhotoIsConvertedToRgbAndTheUserIsToldSo(String extension) throws Exception {
        Photo photo = loader.load(cmyk(extension));

        assertEquals(List.of("the photo is stored in CMYK, for print: it was converted to RGB (sRGB) to be shown and edited,"
                + " and its exports are RGB, tagged as sRGB"), photo.warnings());
        assertTrue(photo.source().taggedSrgb());
        int[] expected = {TestImages.RED, TestImages.GREEN, TestImages.BLUE, TestImages.WHITE};
        int[] at = {8 * 64 + 8, 8 * 64 + 56, 24 * 64 + 8, 24 * 64 + 56};
        for (int i = 0; i < 4; i++) {
            int p = photo.argb()[at[i]];
            int e = expected[i];
            // ImageMagick's naive CMYK (no profile) turns back into RGB closely
            assertTrue(Math.abs((p >> 16 & 0xFF) - (e >> 16 & 0xFF)) <= 12 && Math.abs((p >> 8 & 0xFF) - (e >> 8 & 0xFF)) <= 12
                    && Math.abs((p & 0xFF) - (e & 0xFF)) <= 12, "quadrant " + i + ": " + Integer.toHexString(p));
        }
    }

    @ParameterizedTest(name = "{0} in the {1} space")
    @CsvSource({"jpg, source", "png, source", "tif, source", "jpg, srgb", "png, srgb", "tif, srgb"})
    void itsExportsAreRgbTaggedSrgb(String extension, String space) throws Exception {
        Photo photo = loader.load(cmyk("jpg"));
        Path out = dir.resolve("out." + extension);
        new PhotoExporter().export(photo, out, ExportOptions.DEFAULT.withColourSpace(OutputColourSpace.fromId(space).orElseThrow()));

        JsonObject tags = ExifTool.read(out);
        if (extension.equals("png")) {
            assertEquals("0", ExifTool.text(tags, "PNG:SRGBRendering"), tags.toString());
            assertEquals("2", ExifTool.text(tags, "PNG:ColorType"), "RGB");
        } else {
            assertEquals("sRGB built-in", ExifTool.text(tags, "ICC_Profile:ProfileDescription"), tags.toString());
            assertEquals("RGB ", ExifTool.text(tags, "ICC-header:ColorSpaceData"));
            assertEquals("3", ExifTool.text(tags, extension.equals("jpg") ? "File:ColorComponents" : "IFD0:SamplesPerPixel"));
        }
        Photo back = loader.load(out);
        assertEquals(List.of(), back.warnings(), "an RGB photo now");
    }

    /**
     * A CMYK print file that embeds a real press profile (ghostscript's "Artifex CMYK SWOP Profile",
     * Debian's libgs-common), made by LittleCMS's own tools from the sRGB coffee photo: Retone's
     * conversion to sRGB against {@code jpgicc}/{@code tificc}'s with the same profiles, run live. The
     * file is made perceptual, as the profile's header asks; it is shown relative colorimetric ({@link #INTENT}).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "tif"})
    void aCmykPhotoWithAPressProfileIsShownAsLittleCmsShowsIt(String extension) throws Exception {
        Path srgb = LittleCms.fixture("srgb-no-profile.jpg");
        Path cmyk = dir.resolve("press." + extension);
        if (extension.equals("jpg")) {
            LittleCms.run("jpgicc", "-t0", "-e", "-q95", "-o" + SWOP, srgb.toString(), cmyk.toString());
        } else {
            Path tiff = TestImages.write(dir.resolve("base.tif"), TestImages.fromArgb(loader.load(srgb).argb(), 96, 64, false), "tiff");
            LittleCms.run("tificc", "-t0", "-e", "-o" + SWOP, tiff.toString(), cmyk.toString());
        }
        JsonObject tags = ExifTool.read(cmyk);
        assertEquals("Artifex CMYK SWOP Profile", ExifTool.text(tags, "ICC_Profile:ProfileDescription"), tags.toString());
        assertEquals("CMYK", ExifTool.text(tags, "ICC-header:ColorSpaceData"));

        Photo photo = loader.load(cmyk);
        assertEquals(1, photo.warnings().size(), "told it was converted: " + photo.warnings());
        Path lcms = dir.resolve("lcms." + extension);
        LittleCms.run(extension.equals("jpg") ? "jpgicc" : "tificc", "-t" + INTENT, extension.equals("jpg") ? "-q100" : "-w8",
                cmyk.toString(), lcms.toString());
        int[] shown = loader.load(lcms).argb(); // sRGB without a profile: its values as they are
        double mean = ImageMetrics.meanDeltaE76(shown, photo.argb());
        double max = 0;
        for (int i = 0; i < shown.length; i++) {
            max = Math.max(max, ImageMetrics.meanDeltaE76(new int[] {shown[i]}, new int[] {photo.argb()[i]}));
        }
        System.out.printf("CMYK %s with the SWOP profile -> sRGB against %s -t%d: mean ΔE76 %.3f, max %.3f%n", extension,
                extension.equals("jpg") ? "jpgicc" : "tificc", INTENT, mean, max);
        assertTrue(mean <= MEAN_BOUND && max <= MAX_BOUND, "mean ΔE76 " + mean + ", max " + max);
    }

    private static final String SWOP = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
    /**
     * Relative colorimetric: the decoders' conversion is LittleCMS's relative colorimetric one, not the
     * perceptual one the profile's header names (measured against -t0: mean ΔE76 4.3, max 10.7).
     */
    private static final int INTENT = 1;
    /** Measured 0.32 and 1.90 (JPEG: the reference is itself a JPEG, at quality 100), 0.17 and 1.28 (TIFF). */
    private static final double MEAN_BOUND = 0.6;
    private static final double MAX_BOUND = 3;
}
