package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PhotoLoader#loadReduced}: every n-th pixel of every n-th row, n the largest that keeps the
 * long side asked for, otherwise the photo {@link PhotoLoader#load} makes (orientation, checks).
 */
class ReducedLoadTest {

    @TempDir
    Path dir;

    private Path png(String name, int width, int height) throws Exception {
        return TestImages.write(dir.resolve(name),
                TestImages.fromArgb(SyntheticPhoto.landscape(width, height, 5).argb(), width, height, false), "png");
    }

    @Test
    void keepsEveryNthPixelOfEveryNthRowWithTheLongSideAskedFor() throws Exception {
        Path photo = png("wide.png", 900, 400);
        Photo full = new PhotoLoader().load(photo);
        Photo reduced = new PhotoLoader().loadReduced(photo, 300);

        // n = 900 / 300 = 3: 300 × ⌈400 / 3⌉
        assertEquals(300, reduced.width());
        assertEquals(134, reduced.height());
        for (int y = 0; y < reduced.height(); y++) {
            for (int x = 0; x < reduced.width(); x++) {
                assertEquals(full.argb()[3 * y * full.width() + 3 * x], reduced.argb()[y * reduced.width() + x],
                        "pixel " + x + ", " + y + " is the full photo's pixel at 3x, 3y");
            }
        }
    }

    @Test
    void aPhotoSmallerThanAskedComesWhole() throws Exception {
        Path photo = png("small.png", 200, 100);
        Photo reduced = new PhotoLoader().loadReduced(photo, 300);
        assertEquals(200, reduced.width());
        assertTrue(Arrays.equals(new PhotoLoader().load(photo).argb(), reduced.argb()));
    }

    @Test
    void theOrientationIsAppliedAsForTheWholePhoto() throws Exception {
        java.awt.image.BufferedImage image = TestImages.fromArgb(SyntheticPhoto.landscape(600, 300, 7).argb(), 600, 300, false);
        Path photo = TestImages.write(dir.resolve("turned.jpg"), TestImages.jpegWithMetadata(image, 6, "Test", null, null));
        Photo full = new PhotoLoader().load(photo);
        Photo reduced = new PhotoLoader().loadReduced(photo, 200);
        assertEquals(300, full.width(), "orientation 6 turns the photo upright");
        assertEquals(100, reduced.width(), "the reduced photo is turned too");
        assertEquals(200, reduced.height());
    }

    @Test
    void aDamagedFileFailsAsTheWholePhotoWould() throws Exception {
        Path photo = png("cut.png", 800, 600);
        byte[] bytes = Files.readAllBytes(photo);
        Path cut = TestImages.write(dir.resolve("cut-short.png"), Arrays.copyOf(bytes, bytes.length / 2));
        ImageReadException whole = assertThrows(ImageReadException.class, () -> new PhotoLoader().load(cut));
        ImageReadException reduced = assertThrows(ImageReadException.class, () -> new PhotoLoader().loadReduced(cut, 200));
        assertEquals(whole.problem(), reduced.problem());
        assertThrows(IllegalArgumentException.class, () -> new PhotoLoader().loadReduced(photo, 0));
    }

    @Test
    void aReducedDecodeDoesNotWaitForTheTurnOfWholeOnes() throws Exception {
        Path photo = png("beside.png", 900, 600);
        Semaphore decodes = new Semaphore(1, true);
        PhotoLoader loader = new PhotoLoader().sharingDecodes(decodes);
        decodes.acquire(); // a whole photo being decoded
        try {
            Photo reduced = CompletableFuture.supplyAsync(() -> {
                try {
                    return loader.loadReduced(photo, 300);
                } catch (ImageReadException e) {
                    throw new IllegalStateException(e);
                }
            }).get(30, TimeUnit.SECONDS);
            assertEquals(300, reduced.width());
        } finally {
            decodes.release();
        }
    }
}
