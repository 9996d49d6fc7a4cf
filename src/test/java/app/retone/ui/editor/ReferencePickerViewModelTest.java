package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageReadException;
import app.retone.core.image.ThumbnailReader;
import app.retone.core.image.Thumbnail;
import app.retone.core.image.ThumbnailSource;
import app.retone.ui.UiFixtures;
import app.retone.ui.editor.ReferenceCandidate.Origin;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferencePickerViewModelTest {

    @TempDir
    Path dir;

    /** Reads real thumbnails and records which photos were read and which were looked up in a cache. */
    private static final class CountingSource implements ThumbnailSource {
        final ThumbnailReader reader = new ThumbnailReader(app.retone.core.image.ImageLimits.DEFAULT);
        final List<String> read = new ArrayList<>();
        final List<String> lookedUp = new ArrayList<>();
        Path cachedOne;

        @Override
        public Thumbnail read(Path photo, int maxSide) throws ImageReadException {
            read.add(photo.getFileName().toString());
            return reader.read(photo, maxSide);
        }

        @Override
        public Optional<Thumbnail> cached(Path photo, int maxSide) {
            lookedUp.add(photo.getFileName().toString());
            return photo.equals(cachedOne) ? Optional.of(new Thumbnail(2, 1, new int[] {0xff102030, 0xff405060}))
                    : Optional.empty();
        }
    }

    private static List<String> names(ReferencePickerViewModel picker) {
        return picker.candidates().stream().map(c -> c.name() + " " + c.origin()).toList();
    }

    @Test
    void theReferencesUsedBeforeComeFirstThenTheFolderEachOnceNeverThePhotoItselfNorAMissingFile() throws Exception {
        Path a = UiFixtures.cleanPhoto(dir, "a.png", 60, 40, 1);
        Path b = UiFixtures.cleanPhoto(dir, "b.png", 60, 40, 2);
        Path c = UiFixtures.cleanPhoto(dir, "c.png", 60, 40, 3);
        Path elsewhere = UiFixtures.cleanPhoto(dir, "elsewhere.png", 60, 40, 4);
        ReferenceChoices choices = new ReferenceChoices(new MemorySettings(), new CountingSource(), new DirectTaskExecutor());
        choices.used(dir.resolve("gone.png"));
        choices.used(elsewhere);
        choices.used(c);

        ReferencePickerViewModel picker = choices.picker(a, List.of(a, b, c));
        assertEquals(List.of("c.png " + Origin.USED_BEFORE, "elsewhere.png " + Origin.USED_BEFORE, "b.png " + Origin.IN_FOLDER),
                names(picker));
        assertTrue(picker.chosen().isEmpty(), "nothing is chosen until the user points at one");
        picker.selectedProperty().set(picker.candidates().get(2));
        assertEquals(Optional.of(b), picker.chosen());
    }

    @Test
    void theReferencesUsedAreRememberedAcrossRunsNewestFirst() throws Exception {
        Path a = UiFixtures.cleanPhoto(dir, "a.png", 60, 40, 1);
        Path b = UiFixtures.cleanPhoto(dir, "b.png", 60, 40, 2);
        MemorySettings settings = new MemorySettings();
        new ReferenceChoices(settings, new CountingSource(), new DirectTaskExecutor()).used(a);
        new ReferenceChoices(settings, new CountingSource(), new DirectTaskExecutor()).used(b);

        ReferencePickerViewModel picker = new ReferenceChoices(settings, new CountingSource(), new DirectTaskExecutor())
                .picker(dir.resolve("photo.jpg"), List.of());
        assertEquals(List.of("b.png " + Origin.USED_BEFORE, "a.png " + Origin.USED_BEFORE), names(picker));
    }

    @Test
    void aPreviewIsReadOnceWhenWantedFromTheCacheWhenItHasIt() throws Exception {
        Path a = UiFixtures.cleanPhoto(dir, "a.png", 300, 200, 1);
        Path b = UiFixtures.cleanPhoto(dir, "b.png", 300, 200, 2);
        CountingSource source = new CountingSource();
        source.cachedOne = b;
        ReferencePickerViewModel picker = new ReferencePickerViewModel(null, List.of(), List.of(a, b), source,
                new DirectTaskExecutor());
        ReferenceCandidate first = picker.candidates().get(0);
        ReferenceCandidate second = picker.candidates().get(1);
        assertNull(first.previewProperty().get(), "no preview is read before the picker shows the candidate");

        picker.want(first);
        picker.want(first);
        picker.want(second);
        Thumbnail read = first.previewProperty().get();
        assertNotNull(read);
        assertEquals(ReferencePickerViewModel.PREVIEW_SIDE, Math.max(read.width(), read.height()));
        assertEquals(List.of("a.png"), source.read, "a.png read once; b.png came from the cache");
        assertEquals(List.of("a.png", "b.png"), source.lookedUp);
        assertEquals(2, second.previewProperty().get().width());
    }

    @Test
    void aPhotoThatCannotBeReadSaysWhyInsteadOfAPreview() throws Exception {
        Path broken = UiFixtures.brokenJpeg(dir, "broken.jpg");
        ReferencePickerViewModel picker = new ReferencePickerViewModel(null, List.of(), List.of(broken),
                new CountingSource(), new DirectTaskExecutor());
        picker.want(picker.candidates().get(0));
        assertNull(picker.candidates().get(0).previewProperty().get());
        String reason = picker.candidates().get(0).failureProperty().get();
        assertNotNull(reason);
        assertTrue(reason.contains("broken.jpg") && reason.contains("damaged"), reason);
    }

    @Test
    void nothingMoreIsReadOnceThePickerIsClosed() throws Exception {
        Path a = UiFixtures.cleanPhoto(dir, "a.png", 60, 40, 1);
        CountingSource source = new CountingSource();
        ReferencePickerViewModel picker = new ReferencePickerViewModel(null, List.of(), List.of(a), source,
                new DirectTaskExecutor());
        picker.close();
        picker.want(picker.candidates().get(0));
        assertEquals(List.of(), source.read);
        assertEquals(List.of(), source.lookedUp);
    }
}
