package app.retone.core.image;

import app.retone.core.render.PhotoRender;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.testing.LittleCms;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 16-bit PNG and TIFF photos are loaded, rendered and written at 16 bits. */
class SixteenBitTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();
    private final PhotoExporter exporter = new PhotoExporter();

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif"})
    void aSixteenBitPhotoKeepsItsSamplesAndItsEightBitCopyIsTheirRounding(String extension) throws Exception {
        Path file = TestImages.write(dir.resolve("gradient." + extension), TestImages.gradient16(300, 200),
                extension.equals("tif") ? "tiff" : "png");
        Photo photo = loader.load(file);
        short[] deep = photo.samples().rgb16();
        int[][] stored = Pixels.rawSamples(file);
        assertEquals(65535, stored[3][0]);
        for (int i = 0; i < photo.argb().length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(stored[c][i], deep[3 * i + c] & 0xFFFF);
            }
            int p = photo.argb()[i];
            assertEquals(Math.round(stored[0][i] / 257.0), p >>> 16 & 0xFF, "8-bit red of pixel " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif"})
    void strengthZeroGivesTheSixteenBitsBackBitForBit(String extension) throws Exception {
        Path file = TestImages.write(dir.resolve("gradient." + extension), TestImages.gradient16(300, 200),
                extension.equals("tif") ? "tiff" : "png");
        Photo photo = loader.load(file);
        ColorLut3D look = ColorLut3D.of(17, gammaNodes(17, 0.7));
        Path out = dir.resolve("out." + extension);
        PhotoRender.export(new ColorTransfer(), exporter, photo, app.retone.core.render.Recipe.of(look, 0, true), out, ExportOptions.DEFAULT);
        int[][] before = Pixels.rawSamples(file);
        int[][] after = Pixels.rawSamples(out);
        assertEquals(65535, after[3][0], "written at 16 bits");
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(before[c], after[c]);
        }
    }

    @Test
    void aRealLookKeepsThousandsOfLevelsWhereEightBitsKeep256() throws Exception {
        Path file = TestImages.write(dir.resolve("gradient.png"), TestImages.gradient16(4200, 64), "png");
        Photo photo = loader.load(file);
        ColorLut3D look = ColorLut3D.of(33, gammaNodes(33, 0.8));
        Path out = dir.resolve("out.png");
        PhotoRender.export(new ColorTransfer(), exporter, photo, app.retone.core.render.Recipe.of(look, 1, true), out, ExportOptions.DEFAULT);
        int[][] after = Pixels.rawSamples(out);
        long levels = Arrays.stream(after[0]).distinct().count();
        assertTrue(levels > 4000, levels + " distinct red levels");
        // and the look did change them: a gamma 0.8 brightens the middle
        assertTrue(after[0][2100] > Pixels.rawSamples(file)[0][2100] + 2000);

        Path eight = dir.resolve("eight.png");
        PhotoRender.export(new ColorTransfer(), exporter, photo.withPixels(photo.argb()), app.retone.core.render.Recipe.of(look, 1, true), eight, ExportOptions.DEFAULT);
        assertTrue(Arrays.stream(Pixels.rawSamples(eight)[0]).distinct().count() <= 256, "the 8-bit path, for contrast");
    }

    @Test
    void aSixteenBitDisplayP3TiffComesBackBitForBitAtSixteenBits() throws Exception {
        Path file = LittleCms.fixture("p3-16bit.tif");
        Photo photo = loader.load(file);
        assertTrue(photo.source().convertedToSrgb());
        Path out = dir.resolve("out.tif");
        exporter.export(photo, out, ExportOptions.DEFAULT);
        int[][] before = Pixels.rawSamples(file);
        int[][] after = Pixels.rawSamples(out);
        assertEquals(65535, after[3][0], "written at 16 bits");
        // its own values, never through sRGB
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(before[c], after[c]);
        }
        assertArrayEquals(java.awt.color.ICC_Profile.getInstance(photo.source().iccProfile()).getData(),
                java.awt.color.ICC_Profile.getInstance(loader.load(out).source().iccProfile()).getData());
    }

    @Test
    void aJpegExportOfASixteenBitPhotoIsItsEightBitRounding() throws Exception {
        Photo photo = loader.load(TestImages.write(dir.resolve("g.png"), TestImages.gradient16(64, 64), "png"));
        Path out = dir.resolve("out.jpg");
        exporter.export(photo, out, ExportOptions.DEFAULT.withQuality(100));
        assertTrue(Pixels.meanAbsDiff(photo.argb(), loader.load(out).argb()) < 1.5);
    }

    @Test
    void theOrientationTurnsSixteenBitPixelsAsItTurnsEightBitOnes() {
        int w = 5;
        int h = 3;
        int[] argb = new int[w * h];
        short[] deep = new short[3 * w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | i;
            deep[3 * i + 2] = (short) i;
        }
        for (int orientation = 1; orientation <= 8; orientation++) {
            int[] turned = ExifOrientation.apply(argb, w, h, orientation);
            short[] turnedDeep = ExifOrientation.apply(deep, w, h, orientation);
            for (int i = 0; i < turned.length; i++) {
                assertEquals(turned[i] & 0xFF, turnedDeep[3 * i + 2], "orientation " + orientation + ", pixel " + i);
            }
        }
    }

    /** A LUT of nodes that raise each channel to {@code gamma}. */
    private static float[] gammaNodes(int n, double gamma) {
        float[] nodes = new float[3 * n * n * n];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    nodes[i++] = (float) Math.pow(r / (n - 1.0), gamma);
                    nodes[i++] = (float) Math.pow(g / (n - 1.0), gamma);
                    nodes[i++] = (float) Math.pow(b / (n - 1.0), gamma);
                }
            }
        }
        return nodes;
    }
}
