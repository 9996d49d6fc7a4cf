package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.ui.task.TaskContext;
import app.retone.ui.task.TestContexts;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The full-resolution photo behind a prepared photo: held on screen, let go otherwise, decoded again once. */
class FullResolutionTest {

    private static final Path FILE = Path.of("photo.jpg");
    private static final TaskContext PLAIN = TestContexts.PLAIN;

    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final AtomicInteger decodes = new AtomicInteger();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static Photo photo(int w, int h) {
        return Photo.of(w, h, new int[w * h], false);
    }

    @Test
    void heldUntilLetGoThenDecodedAgainAndHeldOnlyWhileKept() throws Exception {
        Photo first = photo(6, 4);
        FullResolution full = new FullResolution(FILE, first, path -> {
            decodes.incrementAndGet();
            return photo(6, 4);
        });
        assertSame(first, full.get(PLAIN), "held from the start: no decode");
        assertEquals(0, decodes.get());

        full.release();
        assertFalse(full.isHeld());
        Photo again = full.get(PLAIN);
        assertEquals(6, again.width());
        assertEquals(1, decodes.get());
        assertFalse(full.isHeld(), "not on screen: given, not held");
        full.get(PLAIN);
        assertEquals(2, decodes.get());

        full.keep();
        Photo kept = full.get(PLAIN);
        assertTrue(full.isHeld());
        assertSame(kept, full.get(PLAIN));
        assertEquals(3, decodes.get());
    }

    @Test
    void manyAskingAtOnceShareOneDecode() throws Exception {
        CountDownLatch decoding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FullResolution full = releasedAndWanted(decoding, finish);

        Future<Photo> a = pool.submit(() -> full.get(PLAIN));
        assertTrue(decoding.await(5, TimeUnit.SECONDS));
        Future<Photo> b = pool.submit(() -> full.get(PLAIN));
        Future<Photo> c = pool.submit(() -> full.get(PLAIN));
        Thread.sleep(100);
        finish.countDown();

        assertSame(a.get(5, TimeUnit.SECONDS), b.get(5, TimeUnit.SECONDS));
        assertSame(a.get(), c.get(5, TimeUnit.SECONDS));
        assertEquals(1, decodes.get());
    }

    @Test
    void aCancelledAskerStopsWaitingAndTheDecodeStillServesTheOthers() throws Exception {
        CountDownLatch decoding = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        FullResolution full = releasedAndWanted(decoding, finish);
        AtomicBoolean cancelled = new AtomicBoolean();
        TaskContext cancellable = new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };

        Future<Photo> decoder = pool.submit(() -> full.get(PLAIN));
        assertTrue(decoding.await(5, TimeUnit.SECONDS));
        Future<Photo> waiter = pool.submit(() -> full.get(cancellable));
        cancelled.set(true);

        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiter.get(5, TimeUnit.SECONDS), "the waiter leaves while the decode goes on");
        assertTrue(e.getCause() instanceof CancellationException, e.toString());
        finish.countDown();
        assertEquals(6, decoder.get(5, TimeUnit.SECONDS).width());
        assertTrue(full.isHeld());
        assertEquals(1, decodes.get());
    }

    @Test
    void aFailedDecodeIsReportedAndTriedAgainByTheNextAsker() throws Exception {
        FullResolution full = new FullResolution(FILE, photo(6, 4), path -> {
            if (decodes.incrementAndGet() == 1) {
                throw new ImageReadException(ImageReadException.Problem.NOT_FOUND, path, "no such file");
            }
            return photo(6, 4);
        });
        full.release();

        assertEquals(ImageReadException.Problem.NOT_FOUND,
                assertThrows(ImageReadException.class, () -> full.get(PLAIN)).problem());
        assertEquals(6, full.get(PLAIN).width());
        assertEquals(2, decodes.get());
    }

    @Test
    void aFileNowOfAnotherSizeIsRefusedWithAReason() throws Exception {
        FullResolution full = new FullResolution(FILE, photo(6, 4), path -> photo(4, 6));
        full.release();

        ImageReadException e = assertThrows(ImageReadException.class, () -> full.get(PLAIN));
        assertTrue(e.getMessage().contains("changed since it was opened"), e.getMessage());
    }

    /** A photo let go and wanted again, whose decode starts ({@code decoding}) and waits for {@code finish}. */
    private FullResolution releasedAndWanted(CountDownLatch decoding, CountDownLatch finish) {
        FullResolution full = new FullResolution(FILE, photo(6, 4), path -> {
            decodes.incrementAndGet();
            decoding.countDown();
            finish.await();
            return photo(6, 4);
        });
        full.release();
        full.keep();
        return full;
    }
}
