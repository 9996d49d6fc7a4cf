package app.retone.ui.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageReadException;
import app.retone.core.image.ImageReadException.Problem;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Work ahead that finds no room in memory is put off, not failed: the photo keeps no red cross and
 * is tried again once another photo comes on screen; a damaged photo still fails.
 */
class LookQueuePutOffTest {

    /** A folder whose preparations fail as {@code preparing} says; looks are made. */
    private static final class FakeFolder implements LookQueue.Folder {
        final List<FolderPhoto> photos = new ArrayList<>();
        final Map<String, Problem> preparing;
        final List<String> asked = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        int current;

        FakeFolder(int count, int current, Map<String, Problem> preparing) {
            for (int i = 0; i < count; i++) {
                photos.add(new FolderPhoto(Path.of("p" + i + ".jpg"), null));
            }
            this.current = current;
            this.preparing = preparing;
        }

        @Override
        public List<FolderPhoto> photos() {
            return photos;
        }

        @Override
        public int current() {
            return current;
        }

        @Override
        public boolean isPrepared(FolderPhoto photo) {
            return false;
        }

        @Override
        public BackgroundTask.Work<LookQueue.Ready> prepareWork(FolderPhoto photo) {
            asked.add("prepare " + photo.name());
            return context -> {
                throw new ImageReadException(preparing.getOrDefault(photo.name(), Problem.CORRUPT), photo.path(), "as scripted");
            };
        }

        @Override
        public BackgroundTask.Work<?> lookWork(FolderPhoto photo) {
            asked.add("look " + photo.name());
            return context -> "made";
        }

        @Override
        public void prepared(LookQueue.Ready ready) {
        }

        @Override
        public void lookMade(FolderPhoto photo) {
            photo.lookReady();
        }

        @Override
        public void failed(FolderPhoto photo, String reason) {
            failed.add(photo.name());
            photo.failed(reason);
        }
    }

    /** Runs the queue's work until it has none, as the folder's lane does. */
    private static void runAll(LookQueue queue) {
        DirectTaskExecutor executor = new DirectTaskExecutor();
        for (Optional<BackgroundTask<?>> next = queue.nextTask(); next.isPresent(); next = queue.nextTask()) {
            executor.submit(next.get());
        }
    }

    @Test
    void aPhotoThatFoundNoRoomIsPutOffUntilAnotherPhotoIsShownAndADamagedOneFails() {
        FakeFolder folder = new FakeFolder(5, 2, Map.of("p3.jpg", Problem.NO_MEMORY_NOW, "p1.jpg", Problem.CORRUPT));
        LookQueue queue = new LookQueue(folder, () -> { });

        runAll(queue);
        assertEquals(List.of("prepare p3.jpg", "prepare p1.jpg", "look p4.jpg", "look p0.jpg"), folder.asked,
                "p3 found no room: passed over, not asked again while p2 is on screen");
        assertEquals(List.of("p1.jpg"), folder.failed, "only the damaged photo failed");
        assertFalse(folder.photos.get(3).state() == FolderPhoto.State.FAILED, "no red cross for want of memory");

        folder.current = 4;
        folder.asked.clear();
        runAll(queue);
        assertTrue(folder.asked.contains("prepare p3.jpg"), "tried again once another photo is on screen: " + folder.asked);
    }

    @Test
    void onlyWantOfMemoryIsMomentary() {
        Path photo = Path.of("p.jpg");
        assertTrue(ImageReadException.isNoRoomNow(new OutOfMemoryError("Java heap space")));
        assertTrue(ImageReadException.isNoRoomNow(new ImageReadException(Problem.NO_MEMORY_NOW, photo, "no room")));
        assertFalse(ImageReadException.isNoRoomNow(new ImageReadException(Problem.TOO_LARGE, photo, "beyond the limits")));
        assertFalse(ImageReadException.isNoRoomNow(new ImageReadException(Problem.CORRUPT, photo, "damaged")));
        assertFalse(ImageReadException.isNoRoomNow(new IllegalStateException("a defect")));
    }
}
