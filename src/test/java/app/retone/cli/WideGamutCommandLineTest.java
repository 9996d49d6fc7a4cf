package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.PhotoLoader;
import app.retone.testing.LittleCms;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21's working space, from the command line as a user runs it: a colour-managed photo at
 * strength 0 comes back bit for bit in its own space, with its profile; 16-bit conversions to sRGB
 * agree with LittleCMS's own tools (run live) everywhere, shadows included; a grey photo stays grey.
 */
class WideGamutCommandLineTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    /** An 8-bit image of Display P3's primaries, white, black and their mixes, at full P3 values. */
    static BufferedImage p3Primaries() {
        int[] values = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF, 0xFFFFFF, 0x000000, 0x808080, 0x20C040};
        int w = values.length;
        int h = 4;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | values[i % w];
        }
        return TestImages.fromArgb(argb, w, h, false);
    }

    @Test
    void anEightBitDisplayP3PngOfPureP3PrimariesKeepsItsValuesAndItsProfileAtStrengthZero() throws Exception {
        byte[] p3 = Files.readAllBytes(LittleCms.DISPLAY_P3);
        Path in = TestImages.write(dir.resolve("primaries.png"), TestImages.pngWithIccp(p3Primaries(), p3));
        Path out = dir.resolve("out.png");
        assertEquals(0, run("enhance", in.toString(), "-o", out.toString(), "--strength", "0"), stderr);
        assertArrayEquals(Pixels.rawValues(in), Pixels.rawValues(out), "P3 values as they were");
        assertArrayEquals(p3, new PhotoLoader().load(out).source().iccProfile(), "the P3 profile embedded");
    }

    @Test
    void aSixteenBitAdobeRgbTiffComesBackBitForBitAtStrengthZero() throws Exception {
        Path srgb = TestImages.write(dir.resolve("gradient.tif"), TestImages.gradient16(320, 200), "tiff");
        Path adobe = dir.resolve("adobe.tif");
        LittleCms.run("tificc", "-t1", "-e", "-w16", "-o" + LittleCms.ADOBE_RGB, srgb.toString(), adobe.toString());
        Path out = dir.resolve("out.tif");
        assertEquals(0, run("enhance", adobe.toString(), "-o", out.toString(), "--strength", "0"), stderr);
        int[][] before = Pixels.rawSamples(adobe);
        int[][] after = Pixels.rawSamples(out);
        assertEquals(65535, after[3][0], "16 bits");
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(before[c], after[c], "channel " + c);
        }
        assertArrayEquals(Files.readAllBytes(LittleCms.ADOBE_RGB), new PhotoLoader().load(out).source().iccProfile());
    }

    /**
     * 16-bit values of a wide space converted to 16-bit sRGB, against LittleCMS's {@code tificc}
     * run live on the same file. LittleCMS's exact evaluation ({@code -c0}: every pixel through
     * the profiles' curves and matrices) is the reference: ours is within ΔE76 0.1 of it at every
     * pixel. Its default ({@code -c1}, a table sampled from the same evaluation and interpolated)
     * is itself up to ΔE76 1.5 (P3, Adobe RGB) to 3.5 (Rec. 2020, ProPhoto) away from its exact
     * evaluation, at colours that reach sRGB's boundary (a channel clipped at 0 or full), where a
     * cell of its table straddles the clipping; so, pixel by pixel, ours is never further from the
     * default than LittleCMS's own exact evaluation is, plus 0.05 (docs/colour.md).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Rec2020", "DisplayP3", "AdobeRGB1998", "ProPhoto"})
    void sixteenBitWideGamutToSrgbMatchesTificcEverywhereShadowsIncluded(String name) throws Exception {
        Path profile = name.equals("AdobeRGB1998") ? LittleCms.ADOBE_RGB : Path.of("/usr/share/color/argyll/ref/" + name + ".icm");
        int w = 1024;
        int h = 64;
        short[] samples = sweep16(w, h);
        Path in = TestImages.tiff16WithProfile(dir.resolve(name + ".tif"), TestImages.rgb16(samples, w, h),
                Files.readAllBytes(profile));
        Path ours = dir.resolve("ours.tif");
        assertEquals(0, run("enhance", in.toString(), "-o", ours.toString(), "--strength", "0", "--colour-space", "srgb"), stderr);
        int[][] a = Pixels.rawSamples(ours);
        assertEquals(65535, a[3][0]);
        int[][] exact = tificc(in, "-c0");
        int[][] standard = tificc(in, null); // tificc's default: its precalculated 16-bit table (-c1)
        app.retone.core.color.RgbSpace space = new PhotoLoader().load(in).samples().space();
        double worstExact = 0;
        double[] worstOursToDefault = new double[2]; // within sRGB, beyond it
        double[] worstLcmsToDefault = new double[2];
        double worstExcess = Double.NEGATIVE_INFINITY;
        int beyond = 0;
        for (int i = 0; i < w * h; i++) {
            double[] v = {(samples[3 * i] & 0xFFFF) / 65535.0, (samples[3 * i + 1] & 0xFFFF) / 65535.0,
                (samples[3 * i + 2] & 0xFFFF) / 65535.0};
            space.toSrgb(v);
            int k = v[0] >= -1e-4 && v[0] <= 1 + 1e-4 && v[1] >= -1e-4 && v[1] <= 1 + 1e-4 && v[2] >= -1e-4 && v[2] <= 1 + 1e-4 ? 0 : 1;
            beyond += k;
            worstExact = Math.max(worstExact, Pixels.deltaE16(a, exact, i));
            double ourDistance = Pixels.deltaE16(a, standard, i);
            double lcmsDistance = Pixels.deltaE16(exact, standard, i);
            worstOursToDefault[k] = Math.max(worstOursToDefault[k], ourDistance);
            worstLcmsToDefault[k] = Math.max(worstLcmsToDefault[k], lcmsDistance);
            worstExcess = Math.max(worstExcess, ourDistance - lcmsDistance);
        }
        long oursLevels = IntStream.range(0, 8 * w).map(i -> a[1][i]).distinct().count();
        long exactLevels = IntStream.range(0, 8 * w).map(i -> exact[1][i]).distinct().count();
        System.out.printf("%s 16-bit -> sRGB, %d pixels (%d beyond sRGB), worst ΔE76: ours to tificc -c0 %.3f; "
                + "to tificc's default %.3f within sRGB, %.3f beyond; tificc -c0 to its default %.3f within, %.3f beyond; "
                + "ours further from the default than -c0 by at most %.3f; green 0..8191 keeps %d levels (-c0 %d)%n",
                name, w * h, beyond, worstExact, worstOursToDefault[0], worstOursToDefault[1], worstLcmsToDefault[0],
                worstLcmsToDefault[1], worstExcess, oursLevels, exactLevels);
        assertTrue(beyond > w * h / 20 || name.equals("AdobeRGB1998"), beyond + " pixels beyond sRGB");
        assertTrue(worstExact <= 0.1, "LittleCMS's exact evaluation: worst ΔE76 " + worstExact);
        assertTrue(worstExcess <= 0.05, "further from tificc's default than LittleCMS's exact evaluation by " + worstExcess);
        assertTrue(oursLevels >= exactLevels, oursLevels + " shadow levels");
    }

    /**
     * 16-bit values sweeping a space: ramps of green, red, blue over 0..8191 (the shadows), a grey
     * ramp, hues at every value, then colours drawn over the whole cube, half of them cubed towards black.
     */
    private static short[] sweep16(int w, int h) {
        short[] s = new short[3 * w * h];
        java.util.Random random = new java.util.Random(21);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                if (y < 16) {
                    int channel = y < 8 ? 1 : y < 12 ? 0 : 2;
                    int rows = y < 8 ? 8 : 4;
                    int row = y < 8 ? y : (y - 8) % 4;
                    s[i + channel] = (short) ((row * w + x) * 8191 / (rows * w - 1));
                } else if (y < 24) {
                    int v = ((y - 16) * w + x) * 65535 / (8 * w - 1);
                    s[i] = s[i + 1] = s[i + 2] = (short) v;
                } else if (y < 32) {
                    double t = x / (w - 1.0);
                    s[i] = (short) (65535 * (0.5 + 0.5 * Math.sin(6.3 * t)));
                    s[i + 1] = (short) (65535 * (0.5 + 0.5 * Math.sin(6.3 * t + 2.1)));
                    s[i + 2] = (short) (65535 * (y - 24) / 7.0 * t);
                } else {
                    for (int c = 0; c < 3; c++) {
                        double u = random.nextDouble();
                        s[i + c] = (short) Math.round(65535 * (y < 48 ? u : u * u * u));
                    }
                }
            }
        }
        return s;
    }

    private int[][] tificc(Path in, String precalculation) {
        Path out = dir.resolve("lcms" + precalculation + ".tif");
        if (precalculation == null) {
            LittleCms.run("tificc", "-t1", "-w16", in.toString(), out.toString());
        } else {
            LittleCms.run("tificc", "-t1", "-w16", precalculation, in.toString(), out.toString());
        }
        return Pixels.rawSamples(out);
    }

    @Test
    void aGreyJpegWithAGreyProfileStaysGreyInItsOwnSpace() throws Exception {
        Path in = LittleCms.fixture("grey-gamma22.jpg");
        Path out = dir.resolve("grey.jpg");
        assertEquals(0, run("enhance", in.toString(), "-o", out.toString(), "--strength", "0.8"), stderr);
        int[][] stored = Pixels.rawSamples(out);
        assertArrayEquals(stored[0], stored[1], "one grey channel");
        assertEquals(1, bands(out), "written as grey");
        byte[] profile = new PhotoLoader().load(out).source().iccProfile();
        assertArrayEquals(new PhotoLoader().load(in).source().iccProfile(), profile, "its grey profile embedded");
        // the look did act on it
        assertNotEquals(Arrays.toString(Pixels.rawSamples(in)[0]), Arrays.toString(stored[0]));
        // LittleCMS reads the result as the grey it is
        int[] shown = LittleCms.shownAsSrgb(out, dir);
        for (int p : shown) {
            assertEquals(p >>> 16 & 0xFF, p & 0xFF, 1, "neutral as LittleCMS shows it");
        }
        // written in sRGB instead, it is RGB
        Path srgb = dir.resolve("srgb.jpg");
        assertEquals(0, run("enhance", in.toString(), "-o", srgb.toString(), "--colour-space", "srgb"), stderr);
        assertEquals(3, bands(srgb));
    }

    private static int bands(Path file) throws Exception {
        try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getRawImageType(0).getNumBands();
        }
    }
}
