package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.retone.core.image.PhotoLoader;
import app.retone.testing.LittleCms;
import app.retone.testing.LutProfiles;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 21: at strength 0 a photo with a colour profile comes back bit for bit, in every format
 * that carries a profile, at 8 and 16 bits, from the command line as a user runs it: {@code
 * enhance --strength 0} written in another format or the same, its samples read back from the
 * written file and compared with the source's decoded values, and its profile kept. A device
 * profile (lookup tables only, {@link LutProfiles}) too: its values are LittleCMS's to convert,
 * and nothing converts them when nothing changes.
 */
class StrengthZeroCommandLineTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    /**
     * {@code source}: a fixture of make-fixtures.sh or one made here; {@code values}: the file
     * holding the values it decodes to (a lossless WebP holds p3.tif's, which LittleCMS made).
     */
    @ParameterizedTest(name = "{0} written as {1}")
    @CsvSource({
        "p3.tif, tif, p3.tif, 8",
        "p3.tif, png, p3.tif, 8",
        "p3.png, tif, p3.png, 8",
        "p3.jpg, tif, p3.jpg, 8",
        "p3.jpg, png, p3.jpg, 8",
        "p3.webp, png, p3.tif, 8",
        "p3.webp, tif, p3.tif, 8",
        "adobe-rgb.jpg, png, adobe-rgb.jpg, 8",
        "p3-beyond-srgb.tif, png, p3-beyond-srgb.tif, 8",
        "p3-16bit.tif, png, p3-16bit.tif, 16",
        "prophoto-16bit.png, png, prophoto-16bit.png, 16",
        "prophoto-16bit.png, tif, prophoto-16bit.png, 16",
        "device-8bit.tif, tif, device-8bit.tif, 8",
        "device-8bit.tif, png, device-8bit.tif, 8",
        "device-16bit.tif, tif, device-16bit.tif, 16",
        "device-16bit.tif, png, device-16bit.tif, 16",
    })
    void aProfiledPhotoComesBackBitForBitAtStrengthZero(String source, String format, String values, int bits) throws Exception {
        Path in = source(source);
        Path out = dir.resolve("out." + format);
        assertEquals(0, run("enhance", in.toString(), "-o", out.toString(), "--strength", "0"), stderr);

        int[][] before = Pixels.rawSamples(source(values));
        int[][] after = Pixels.rawSamples(out);
        assertEquals((1 << bits) - 1, after[3][0], bits + " bits written");
        assertEquals(before[3][0], after[3][0]);
        int changed = 0;
        int worst = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < before[c].length; i++) {
                int d = Math.abs(before[c][i] - after[c][i]);
                changed += d == 0 ? 0 : 1;
                worst = Math.max(worst, d);
            }
        }
        assertEquals(0, changed, changed + " of " + 3 * before[0].length + " samples changed, by up to " + worst);
        byte[] profile = new PhotoLoader().load(in).source().iccProfile();
        assertNotNull(profile, source + " carries a profile");
        assertArrayEquals(profile, new PhotoLoader().load(out).source().iccProfile(), "its profile kept, byte for byte");
    }

    private Path source(String name) throws Exception {
        if (name.equals("prophoto-16bit.png")) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                TestImages.write(file, TestImages.pngWithIccp(TestImages.gradient16(320, 200), Files.readAllBytes(LittleCms.PROPHOTO)));
            }
            return file;
        }
        if (name.startsWith("device-")) { // a device profile (lookup tables only), which LittleCMS converts
            Path file = dir.resolve(name);
            return Files.exists(file) ? file : name.contains("16") ? LutProfiles.tiff16(file) : LutProfiles.tiff8(file);
        }
        return LittleCms.fixture(name);
    }
}
