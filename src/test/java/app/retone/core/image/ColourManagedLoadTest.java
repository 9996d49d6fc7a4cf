package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ImageMetrics;
import app.retone.testing.LittleCms;
import app.retone.testing.Pixels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Photos with an embedded profile are converted to sRGB on load as LittleCMS's own tools convert
 * them (relative colorimetric), in every format: the fixtures are made by src/test/colour/make-fixtures.sh.
 */
class ColourManagedLoadTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();

    @ParameterizedTest(name = "{0} loads as LittleCMS shows {1}")
    @CsvSource({
        "p3.jpg, p3.jpg", "adobe-rgb.jpg, adobe-rgb.jpg", "prophoto.jpg, prophoto.jpg",
        // the PNG and the WebP hold p3.tif's values with the same profile
        "p3.tif, p3.tif", "p3.png, p3.tif", "p3.webp, p3.tif", "p3-16bit.tif, p3-16bit.tif",
        // P3's primaries are beyond sRGB: clipped by the intent, as LittleCMS clips them, never wrapped
        "p3-beyond-srgb.tif, p3-beyond-srgb.tif", "p3-beyond-srgb.png, p3-beyond-srgb.tif",
        "grey-gamma22.jpg, grey-gamma22.jpg",
    })
    void aProfiledPhotoIsConvertedToSrgbAsLittleCmsDoes(String name, String reference) throws Exception {
        Photo photo = loader.load(LittleCms.fixture(name));
        int[] shown = LittleCms.shownAsSrgb(LittleCms.fixture(reference), dir);
        double deltaE = ImageMetrics.meanDeltaE76(shown, photo.argb());
        assertTrue(deltaE <= 1.0, name + ": mean ΔE76 " + deltaE + " from LittleCMS's conversion");
        assertTrue(photo.source().convertedToSrgb(), "converted on load");
        assertTrue(photo.warnings().stream().noneMatch(w -> w.contains("profile")), photo.warnings().toString());
    }

    @Test
    void theCheckCanFailTheFilesOwnValuesReadAsSrgbAreFarFromWhatLittleCmsShows() throws Exception {
        int[] rawP3 = Pixels.rawValues(LittleCms.fixture("p3.tif"));
        int[] shown = LittleCms.shownAsSrgb(LittleCms.fixture("p3.tif"), dir);
        assertTrue(ImageMetrics.meanDeltaE76(shown, rawP3) > 4, "P3 values read as sRGB are visibly off");
    }

    @Test
    void aGreyPhotoWithAGreyProfileStaysGrey() throws Exception {
        Photo photo = loader.load(LittleCms.fixture("grey-gamma22.jpg"));
        for (int p : photo.argb()) {
            int r = p >>> 16 & 0xFF;
            assertTrue(r == (p >>> 8 & 0xFF) && r == (p & 0xFF), "grey: " + Integer.toHexString(p));
        }
        assertTrue(photo.source().convertedToSrgb());
    }

    @Test
    void aPhotoWithoutAProfileIsSrgbAndKeepsItsValues() throws Exception {
        Path file = LittleCms.fixture("srgb-no-profile.jpg");
        Photo photo = loader.load(file);
        assertFalse(photo.source().convertedToSrgb());
        assertEquals(null, photo.source().iccProfile());
        assertArrayEquals(Pixels.rawValues(file), photo.argb());
    }

    @Test
    void aDamagedProfileIsAWarningAndThePhotoOpensAsSrgb() throws Exception {
        byte[] jpeg = LittleCms.bytes(LittleCms.fixture("p3.jpg"));
        byte[] profile = LittleCms.bytes(LittleCms.DISPLAY_P3);
        int at = indexOf(jpeg, java.util.Arrays.copyOfRange(profile, 128, 128 + 64)); // the profile's tag table
        assertTrue(at > 0, "the fixture embeds the P3 profile");
        for (int i = at + 4; i < at + 64; i++) {
            jpeg[i] = (byte) 0xEE; // every tag's signature, offset and size: garbage
        }
        Path damaged = Files.write(dir.resolve("damaged-profile.jpg"), jpeg);
        Photo photo = loader.load(damaged);
        assertFalse(photo.source().convertedToSrgb());
        assertEquals(1, photo.warnings().size(), photo.warnings().toString());
        assertTrue(photo.warnings().get(0).startsWith("the embedded colour profile is damaged"), photo.warnings().get(0));
        assertArrayEquals(Pixels.rawValues(LittleCms.fixture("p3.jpg")), photo.argb(), "its own values, as sRGB");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
