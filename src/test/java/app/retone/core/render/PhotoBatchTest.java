package app.retone.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one "try every photo" loop of the command line and the app's batch export. */
class PhotoBatchTest {

    /** What the listener heard, in order. */
    private static final class Heard implements PhotoBatch.Listener<String> {
        final List<String> events = new ArrayList<>();
        /** Set as Cancel is pressed. */
        boolean cancelRequested;

        @Override
        public boolean cancelled() {
            return cancelRequested;
        }

        @Override
        public void trying(int index, int total, String photo) {
            events.add("trying " + (index + 1) + "/" + total + " " + photo);
        }

        @Override
        public void done(String photo, PhotoBatch.Outcome outcome, long nanos) {
            assertTrue(nanos >= 0);
            events.add((outcome.written() ? "wrote " : "skipped ") + photo + ": " + outcome.account());
        }

        @Override
        public void failed(String photo, Throwable error) {
            events.add("failed " + photo + ": " + error.getMessage());
        }
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // a test that interrupts leaves no flag for the next
    }

    @Test
    void everyPhotoIsTriedInOrderAndAFailureIsKeptWithItsErrorWhileTheNextGoesOn() {
        List<String> photos = List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg");
        IOException diskFull = new IOException("disk full");
        Heard heard = new Heard();
        PhotoBatch<String> batch = new PhotoBatch<>(photos);

        PhotoBatch.Tally<String> tally = batch.run(photo -> switch (photo) {
            case "b.jpg" -> throw diskFull;
            case "c.jpg" -> PhotoBatch.Outcome.skipped("its file exists");
            default -> PhotoBatch.Outcome.written("out/" + photo);
        }, heard);

        assertEquals(List.of("trying 1/4 a.jpg", "wrote a.jpg: out/a.jpg", "trying 2/4 b.jpg", "failed b.jpg: disk full",
                "trying 3/4 c.jpg", "skipped c.jpg: its file exists", "trying 4/4 d.jpg", "wrote d.jpg: out/d.jpg"), heard.events);
        assertEquals(4, tally.total());
        assertEquals(2, tally.written());
        assertEquals(1, tally.skipped());
        assertEquals(List.of(new PhotoBatch.Done<>("a.jpg", PhotoBatch.Outcome.written("out/a.jpg")),
                new PhotoBatch.Done<>("c.jpg", PhotoBatch.Outcome.skipped("its file exists")),
                new PhotoBatch.Done<>("d.jpg", PhotoBatch.Outcome.written("out/d.jpg"))), tally.done(), "each photo's outcome, in order");
        assertEquals(4, tally.attempted());
        assertEquals(0, tally.notAttempted());
        assertEquals(1, tally.failures().size());
        assertEquals("b.jpg", tally.failures().get(0).photo());
        assertSame(diskFull, tally.failures().get(0).error());
        assertFalse(tally.allSucceeded());
        assertEquals(tally, batch.tally(), "the tally stays readable after the run");
    }

