package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
import app.retone.ui.UiFixtures;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.ManualTaskExecutor;
import app.retone.ui.task.TaskContext;
import app.retone.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam a folder of photos builds on: a photo and its look prepared ahead on any thread,
 * without touching the editor, then shown at once; and the per-photo settings read and applied.
 */
class FolderSeamTest {

    private static final String PREDICTING = "Predicting the look";
    private static final app.retone.ui.task.TaskContext PLAIN = app.retone.ui.task.TestContexts.PLAIN;
    private static CachedPredictorSource model;

    @TempDir
    Path dir;

    private final List<Notice> notices = new ArrayList<>();
    private final MemorySettings settings = new MemorySettings();
    private final AtomicInteger predictions = new AtomicInteger();

    @BeforeAll
    static void loadModel() {
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private EditorViewModel viewModel(TaskExecutor executor) {
        PredictorSource counting = () -> EditorFixture.counted(model.predictor(), predictions);
        EditorViewModel vm = new EditorViewModel(EditorServices.standard(new PhotoLoader(), counting,
                new PreviewBounds(256, 256)), executor, settings);
        vm.notices().addListener(notices::add);
        return vm;
    }

    /** The work waiting, but the histogram panel's points. */
    private static List<String> looksAndOpens(ManualTaskExecutor executor) {
        return executor.titles().stream().filter(title -> !title.equals("Histogram points")).toList();
    }

    @Test
    void aPhotoAndItsLookArePreparedOnAnyThreadWithoutTouchingTheEditor() throws Exception {
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 600, 400, 11);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PreparedPhoto> prepared = pool.submit(() -> vm.prepare(file, PLAIN));
            PreparedPhoto photo = prepared.get();
            Look look = pool.submit(() -> vm.pipeline().predictLook(photo, LookTransfer.DEFAULT, false, PLAIN)).get();

            assertEquals(600, photo.width());
            assertEquals(256, photo.before().width(), "the display copy fits the preview size");
            assertEquals("cast.jpg", photo.details().fileName());
            assertEquals(file, photo.path());
            assertSame(photo, look.photo());
            assertEquals(TargetKind.MODEL, look.kind());
            assertEquals(LookTransfer.DEFAULT, look.transfer());
            assertNull(vm.session().current(), "nothing on screen");
            assertTrue(vm.activities().list().isEmpty(), "nothing tracked");
            assertEquals(0, executor.pending(), "nothing submitted");
            assertEquals(List.of(), vm.session().recentFiles().files());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPreparedPhotoIsShownAtOnceWithItsSettingsAndItsLookFollows() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor);
        PreparedPhoto photo = vm.prepare(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 12), PLAIN);

        vm.show(photo, PhotoSettings.model(0.4, false));

        assertSame(photo, vm.session().current());
        assertSame(photo.before(), vm.session().beforeProperty().get());
        assertSame(photo.sourceHistogram(), vm.session().sourceHistogramProperty().get());
        assertEquals("cast.jpg — Retone", vm.session().windowTitleProperty().get());
        assertEquals(0.4, vm.adjustments().strengthProperty().get());
        assertEquals(false, vm.adjustments().regrainProperty().get());
        assertEquals(List.of(PREDICTING), looksAndOpens(executor), "only the look is left to make");
        executor.runAll();
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(PhotoSettings.model(0.4, false), vm.photoSettings());
    }

    @Test
    void aLookMadeAheadIsAppliedAsItIsWithNothingPredictedAgain() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor);
        PreparedPhoto photo = vm.prepare(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 13), PLAIN);
        Look look = vm.pipeline().predictLook(photo, vm.look().lookTransferProperty().get(), false, PLAIN);
        assertEquals(1, predictions.get());

        vm.show(photo, PhotoSettings.DEFAULT, look);

        assertSame(look, vm.look().lookProperty().get(), "on screen at once");
        assertSame(look.target(), vm.look().targetHistogramProperty().get());
        assertNotSame(BlendFrame.of(photo.before()).base(), vm.preview().afterProperty().get().base());
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
        assertEquals(1, predictions.get(), "not predicted again");
        assertEquals(List.of(), executor.titles().stream().filter(PREDICTING::equals).toList());
        vm.look().useModel();
        assertEquals(1, predictions.get(), "the model's look is kept for the photo");
    }

    @Test
    void aLookMadeForAnotherPhotoOrTransferIsNotAppliedButMadeAgain() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor);
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 14);
        PreparedPhoto photo = vm.prepare(file, PLAIN);
        PreparedPhoto again = vm.prepare(file, PLAIN);
        Look forOther = vm.pipeline().predictLook(again, LookTransfer.DEFAULT, false, PLAIN);

        vm.show(photo, PhotoSettings.DEFAULT, forOther);
        assertNull(vm.look().lookProperty().get(), "another preparation's look never shows");
        assertEquals(List.of(PREDICTING), looksAndOpens(executor));

        LookTransfer other = LookTransfer.DEFAULT == LookTransfer.PITIE ? LookTransfer.CURVES : LookTransfer.PITIE;
        Look otherTransfer = vm.pipeline().predictLook(photo, other, false, PLAIN);
        vm.show(photo, PhotoSettings.DEFAULT, otherTransfer);
        assertNull(vm.look().lookProperty().get(), "a look of a transfer not chosen never shows");
        executor.runAll();
        assertEquals(LookTransfer.DEFAULT, vm.look().lookProperty().get().transfer());
    }

    @Test
    void theSettingsOfThePhotoOnScreenAreReadAndAppliedWithAReference() throws Exception {
        EditorViewModel vm = viewModel(new DirectTaskExecutor());
        Path reference = UiFixtures.cleanPhoto(dir, "look.png", 200, 150, 15);
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 16));
        assertEquals(PhotoSettings.DEFAULT, vm.photoSettings());

        vm.apply(PhotoSettings.reference(reference, 0.7, false));

        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get());
        assertEquals("The colours of look.png, by the 3D transfer (Pitié)", vm.look().lookDescriptionProperty().get());
        assertEquals(PhotoSettings.reference(reference, 0.7, false), vm.photoSettings());
        Look matched = vm.look().lookProperty().get();

        vm.apply(PhotoSettings.reference(reference, 1.2, true));
        assertSame(matched.lut(), vm.look().lookProperty().get().lut(), "the same reference is not matched again");
        assertTrue(vm.look().lookProperty().get().regrained(), "its preview follows regrain");
        assertEquals(1.2, vm.adjustments().strengthProperty().get());

        int before = predictions.get();
        vm.apply(PhotoSettings.model(1, PhotoSettings.DEFAULT.regrain()));
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
        assertEquals(before, predictions.get(), "the photo's own prediction is kept");
        assertEquals(PhotoSettings.DEFAULT, vm.photoSettings());
        assertEquals(List.of(), notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList());
    }

    @Test
    void aPreparedPhotoShownWithAReferenceGetsThatLookAndAnOpenUnderWayIsStopped() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor);
        Path reference = UiFixtures.cleanPhoto(dir, "look.png", 200, 150, 17);
        PreparedPhoto photo = vm.prepare(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 18), PLAIN);
        vm.open(UiFixtures.castPhoto(dir, "other.jpg", 300, 200, 19));

        vm.show(photo, PhotoSettings.reference(reference, 1, true));
        executor.runAll();

        assertSame(photo, vm.session().current(), "the open asked for before never replaces it");
        assertEquals(TargetKind.REFERENCE, vm.look().lookProperty().get().kind());
        assertEquals(reference, vm.look().referencePathProperty().get());
        assertEquals(0, predictions.get(), "no prediction was needed");
    }

    @Test
    void settingsAreCheckedAndPreparationStopsWhenCancelled() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new PhotoSettings(TargetKind.REFERENCE, null, 1, true));
        assertThrows(IllegalArgumentException.class, () -> PhotoSettings.model(2, true));
        assertNull(new PhotoSettings(TargetKind.MODEL, dir, 1, true).reference(), "the model's look has no reference");
        TaskContext cancelled = new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        EditorViewModel vm = viewModel(new DirectTaskExecutor());
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 20);
        assertThrows(CancellationException.class, () -> vm.prepare(file, cancelled));
    }
}
