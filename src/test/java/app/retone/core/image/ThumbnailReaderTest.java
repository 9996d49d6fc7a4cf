package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailReaderTest {

    @TempDir
    Path dir;

    private final ThumbnailReader reader = new ThumbnailReader(ImageLimits.DEFAULT);

    @Test
    void fitsTheSquareKeepingTheShapeAndAveragesThePixels() throws Exception {
        BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 1200; x++) {
                image.setRGB(x, y, x < 600 ? 0xFF0000 : 0x0000FF); // left red, right blue
            }
        }
        Path png = TestImages.write(dir.resolve("wide.png"), image, "png");

        Thumbnail t = reader.read(png, 120);

        assertEquals(120, t.width());
        assertEquals(60, t.height());
        assertEquals(0xFFFF0000, t.argb()[30 * 120 + 10]);
        assertEquals(0xFF0000FF, t.argb()[30 * 120 + 110]);
    }

    @Test
    void usesTheCamerasStoredThumbnailTurnedUpright() throws Exception {
        Path file = Path.of(getClass().getResource("thumbnail/exif-thumbnail-rotated.jpg").toURI());

        Thumbnail t = reader.read(file, 120);

        // the stored thumbnail is red and 160 x 107; the photo is blue; orientation 6 stands it up
        assertEquals(80, t.width(), "width after rotating 160 x 107 and fitting 120");
        assertEquals(120, t.height());
        int centre = t.argb()[60 * t.width() + 40];
        assertTrue(((centre >> 16) & 0xFF) > 180 && (centre & 0xFF) < 90, "red thumbnail, got " + Integer.toHexString(centre));
    }

    @Test
    void decodesThePhotoWhenTheStoredThumbnailIsTooSmallForTheSizeAsked() throws Exception {
        Path file = Path.of(getClass().getResource("thumbnail/exif-thumbnail-rotated.jpg").toURI());

        Thumbnail t = reader.read(file, 400); // 160 < 400 / 2: the photo's own pixels

        assertEquals(267, t.width());
        assertEquals(400, t.height());
        int centre = t.argb()[200 * t.width() + 133];
        assertTrue((centre & 0xFF) > 150 && ((centre >> 16) & 0xFF) < 80, "blue photo, got " + Integer.toHexString(centre));
    }

    @Test
    void aBrokenFileSaysWhatIsWrongLikeTheLoader() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(), 0.9f);
        Path truncated = TestImages.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, 40));
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a photo at all, only words");
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);

        assertEquals(ImageReadException.Problem.CORRUPT,
                assertThrows(ImageReadException.class, () -> reader.read(truncated, 100)).problem());
        ImageReadException notImage = assertThrows(ImageReadException.class, () -> reader.read(text, 100));
        assertEquals(ImageReadException.Problem.NOT_AN_IMAGE, notImage.problem());
        assertTrue(notImage.getMessage().startsWith("notes.jpg: not an image"), notImage.getMessage());
        assertEquals(ImageReadException.Problem.EMPTY,
                assertThrows(ImageReadException.class, () -> reader.read(empty, 100)).problem());
    }

    @Test
    void aHeaderClaimingMoreThanTheLimitIsRefusedBeforeDecoding() throws Exception {
        Path huge = TestImages.write(dir.resolve("huge.png"), TestImages.pngClaimingSize(60_000, 60_000));

        ImageReadException e = assertThrows(ImageReadException.class, () -> reader.read(huge, 100));

        assertEquals(ImageReadException.Problem.TOO_LARGE, e.problem());
    }
}
