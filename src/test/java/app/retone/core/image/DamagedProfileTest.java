package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.LittleCms;
import app.retone.testing.LutProfiles;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same damage to a photo's colour profile has the same outcome whatever the format embeds it
 * (JPEG APP2, PNG iCCP, TIFF tag 34675, WebP ICCP): a profile claiming 2 GB is refused before any
 * decoding, in a sentence; a profile cut short, or one whose contents are garbage, is a warning
 * and the photo opens with its values as sRGB (PhotoLoader's javadoc says why). The photos are
 * the same 64 × 32 quadrants with Display P3's real profile, damaged.
 */
class DamagedProfileTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();

    private static byte[] displayP3() {
        return LittleCms.bytes(LittleCms.DISPLAY_P3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "png", "tif", "webp"})
    void aProfileClaiming2GbIsRefusedBeforeDecoding(String format) throws Exception {
        byte[] profile = displayP3();
        ByteBuffer.wrap(profile).putInt(0, 0x80000000); // its header's size: 2 GB
        Path file = photo(format, profile);

        long before = allocatedBytes();
        ImageReadException e = assertThrows(ImageReadException.class, () -> loader.load(file));
        long used = allocatedBytes() - before;

        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertEquals(file.getFileName() + ": the embedded ICC colour profile is damaged: it claims 2147483648 bytes,"
                + " more than any colour profile holds (16 MB)", e.getMessage());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void littleCmsReadsTheTiffWhoseProfileClaims2GbAsTheBytesItHoldsWhereRetoneRefusesIt() throws Exception {
        // the same file through LittleCMS's own tificc, run live: LittleCMS does not refuse the claim, it
        // reads the profile as the bytes there are (2.14 clamps the header's size to them) and converts
        // exactly as with the intact profile. Retone refuses it in a sentence, as it refuses the claim in
        // every format: a JPEG's or WebP's decoder would allocate what the header claims
        byte[] intact = displayP3();
        byte[] profile = displayP3();
        ByteBuffer.wrap(profile).putInt(0, 0x80000000);
        Path file = Files.write(dir.resolve("damaged.tif"), TestImages.tiffWithProfile(LutProfiles.cube8(), profile));
        Path reference = Files.write(dir.resolve("intact.tif"), TestImages.tiffWithProfile(LutProfiles.cube8(), intact));
        Path fromDamaged = dir.resolve("lcms-damaged.tif");
        Path fromIntact = dir.resolve("lcms-intact.tif");
        LittleCms.Result lcms = LittleCms.attempt(null, "tificc", "-t1", file.toString(), fromDamaged.toString());
        LittleCms.run("tificc", "-t1", reference.toString(), fromIntact.toString());
        ImageReadException ours = assertThrows(ImageReadException.class, () -> loader.load(file));
        System.out.printf("a TIFF whose profile claims 2 GB: tificc exits %d, its pixels as with the intact profile: %b; "
                + "Retone: %s%n", lcms.exit(), Arrays.equals(Pixels.rawValues(fromDamaged), Pixels.rawValues(fromIntact)),
                ours.getMessage());
        assertEquals(0, lcms.exit(), lcms.output());
        assertArrayEquals(Pixels.rawValues(fromIntact), Pixels.rawValues(fromDamaged), "LittleCMS converts it as P3");
        assertFalse(Arrays.equals(Pixels.rawValues(file), Pixels.rawValues(fromDamaged)), "it did convert");
        assertEquals(ImageReadException.Problem.CORRUPT, ours.problem());
        assertEquals(file.getFileName() + ": the embedded ICC colour profile is damaged: it claims 2147483648 bytes,"
                + " more than any colour profile holds (16 MB)", ours.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "png", "tif", "webp"})
    void aProfileCutShortIsAWarningAndThePhotoOpensAsSrgb(String format) throws Exception {
        byte[] whole = displayP3();
        Path file = photo(format, Arrays.copyOf(whole, whole.length / 2));
        assertOpensAsSrgbWithTheWarning(file, "the embedded colour profile is damaged (cut short: it claims " + whole.length
                + " bytes and holds " + whole.length / 2 + "); its colours are shown as sRGB");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "png", "tif", "webp"})
    void aProfileOfTheRightSizeWithGarbageInsideIsAWarningAndThePhotoOpensAsSrgb(String format) throws Exception {
        byte[] profile = displayP3();
        Arrays.fill(profile, 132, 132 + 12 * 4, (byte) 0xEE); // the first tags' signatures, offsets and sizes
        assertOpensAsSrgbWithTheWarning(photo(format, profile),
                "the embedded colour profile is damaged (Invalid ICC Profile Data); its colours are shown as sRGB");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "png", "tif", "webp"})
    void theLargestClaimThatIsNotRefusedCostsTheDecodersLittle(String format) throws Exception {
        // 16 MB, as much as 255 JPEG segments hold: what the JPEG and WebP decoders then allocate is bounded
        byte[] profile = displayP3();
        ByteBuffer.wrap(profile).putInt(0, ColourProfiles.MAX_PROFILE_BYTES);
        long before = allocatedBytes();
        assertOpensAsSrgbWithTheWarning(photo(format, profile), "the embedded colour profile is damaged (cut short: it claims "
                + ColourProfiles.MAX_PROFILE_BYTES + " bytes and holds " + profile.length + "); its colours are shown as sRGB");
        long used = allocatedBytes() - before;
        assertTrue(used < 96 << 20, "allocated " + (used >> 20) + " MB");

        ByteBuffer.wrap(profile).putInt(0, ColourProfiles.MAX_PROFILE_BYTES + 1);
        Path over = photo(format, profile);
        assertEquals(ImageReadException.Problem.CORRUPT, assertThrows(ImageReadException.class, () -> loader.load(over)).problem());
    }

    private void assertOpensAsSrgbWithTheWarning(Path file, String warning) throws Exception {
        Photo photo = loader.load(file);
        assertEquals(List.of(warning), photo.warnings());
        assertFalse(photo.source().convertedToSrgb(), "its values are taken as they are");
        assertNull(photo.source().iccProfile(), "a damaged profile is not kept for export");
        assertEquals(64, photo.width());
        // its own values, as sRGB: red stays the file's red, not P3's red converted
        int p = photo.argb()[4 * 64 + 4];
        assertTrue((p >> 16 & 0xFF) > 240 && (p >> 8 & 0xFF) < 20 && (p & 0xFF) < 20, Integer.toHexString(p));
        Path out = dir.resolve("exported.png");
        new PhotoExporter().export(photo, out, ExportOptions.DEFAULT.withOverwrite(true));
        assertNull(loader.load(out).source().iccProfile(), "the export carries no damaged profile");
        assertArrayEquals(photo.argb(), loader.load(out).argb());
        // and the thumbnail (the folder's filmstrip) decodes too
        assertEquals(64, new ThumbnailReader(ImageLimits.DEFAULT).read(file, 64).width());
    }

    /** The quadrants in {@code format} with {@code profile} embedded, as that format embeds one. */
    private Path photo(String format, byte[] profile) throws IOException {
        byte[] bytes = switch (format) {
            case "jpg" -> JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.95f), null, null, profile);
            case "png" -> TestImages.pngWithProfile(TestImages.quadrants(), profile);
            case "tif" -> TestImages.tiffWithProfile(TestImages.quadrants(), profile);
            default -> TestImages.webpWithIccProfile(fixture("quadrants-lossless.webp"), 64, 32, profile);
        };
        return Files.write(dir.resolve("damaged." + format), bytes);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = DamagedProfileTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