    @Test
    void runningOutOfMemoryOnOnePhotoIsThatPhotosFailureNotTheBatchs() {
        PhotoBatch.Tally<String> tally = new PhotoBatch<>(List.of("huge.tif", "small.jpg")).run(photo -> {
            if (photo.equals("huge.tif")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return PhotoBatch.Outcome.written(photo);
        }, new Heard());

        assertEquals(1, tally.written());
        assertTrue(tally.failures().get(0).error() instanceof OutOfMemoryError);
    }

    @Test
    void aBatchWhereEveryPhotoSucceedsSaysSo() {
        PhotoBatch.Tally<String> tally = new PhotoBatch<>(List.of("a.jpg", "b.jpg"))
                .run(photo -> PhotoBatch.Outcome.written(photo), new Heard());
        assertTrue(tally.allSucceeded());
        assertTrue(new PhotoBatch<String>(List.of()).run(photo -> null, new Heard()).allSucceeded(), "nothing to do, nothing failed");
    }

    @Test
    void aCancelBeforeAPhotoStopsThereAndTheRestAreNotAttempted() {
        Heard heard = new Heard();

        PhotoBatch.Tally<String> tally = new PhotoBatch<>(List.of("a.jpg", "b.jpg", "c.jpg")).run(photo -> {
            heard.cancelRequested = true; // pressed while a.jpg was written: a.jpg is finished, nothing more
            return PhotoBatch.Outcome.written(photo);
        }, heard);

        assertEquals(List.of("trying 1/3 a.jpg", "wrote a.jpg: a.jpg"), heard.events);
        assertEquals(1, tally.written());
        assertEquals(2, tally.notAttempted());
        assertTrue(tally.failures().isEmpty(), "a cancel is no failure");
        assertFalse(tally.allSucceeded());
    }

    @Test
    void aCancellationInsideAPhotosJobLeavesThatPhotoNotAttemptedAndIsNoFailure() {
        Heard heard = new Heard();
        PhotoBatch.Tally<String> tally = new PhotoBatch<>(List.of("a.jpg", "b.jpg", "c.jpg")).run(photo -> {
            if (photo.equals("b.jpg")) {
                throw new CancellationException("cancelled");
            }
            return PhotoBatch.Outcome.written(photo);
        }, heard);

        assertEquals(1, tally.attempted());
        assertEquals(2, tally.notAttempted());
        assertTrue(tally.failures().isEmpty());
        assertFalse(heard.events.contains("trying 3/3 c.jpg"));
    }

    @Test
    void anInterruptStopsTheBatchAndStaysVisibleToTheCaller() {
        PhotoBatch.Tally<String> interrupted = new PhotoBatch<>(List.of("a.jpg", "b.jpg")).run(photo -> {
            throw new InterruptedException();
        }, new Heard());
        assertEquals(0, interrupted.attempted());
        assertTrue(interrupted.failures().isEmpty());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");

    }

    @Test
    void whatACancelBrokeIsNoFailureButTheSameErrorWithoutACancelIsThePhotos() {
        PhotoBatch.Job<String> cutByAnInterrupt = photo -> {
            Thread.currentThread().interrupt();
            throw new java.nio.channels.ClosedByInterruptException();
        };
        // the app: an interrupt is its Cancel, so the closed channel is the cancellation's
        PhotoBatch.Tally<String> cancelled = new PhotoBatch<>(List.of("a.jpg", "b.jpg")).run(cutByAnInterrupt,
                new PhotoBatch.Listener<>() {
                    @Override
                    public boolean cancelled() {
                        return Thread.currentThread().isInterrupted();
                    }
                });
        assertEquals(0, cancelled.attempted());
        assertTrue(cancelled.failures().isEmpty());
        Thread.interrupted();

        // the command line has no Cancel: an interrupted write is that photo's failure, and the next is tried
        PhotoBatch.Tally<String> failed = new PhotoBatch<>(List.of("a.jpg", "b.jpg")).run(cutByAnInterrupt, new Heard());
        assertEquals(2, failed.attempted());
        assertEquals(2, failed.failures().size());
        assertTrue(failed.failures().get(0).error() instanceof java.nio.channels.ClosedByInterruptException);
    }

    @Test
    void aBatchRunsOnce() {
        PhotoBatch<String> batch = new PhotoBatch<>(List.of("a.jpg"));
        batch.run(photo -> PhotoBatch.Outcome.written(photo), new Heard());
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> batch.run(photo -> PhotoBatch.Outcome.written(photo), new Heard()));
        assertEquals("a batch runs once", again.getMessage());
    }

    @Test
    void theTallyMayBeReadWhileTheBatchRuns() {
        List<PhotoBatch.Tally<String>> seen = new ArrayList<>();
        PhotoBatch<String> batch = new PhotoBatch<>(List.of("a.jpg", "b.jpg", "c.jpg"));
        batch.run(photo -> {
            seen.add(batch.tally());
            return PhotoBatch.Outcome.written(photo);
        }, new Heard());

        assertEquals(List.of(0, 1, 2), seen.stream().map(PhotoBatch.Tally::attempted).toList());
        assertEquals(List.of(3, 2, 1), seen.stream().map(PhotoBatch.Tally::notAttempted).toList());
    }
}
