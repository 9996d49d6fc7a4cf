package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.PhotoLoader;
import app.retone.core.render.Develop;
import app.retone.core.render.PhotoSettings;
import app.retone.core.render.TargetKind;
import app.retone.core.sidecar.Sidecar;
import app.retone.testing.ExifTool;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The develop adjustments and the sidecar on the command line, as the checks run them. */
class DevelopCommandLineTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    private Path grey(String name, int level) throws Exception {
        int[] px = new int[64 * 48];
        Arrays.fill(px, 0xFF000000 | level << 16 | level << 8 | level);
        return TestImages.write(dir.resolve(name), TestImages.fromArgb(px, 64, 48, false), "png");
    }

    private static int centre(Path file) throws Exception {
        int[] px = new PhotoLoader().load(file).argb();
        return px[px.length / 2];
    }

    @Test
    void exposurePlusOneAtStrengthZeroTurnsGrey118Into162() throws Exception {
        Path in = grey("grey.png", 118);
        Path out = dir.resolve("out.png");
        assertEquals(0, run("enhance", in.toString(), "-o", out.toString(), "--strength", "0", "--exposure", "1"), stderr);
        assertEquals(0xFFA2A2A2, centre(out), "one stop up: 18.1 % linear becomes 36.2 %, level 162");
    }

    @Test
    void temperatureWarmsAndCoolsAGrey() throws Exception {
        Path in = grey("grey.png", 128);
        Path warm = dir.resolve("warm.png");
        Path cool = dir.resolve("cool.png");
        assertEquals(0, run("enhance", in.toString(), "-o", warm.toString(), "--strength", "0", "--temperature", "40"), stderr);
        assertEquals(0, run("enhance", in.toString(), "-o", cool.toString(), "--strength", "0", "--temperature", "-40"), stderr);
        int w = centre(warm);
        int c = centre(cool);
        assertTrue((w >>> 16 & 0xFF) > (w & 0xFF) + 10, "warmer: " + Integer.toHexString(w));
        assertTrue((c & 0xFF) > (c >>> 16 & 0xFF) + 10, "cooler: " + Integer.toHexString(c));
    }

    @Test
    void saveSidecarWritesEditsOtherToolsReadAndAPlainEnhanceHonoursThem() throws Exception {
        Path photo = TestImages.write(dir.resolve("dull.png"), TestImages.fromArgb(
                app.retone.core.image.SyntheticPhoto.landscape(96, 64, 4).argb(), 96, 64, false), "png");
        byte[] photoBytes = Files.readAllBytes(photo);
        Path first = dir.resolve("first.png");
        assertEquals(0, run("enhance", photo.toString(), "-o", first.toString(), "--exposure", "0.5", "--temperature", "20",
                "--vibrance", "30", "--strength", "0.7", "--save-sidecar"), stderr);
        Path sidecar = dir.resolve("dull.png.xmp");
        assertTrue(Files.exists(sidecar), "PHOTO.EXT.xmp written");
        assertArrayEquals(photoBytes, Files.readAllBytes(photo), "the photo is never written");
        var tags = ExifTool.read(sidecar);
        assertEquals("0", ExifTool.text(tags, "XMP-xmp:Rating"), "xmp:Rating always written: " + tags);
        assertEquals("0.5", ExifTool.text(tags, "XMP-retone:Exposure"));
        PhotoSettings stored = Sidecar.read(photo).orElseThrow();
        assertEquals(0.7, stored.strength());
        assertEquals(30, stored.develop().vibrance());

        Path plain = dir.resolve("plain.png");
        assertEquals(0, run("enhance", photo.toString(), "-o", plain.toString()), stderr);
        assertArrayEquals(Pixels.rawValues(first), Pixels.rawValues(plain), "a plain enhance afterwards: the same pixels");
        Path ignoring = dir.resolve("ignoring.png");
        assertEquals(0, run("enhance", photo.toString(), "-o", ignoring.toString(), "--ignore-sidecar"), stderr);
        assertFalse(Arrays.equals(Pixels.rawValues(first), Pixels.rawValues(ignoring)), "--ignore-sidecar: not the same");
        // an option given overrides the sidecar's value for that edit alone
        Path cooler = dir.resolve("cooler.png");
        assertEquals(0, run("enhance", photo.toString(), "-o", cooler.toString(), "--temperature", "-20"), stderr);
        assertFalse(Arrays.equals(Pixels.rawValues(first), Pixels.rawValues(cooler)));
    }

    @Test
    void aSidecarsReferenceLookIsTheOneEnhanceUses() throws Exception {
        Path photo = TestImages.write(dir.resolve("p.png"), TestImages.fromArgb(
                app.retone.core.image.SyntheticPhoto.landscape(96, 64, 5).argb(), 96, 64, false), "png");
        Path reference = TestImages.write(dir.resolve("ref.png"), TestImages.fromArgb(Pixels.cast(
                app.retone.core.image.SyntheticPhoto.landscape(80, 60, 6).argb(), new double[] {0.6, 0, 0.2, 0, 0.7, 0.2, 0.1, 0.2, 1},
                new double[] {0, 10, 40}), 80, 60, false), "png");
        Sidecar.write(photo, new PhotoSettings(TargetKind.REFERENCE, reference, 1, true, Develop.NEUTRAL, 2));
        Path viaSidecar = dir.resolve("via-sidecar.png");
        Path viaTransfer = dir.resolve("via-transfer.png");
        assertEquals(0, run("enhance", photo.toString(), "-o", viaSidecar.toString()), stderr);
        assertEquals(0, run("transfer", photo.toString(), "-r", reference.toString(), "-o", viaTransfer.toString()), stderr);
        assertArrayEquals(Pixels.rawValues(viaTransfer), Pixels.rawValues(viaSidecar), "the reference the sidecar names");
    }

    @Test
    void aDamagedSidecarIsNamedInAWarningThePhotoIsStillExportedAndTheFileUnchanged() throws Exception {
        Path photo = grey("g.png", 100);
        Path sidecar = dir.resolve("g.png.xmp");
        byte[] damaged = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><broken".getBytes();
        Files.write(sidecar, damaged);
        Path out = dir.resolve("out.png");
        assertEquals(0, run("enhance", photo.toString(), "-o", out.toString()), stderr);
        assertTrue(stderr.contains("warning") && stderr.contains("g.png.xmp"), stderr);
        assertTrue(Files.exists(out));
        assertArrayEquals(damaged, Files.readAllBytes(sidecar), "left exactly as it was");
    }

    @Test
    void anAdjustmentOutOfRangeIsRefusedWithItsName() throws Exception {
        Path in = grey("grey.png", 118);
        assertEquals(2, run("enhance", in.toString(), "-o", dir.resolve("x.png").toString(), "--exposure", "7"));
        assertTrue(stderr.contains("--exposure") && stderr.contains("Exposure must be between -5 and +5, got 7"), stderr);
    }

    @Test
    void everyAdjustmentHasItsOption() {
        assertEquals(0, run("enhance", "--help"));
        for (Develop.Adjustment a : Develop.Adjustment.values()) {
            assertTrue(stdout.contains("--" + a.id()), a + " missing from:\n" + stdout);
        }
        assertTrue(stdout.contains("--ignore-sidecar") && stdout.contains("--save-sidecar"), stdout);
    }
}
