package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ImageMetrics;
import app.retone.testing.LittleCms;
import app.retone.testing.LutProfiles;
import app.retone.testing.Pixels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo whose profile is a device profile, lookup tables only ({@link LutProfiles}: Adobe RGB
 * sampled into A2B0/B2A0), which Retone cannot compute: LittleCMS (the JDK's) converts it on load
 * into a wide space Retone computes, and the photo is shown (and written in sRGB) as LittleCMS's own
 * {@code tificc} converts it to sRGB, checked live; its values are kept beside for an export that
 * changes nothing (StrengthZeroCommandLineTest writes them back bit for bit).
 */
class DeviceProfileTest {

    @TempDir
    Path dir;

    @Test
    void theProfileIsADeviceProfileThatLittleCmsConvertsAsTheSpaceItWasSampledFrom() throws Exception {
        byte[] profile = LutProfiles.adobeRgbAsLookupTables();
        assertEquals(Optional.empty(), IccSpaces.of(profile, "test"), "lookup tables: not computed by Retone");
        Path file = Files.write(dir.resolve("device.icc"), profile);
        double[] rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 128, 128, 128, 10, 20, 30, 200, 100, 50, 30, 160, 90};
        double[] device = LittleCms.transicc(file.toString(), "*sRGB", rgb);
        double[] matrix = LittleCms.transicc(LittleCms.ADOBE_RGB.toString(), "*sRGB", rgb);
        double worst = 0;
        for (int i = 0; i < rgb.length; i++) {
            worst = Math.max(worst, Math.abs(device[i] - matrix[i]));
        }
        System.out.printf("transicc, the device profile against colord's Adobe RGB (1998), to sRGB: worst %.3f of 255%n", worst);
        assertTrue(worst < 1, "worst " + worst + " of 255");
    }

    @Test
    void aDevicePhotoIsShownAsTificcShowsIt() throws Exception {
        Path eight = LutProfiles.tiff8(dir.resolve("device8.tif"));
        Photo photo = new PhotoLoader().load(eight);
        assertTrue(photo.source().convertedToSrgb());
        assertTrue(photo.deviceValues().isPresent(), "its own values kept");
        assertArrayEquals(Pixels.rawValues(eight), photo.deviceValues().get().packed8());
        assertThrows(IllegalStateException.class, () -> photo.deviceValues().get().space().codec(8), "Retone cannot compute them");
        int[] shown = LittleCms.shownAsSrgb(eight, dir);
        double mean8 = ImageMetrics.meanDeltaE76(shown, photo.argb());
        double max8 = 0;
        for (int i = 0; i < shown.length; i++) {
            double d = ImageMetrics.meanDeltaE76(new int[] {shown[i]}, new int[] {photo.argb()[i]});
            max8 = Math.max(max8, d);
        }

        Path sixteen = LutProfiles.tiff16(dir.resolve("device16.tif"));
        Photo deep = new PhotoLoader().load(sixteen);
        // its values as Retone holds them (in the wide intermediate), written in sRGB at 16 bits
        Path srgb16 = dir.resolve("ours16.tif");
        new PhotoExporter().export(deep, srgb16, new ExportOptions(ImageFormat.TIFF, 92, false).withColourSpace(OutputColourSpace.SRGB));
        int[][] written = Pixels.rawSamples(srgb16);
        assertEquals(65535, written[3][0], "written at 16 bits");
        short[] ours = new short[3 * written[0].length];
        for (int i = 0; i < written[0].length; i++) {
            for (int c = 0; c < 3; c++) {
                ours[3 * i + c] = (short) written[c][i];
            }
        }
        Path lcms = dir.resolve("lcms16.tif");
        LittleCms.run("tificc", "-t1", "-w16", sixteen.toString(), lcms.toString());
        int[][] theirs = Pixels.rawSamples(lcms);
        int[][] mine = new int[3][ours.length / 3];
        for (int i = 0; i < mine[0].length; i++) {
            for (int c = 0; c < 3; c++) {
                mine[c][i] = ours[3 * i + c] & 0xFFFF;
            }
        }
        double sum = 0;
        double max16 = 0;
        for (int i = 0; i < mine[0].length; i++) {
            double d = Pixels.deltaE16(mine, theirs, i);
            sum += d;
            max16 = Math.max(max16, d);
        }
        double mean16 = sum / mine[0].length;
        System.out.printf("device profile → sRGB on load against tificc -t1: 8 bits mean ΔE76 %.3f, max %.3f; "
                + "16 bits mean ΔE76 %.3f, max %.3f%n", mean8, max8, mean16, max16);
        // both are LittleCMS with a precalculated table (the JDK's and Debian's); they part only at dark colours
        // that reach sRGB's boundary (measured: means 0.06 and 0.04, worst 1.30 and 1.03)
        assertTrue(mean8 <= 0.25 && max8 <= 2, "8 bits: mean ΔE76 " + mean8 + ", max " + max8);
        assertTrue(mean16 <= 0.25 && max16 <= 2, "16 bits: mean ΔE76 " + mean16 + ", max " + max16);
    }
}
