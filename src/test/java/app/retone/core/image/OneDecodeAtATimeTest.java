package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.retone.testing.TestImages;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's loader decodes one photo at a time: a second decode waits for the first's permit. */
class OneDecodeAtATimeTest {

    @TempDir
    Path dir;

    @Test
    void aDecodeWaitsWhileAnotherHoldsThePermitAndGoesOnWhenItIsFree() throws Exception {
        Path photo = TestImages.write(dir.resolve("photo.png"),
                TestImages.fromArgb(SyntheticPhoto.landscape(300, 200, 3).argb(), 300, 200, false), "png");
        Semaphore decodes = new Semaphore(1, true);
        PhotoLoader loader = new PhotoLoader().sharingDecodes(decodes);

        decodes.acquire(); // another decode under way
        CompletableFuture<Photo> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.load(photo);
            } catch (ImageReadException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (decodes.getQueueLength() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, decodes.getQueueLength(), "the second decode queues for the permit");
        assertFalse(waiting.isDone());

        decodes.release(); // the first is done
        Photo loaded = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(300, loaded.width());
        assertEquals(1, decodes.availablePermits(), "the permit is given back after the decode");
    }

    @Test
    void thePermitIsGivenBackWhenADecodeFails() throws Exception {
        Semaphore decodes = new Semaphore(1, true);
        PhotoLoader loader = new PhotoLoader().sharingDecodes(decodes);
        Path missing = dir.resolve("missing.jpg");
        assertThrows(ImageReadException.class, () -> loader.load(missing));
        assertEquals(1, decodes.availablePermits());
    }
}
