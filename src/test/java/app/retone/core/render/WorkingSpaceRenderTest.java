package app.retone.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.EncodedPixels;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.OutputColourSpace;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.PhotoExporter;
import app.retone.testing.LittleCms;
import app.retone.testing.LutProfiles;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering in the working space: what the look does not move keeps colours beyond sRGB; only the output clips. */
class WorkingSpaceRenderTest {

    @TempDir
    Path dir;

    /** A look that lifts the shadows only: nodes darker than a third on every channel move up, the rest stay. */
    private static ColorLut3D shadowLift() {
        int n = 17;
        float[] nodes = new float[3 * n * n * n];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    float[] v = {r / (n - 1f), g / (n - 1f), b / (n - 1f)};
                    boolean dark = v[0] < 0.34f && v[1] < 0.34f && v[2] < 0.34f;
                    for (int c = 0; c < 3; c++) {
                        nodes[i++] = dark ? v[c] + 0.08f * (0.34f - Math.max(v[0], Math.max(v[1], v[2]))) : v[c];
                    }
                }
            }
        }
        return ColorLut3D.of(n, nodes);
    }

    @Test
    void coloursTheLookLeavesAloneStayBeyondSrgbInTheirOwnSpace() throws Exception {
        // Display P3's primaries, white, black (which the look lifts) and greys
        int[] values = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x101010};
        int[] argb = new int[values.length * 2];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | values[i % values.length];
        }
        Path in = TestImages.write(dir.resolve("p3.png"), TestImages.pngWithIccp(TestImages.fromArgb(argb, values.length, 2, false),
                Files.readAllBytes(LittleCms.DISPLAY_P3)));
        Photo photo = new PhotoLoader().load(in);
        assertTrue(!photo.samples().space().isSrgb(), "read in P3");
        EncodedPixels own = PhotoRender.render(new ColorTransfer(), photo, Recipe.of(shadowLift(), 1, false), ImageFormat.PNG,
                OutputColourSpace.SOURCE);
        int[] out = own.samples().packed8();
        for (int i = 0; i < 4; i++) {
            assertEquals(values[i], out[i] & 0xFFFFFF, "P3 value " + Integer.toHexString(values[i]) + " left as it was");
        }
        assertNotEquals(0, out[4] & 0xFFFFFF, "black lifted");
        // on screen (sRGB) P3's green is clipped to sRGB's; written in sRGB too, the export says so
        assertEquals(0x00FF00, photo.argb()[1] & 0xFFFFFF);
        EncodedPixels srgb = PhotoRender.render(new ColorTransfer(), photo, Recipe.of(shadowLift(), 1, false), ImageFormat.PNG,
                OutputColourSpace.SRGB);
        assertEquals(0x00FF00, srgb.samples().packed8()[1] & 0xFFFFFF);
        assertTrue(srgb.samples().space().isSrgb());
    }

    @Test
    void atStrengthZeroEveryPhotoWritesItsOwnValuesBack() throws Exception {
        Path in = LittleCms.fixture("p3-beyond-srgb.tif");
        Photo photo = new PhotoLoader().load(in);
        EncodedPixels same = PhotoRender.render(new ColorTransfer(), photo, Recipe.of(shadowLift(), 0, true), ImageFormat.TIFF,
                OutputColourSpace.SOURCE);
        assertArrayEquals(photo.samples().packed8(), same.samples().packed8());
    }

    @Test
    void aDeviceProfilesPhotoKeepsColoursBeyondSrgbThatTheLookLeavesAlone() throws Exception {
        // the same values under Adobe RGB's matrix profile and under the device profile sampled from it
        // (LutProfiles): the look lifts the shadows only, so Adobe RGB's green (0, 255, 0), beyond sRGB,
        // stays where Retone computes the space; a device profile's photo is rendered from LittleCMS's
        // conversion into a wide space (WideIntermediate) and converted back, so its green comes back as
        // LittleCMS's own round trip through the profile and a wide space brings it, not clipped to sRGB's
        Path device = LutProfiles.tiff8(dir.resolve("device.tif"));
        Path matrix = TestImages.write(dir.resolve("matrix.tif"), TestImages.tiffWithProfile(LutProfiles.cube8(),
                Files.readAllBytes(LittleCms.ADOBE_RGB)));
        int[] fromDevice = exported(device);
        int[] fromMatrix = exported(matrix);
        Path profile = Files.write(dir.resolve("device.icc"), LutProfiles.adobeRgbAsLookupTables());
        double[] wide = LittleCms.transicc(profile.toString(), LittleCms.PROPHOTO.toString(), 0, 255, 0);
        double[] back = LittleCms.transicc(LittleCms.PROPHOTO.toString(), profile.toString(), wide);
        double[] inSrgb = LittleCms.transicc(profile.toString(), "*sRGB", 0, 255, 0);
        for (int c = 0; c < 3; c++) {
            inSrgb[c] = Math.max(0, Math.min(255, inSrgb[c])); // what a conversion to sRGB pixels keeps
        }
        double[] clipped = LittleCms.transicc("*sRGB", profile.toString(), inSrgb);
        System.out.printf(java.util.Locale.ROOT, "Adobe RGB's green through a shadow lift: %06x from the matrix profile, %06x from"
                + " the device profile; LittleCMS through ProPhoto and back (%.1f, %.1f, %.1f), through sRGB and back (%.1f, %.1f, %.1f)%n",
                fromMatrix[1] & 0xFFFFFF, fromDevice[1] & 0xFFFFFF, back[0], back[1], back[2], clipped[0], clipped[1], clipped[2]);
        assertEquals(0x00FF00, fromMatrix[1] & 0xFFFFFF, "kept beyond sRGB");
        int[] got = {fromDevice[1] >> 16 & 0xFF, fromDevice[1] >> 8 & 0xFF, fromDevice[1] & 0xFF};
        for (int c = 0; c < 3; c++) {
            assertEquals(back[c], got[c], 2.5, "channel " + c + ": as LittleCMS's round trip through a wide space");
        }
        assertTrue(clipped[0] - got[0] > 50, "not clipped to sRGB's green (" + clipped[0] + " red through sRGB)");
    }

    @Test
    void aSixteenBitDeviceProfilesPhotoGoesBackIntoItsProfileAtSixteenBits() throws Exception {
        // a 16-bit gradient under the device profile, through a look that lifts the shadows only: what the
        // look leaves alone comes back, at 16 bits, as LittleCMS's own round trip through the profile brings it
        Path source = LutProfiles.tiff16(dir.resolve("device16.tif"));
        Photo photo = new PhotoLoader().load(source);
        Path out = dir.resolve("out16.tif");
        PhotoRender.export(new ColorTransfer(), new PhotoExporter(), photo, Recipe.of(shadowLift(), 1, false), out,
                ExportOptions.DEFAULT);
        // LittleCMS's own round trip of the same file through the profile and a wide space, at 16 bits
        Path profile = Files.write(dir.resolve("device.icc"), LutProfiles.adobeRgbAsLookupTables());
        Path wide = dir.resolve("wide16.tif");
        Path back = dir.resolve("back16.tif");
        LittleCms.run("tificc", "-t1", "-w16", "-i" + profile, "-o" + LittleCms.PROPHOTO, source.toString(), wide.toString());
        LittleCms.run("tificc", "-t1", "-w16", "-i" + LittleCms.PROPHOTO, "-o" + profile, wide.toString(), back.toString());
        int[][] before = Pixels.rawSamples(back);
        int[][] after = Pixels.rawSamples(out);
        assertEquals(65535, after[3][0], "written at 16 bits");
        double sum = 0;
        int bright = 0;
        int worst = 0;
        for (int i = 0; i < before[0].length; i++) {
            if (Math.max(before[0][i], Math.max(before[1][i], before[2][i])) > 40000) { // not dark: the look leaves it
                for (int c = 0; c < 3; c++) {
                    int d = Math.abs(after[c][i] - before[c][i]);
                    sum += d;
                    worst = Math.max(worst, d);
                }
                bright++;
            }
        }
        double mean = sum / (3.0 * bright);
        System.out.printf("16-bit device photo, pixels the look leaves alone against tificc's round trip: mean %.1f, worst %d of 65535 (%d pixels)%n",
                mean, worst, bright);
        assertTrue(bright > 1000, bright + " bright pixels");
        // measured: mean 63 (a quarter of an 8-bit level); the worst, some 15 levels of 255, where the
        // profile's tables are steep, which the JDK's LittleCMS and Debian's sample apart
        assertTrue(mean < 128, "mean " + mean + " of 65535 (worst " + worst + ")");
    }

    private int[] exported(Path source) throws Exception {
        Photo photo = new PhotoLoader().load(source);
        Path out = dir.resolve("out-" + source.getFileName());
        PhotoRender.export(new ColorTransfer(), new PhotoExporter(), photo, Recipe.of(shadowLift(), 1, false), out,
                ExportOptions.DEFAULT);
        return Pixels.rawValues(out);
    }
}
