package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.HistogramPredictor;
import app.retone.predict.PredictionException;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.histogram.HistogramCloud;
import app.retone.ui.histogram.HistogramPoints;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.ManualTaskExecutor;
import app.retone.ui.task.TaskExecutor;
import app.retone.testing.CubeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's view model, with no stage and no toolkit: work runs on the test's thread. */
class EditorViewModelTest {

    private static final String PREDICTING = "Predicting the look";
    private static CachedPredictorSource model;

    @TempDir
    Path dir;

    private final List<Notice> notices = new ArrayList<>();
    private final MemorySettings settings = new MemorySettings();

    @BeforeAll
    static void loadModel() {
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private EditorViewModel viewModel(TaskExecutor executor, PredictorSource predictors, int previewEdge) {
        EditorViewModel vm = new EditorViewModel(EditorServices.standard(new PhotoLoader(), predictors, new PreviewBounds(previewEdge, previewEdge)),
                executor, settings);
        vm.notices().addListener(notices::add);
        return vm;
    }

    /** A model source whose file is not there. */
    private static PredictorSource missingModel() {
        return () -> {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING, "model file not found");
        };
    }

    private EditorViewModel direct() {
        return viewModel(new DirectTaskExecutor(), model, 256);
    }

    private List<Notice> errors() {
        return notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList();
    }

    @Test
    void openingShowsADisplaySizedCopyThenThePredictedResult() throws Exception {
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 600, 400, 1);
        EditorViewModel vm = direct();

        vm.open(file);

        assertEquals(List.of(), errors());
        Photo photo = vm.session().photoProperty().get();
        assertEquals(600, photo.width());
        PreviewFrame before = vm.session().beforeProperty().get();
        assertEquals(256, before.width(), "longest side fits the preview size");
        assertEquals(171, before.height());
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
        BlendFrame after = vm.preview().afterProperty().get();
        assertTrue(Pixels.meanAbsDiff(pixels(before), pixels(after)) > 1, "the result differs from the original");
        assertNotNull(vm.look().targetHistogramProperty().get());
        assertEquals("cast.jpg — Retone", vm.session().windowTitleProperty().get());
        assertEquals(List.of(file.toAbsolutePath().normalize()), vm.session().recentFiles().files());
        assertEquals("cast.jpg", vm.session().detailsProperty().get().fileName());
        assertTrue(vm.activities().list().isEmpty(), "nothing left running");
        HistogramSelection shown = vm.histogram().histogramSelectionProperty().get();
        assertTrue(shown.isOverlay(), "the first result shows source against result");
        assertSame(vm.session().sourceHistogramProperty().get(), shown.first());
    }

    @Test
    void aDisplayP3PhotoOffersItsOwnColourSpaceForExportAndKeepsItThere() throws Exception {
        EditorViewModel vm = direct();
        vm.open(app.retone.testing.LittleCms.fixture("p3.png"));
        assertEquals(List.of(), errors());
        String space = vm.session().sourceColourSpace().orElseThrow();
        assertTrue(space.contains("P3"), space);

        Path kept = dir.resolve("kept.png");
        vm.export().export(kept, app.retone.core.image.ExportOptions.DEFAULT);
        Path srgb = dir.resolve("srgb.png");
        vm.export().export(srgb, app.retone.core.image.ExportOptions.DEFAULT.withColourSpace(app.retone.core.image.OutputColourSpace.SRGB));
        assertNotNull(new PhotoLoader().load(kept).source().iccProfile(), "the P3 profile goes along");
        assertEquals(null, new PhotoLoader().load(srgb).source().iccProfile(), "sRGB needs none");

        vm.open(UiFixtures.castPhoto(dir, "plain.jpg", 300, 200, 3));
        assertTrue(vm.session().sourceColourSpace().isEmpty(), "an sRGB photo has no colour space to choose");
    }

    @Test
    void theSliderRepaintsTheDisplayCopyAndZeroGivesTheOriginalBackExactly() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 600, 400, 2));
        int[] original = pixels(vm.session().beforeProperty().get());
        int[] full = pixels(vm.preview().afterProperty().get());

        vm.adjustments().strengthProperty().set(0);
        assertArrayEquals(original, pixels(vm.preview().afterProperty().get()));
        assertEquals(0, Histogram3D.klDivergence(vm.session().sourceHistogramProperty().get(), vm.preview().resultHistogramProperty().get()),
                1e-9, "at strength 0 the result histogram is the source's");

        vm.adjustments().strengthProperty().set(0.5);
        double half = Pixels.meanAbsDiff(original, pixels(vm.preview().afterProperty().get()));
        vm.adjustments().strengthProperty().set(1.5);
        double strong = Pixels.meanAbsDiff(original, pixels(vm.preview().afterProperty().get()));
        double fullDiff = Pixels.meanAbsDiff(original, full);
        assertTrue(half > 0.3 && half < fullDiff && fullDiff < strong, half + " < " + fullDiff + " < " + strong);

        vm.adjustments().strengthProperty().set(7);
        assertEquals(EditorViewModel.MAX_STRENGTH, vm.adjustments().strengthProperty().get(), "strength is kept within 0..150 %");
        vm.adjustments().strengthProperty().set(-0.0); // equal to 0 for the property, yet below it for a binary search
        assertArrayEquals(original, pixels(vm.preview().afterProperty().get()), "-0.0 shows the original");
        vm.adjustments().strengthProperty().set(0.4);
        vm.adjustments().strengthProperty().set(Double.NaN);
        assertEquals(0.4, vm.adjustments().strengthProperty().get(), "no number keeps the last strength");
    }

    @Test
    void aSliderMoveStartsNoPredictionAndNoFullResolutionWork() throws Exception {
        AtomicInteger predictions = new AtomicInteger();
        PredictorSource counting = () -> counted(model.predictor(), predictions);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, counting, 256);
        vm.open(UiFixtures.castPhoto(dir, "scrub.jpg", 900, 600, 40));
        executor.runAll();
        assertEquals(1, predictions.get());
        PreviewFrame before = vm.session().beforeProperty().get();

        int[] original = pixels(before);
        var repaint = repaintOf(vm);
        java.util.Set<int[]> drawnFrom = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        vm.adjustments().adjustingProperty().set(true);
        for (int i = 0; i <= 20; i++) {
            double s = 1.5 * i / 20;
            vm.adjustments().strengthProperty().set(s);
            BlendFrame after = vm.preview().afterProperty().get();
            assertEquals(before.width(), after.width(), "the display copy is shown, not the 900 px photo");
            assertEquals(before.height(), after.height());
            drawnFrom.add(after.base().argb());
            if (after.over() != null) {
                drawnFrom.add(after.over().argb());
            }
            int[] expected = new int[original.length];
            repaint.render(s, expected);
            assertTrue(Pixels.meanAbsDiff(expected, pixels(after)) < 0.25, "at " + s + ": the screen's mix is the repaint");
            if (s <= 1) {
                assertTrue(Pixels.maxAbsDiff(expected, pixels(after)) <= 1, "at " + s + ": exact up to rounding");
            }
        }
        vm.adjustments().adjustingProperty().set(false);
        assertEquals(6, drawnFrom.size(), "21 moves mix six frames rendered when the look came: no repaint");
        assertTrue(drawnFrom.contains(before.argb()), "the original is one of them");

        // all that the scrubbing asked for in the background: the histogram panel's points, one at a time
        assertEquals(List.of("Histogram points"), executor.titles());
        executor.runAll();
        assertEquals(1, predictions.get(), "the slider never runs the network again");
    }

    @Test
    void aPhotoWithTransparencyIsRepaintedAtEachMoveNotMixedOnScreen() throws Exception {
        Path file = UiFixtures.cutoutPhoto(dir, "cutout.png", 300, 200, 3);
        EditorViewModel vm = direct();
        vm.open(file);
        assertEquals(List.of(), errors());
        PreviewFrame before = vm.session().beforeProperty().get();
        assertFalse(before.opaque(), "the display copy keeps the transparency");
        var repaint = repaintOf(vm);
        for (double s : new double[] {0.3, 0.7, 1.2}) {
            vm.adjustments().strengthProperty().set(s);
            BlendFrame after = vm.preview().afterProperty().get();
            assertNull(after.over(), "an alpha below 255 would be applied twice by an on-screen mix");
            int[] expected = new int[before.width() * before.height()];
            repaint.render(s, expected);
            assertArrayEquals(expected, pixels(after), "at " + s + ": the repaint, alpha kept");
        }
    }

    @Test
    void whileTheSliderMovesThePanelWaitsForItToSettle() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(true, true);   // the test is the clock
        EditorViewModel vm = openedAndLooked(executor, "settle.jpg", 46);
        HistogramPoints before = vm.histogram().histogramPointsProperty().get();
        assertTrue(before.cloud().isOverlay());

        for (int i = 1; i <= 20; i++) {
            vm.adjustments().strengthProperty().set(i / 40.0);   // a drag down to 50 %: many changes within one settle time
        }
        assertEquals(List.of(), executor.titles(), "no points are made while the slider moves");
        assertEquals(1, executor.fireDelayed());    // the first settle time is up, but changes came meanwhile
        assertEquals(List.of(), executor.titles(), "so it waits on");
        assertEquals(1, executor.fireDelayed());    // quiet since: the newest selection's points
        executor.runAll();
        HistogramPoints after = vm.histogram().histogramPointsProperty().get();
        assertTrue(after != before, "new points once it settled");
        HistogramSelection last = vm.histogram().histogramSelectionProperty().get();
        assertTrue(last.caption().contains("50%"), last.caption());
        assertArrayEquals(HistogramPoints.of(last.first(), last.second()).mesh().points(), after.mesh().points(),
                "the points of the last position");
        assertFalse(java.util.Arrays.equals(before.mesh().points(), after.mesh().points()), "which differ from the first's");
    }

    @Test
    void duringALongDragThePanelFollowsAtMostTheLongestWaitLate() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(true, true);   // the test is the clock
        EditorViewModel vm = openedAndLooked(executor, "long-drag.jpg", 47);
        HistogramPoints first = vm.histogram().histogramPointsProperty().get();
        double strength = 1.0;
        HistogramSelection made = null;
        // a drag that never rests: a change before every settle time is up
        for (int fired = 0; fired < 20 && made == null; fired++) {
            strength -= 0.02;
            vm.adjustments().strengthProperty().set(strength);
            executor.fireDelayed();
            if (executor.pending("Histogram points") > 0) {
                made = vm.histogram().histogramSelectionProperty().get();
            }
        }
        assertNotNull(made, "points are made though the slider never rested");
        long waited = executor.nanoTime() / 1_000_000;
        assertTrue(waited <= HistogramPanelViewModel.HISTOGRAM_MAX_WAIT.toMillis() + HistogramPanelViewModel.HISTOGRAM_SETTLE.toMillis(),
                "made after " + waited + " ms of dragging");
        vm.adjustments().strengthProperty().set(strength - 0.02);                 // the drag goes on while they are made
        executor.runNext("Histogram points");
        HistogramPoints shown = vm.histogram().histogramPointsProperty().get();
        assertTrue(shown != first, "the panel moved during the drag");
        assertArrayEquals(HistogramPoints.of(made.first(), made.second()).mesh().points(), shown.mesh().points(),
                "showing the position they were made for");
        do {
            executor.runAll();
        } while (executor.fireDelayed() > 0);
        HistogramSelection last = vm.histogram().histogramSelectionProperty().get();
        assertArrayEquals(HistogramPoints.of(last.first(), last.second()).mesh().points(),
                vm.histogram().histogramPointsProperty().get().mesh().points(), "and the newest once the drag rests");
    }

    @Test
    void aSettleTimeRunningOutAsTheWindowClosesIsQuiet() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(true, true);
        EditorViewModel vm = openedAndLooked(executor, "closing.jpg", 53);
        HistogramPoints shown = vm.histogram().histogramPointsProperty().get();
        vm.adjustments().strengthProperty().set(0.4);          // the panel's points wait for the slider to settle...
        executor.close();                        // ...while the window closes and its executor with it
        assertEquals(1, executor.fireDelayed(), "the settle time ran out after the close, and nothing was thrown");
        assertSame(shown, vm.histogram().histogramPointsProperty().get());
    }

    @Test
    void theSamePhotoOpenedAgainGetsItsPointsAgain() throws Exception {
        PredictorSource missing = missingModel();
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, missing, 256);
        Path file = UiFixtures.castPhoto(dir, "again.jpg", 300, 200, 48);
        vm.open(file);
        executor.runAll();
        int points = HistogramCloud.of(vm.session().sourceHistogramProperty().get()).size();
        assertEquals(points, vm.histogram().histogramPointsProperty().get().cloud().size());

        vm.open(file);      // an equal source selection: nothing changes, yet the old points were cleared
        executor.runAll();
        assertEquals(points, vm.histogram().histogramPointsProperty().get().cloud().size(), "the panel is not left blank");
    }

    @Test
    void aCancelledReferenceIsNotStartedAgainWhenALaterOpenFails() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "photo.jpg", 300, 200, 49));
        executor.runAll();
        String look = vm.look().lookDescriptionProperty().get();
        vm.look().matchReference(UiFixtures.castPhoto(dir, "reference.jpg", 300, 200, 50));
        vm.cancelAll();                                             // the user stops the matching
        executor.runAll();
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        vm.open(broken);
        executor.runAll();
        assertEquals(1, errors().size(), "the failed open is reported");
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get(), "the cancelled reference does not come back");
        assertEquals(look, vm.look().lookDescriptionProperty().get());
    }

    @Test
    void cancellingTheOpeningOfAnotherPhotoGivesTheShownPhotoItsLookBack() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "shown.jpg", 300, 200, 51));
        executor.runNext("Opening shown.jpg");                      // on screen; its prediction queued
        vm.open(UiFixtures.castPhoto(dir, "other.jpg", 300, 200, 52));   // stops that prediction
        Activity opening = vm.activities().list().stream().filter(a -> a.title().equals("Opening other.jpg")).findFirst()
                .orElseThrow();
        opening.cancel();                                           // the user cancels the second open
        executor.runAll();
        assertEquals("shown.jpg", vm.session().detailsProperty().get().fileName());
        assertTrue(vm.look().hasLookProperty().get(), "the photo on screen got its prediction after all");
        assertTrue(vm.activities().list().isEmpty());
    }

    @Test
    void thePanelsPointsAreMadeInTheBackgroundForWhatIsSelected() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = openedAndLooked(executor, "points.jpg", 41);
        HistogramSelection selection = vm.histogram().histogramSelectionProperty().get();
        HistogramPoints points = vm.histogram().histogramPointsProperty().get();
        assertTrue(selection.isOverlay());
        assertEquals(HistogramCloud.overlay(selection.first(), selection.second()).size(), points.cloud().size());

        vm.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE);
        assertSame(points, vm.histogram().histogramPointsProperty().get(), "not made on the caller's thread");
        executor.runAll();
        assertEquals(HistogramCloud.of(vm.session().sourceHistogramProperty().get()).size(), vm.histogram().histogramPointsProperty().get().cloud().size());
        assertFalse(vm.histogram().histogramPointsProperty().get().cloud().isOverlay());
    }

    @Test
    void anEqualSelectionMadeMeanwhileStillGetsItsPoints() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = openedAndLooked(executor, "equal.jpg", 45);
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE);   // its points are on their way
        vm.adjustments().strengthProperty().set(0.5);                              // the same source selection, made again
        executor.runAll();
        HistogramPoints shown = vm.histogram().histogramPointsProperty().get();
        assertFalse(shown.cloud().isOverlay(), "the panel follows the choice");
        assertEquals(HistogramCloud.of(vm.session().sourceHistogramProperty().get()).size(), shown.cloud().size());
    }

    @Test
    void anotherPhotosHistogramPointsNeverShow() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(false);
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "a.jpg", 300, 200, 42));
        executor.runNext("Opening a.jpg");        // a's source histogram selected; its points queued
        vm.open(UiFixtures.castPhoto(dir, "b.jpg", 200, 300, 43));
        executor.runNext("Opening b.jpg");        // b's selected while a's points are still being made
        HistogramPoints shownBefore = vm.histogram().histogramPointsProperty().get();
        executor.runNext("Histogram points");     // a's points: no longer what is selected
        assertSame(shownBefore, vm.histogram().histogramPointsProperty().get(), "a's points are dropped");
        executor.runNext("Histogram points");     // then b's, made next
        assertEquals(HistogramCloud.of(vm.session().sourceHistogramProperty().get()).size(), vm.histogram().histogramPointsProperty().get().cloud().size());
    }

    @Test
    void aBrokenFileGivesASpecificErrorAndTheOpenPhotoStays() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "good.jpg", 300, 200, 3));
        Photo good = vm.session().photoProperty().get();

        vm.open(UiFixtures.brokenJpeg(dir, "broken.jpg"));

        assertEquals(1, errors().size());
        Notice error = errors().get(0);
        assertEquals("Could not open broken.jpg", error.title());
        assertTrue(error.text().contains("broken.jpg:") && error.text().length() > "broken.jpg: ".length(), error.text());
        assertSame(good, vm.session().photoProperty().get(), "the photo that was open stays open");
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(1, vm.session().recentFiles().files().size(), "a file that failed is not a recent photo");
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        EditorViewModel vm = direct();
        vm.open(dir.resolve("gone.jpg"));
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).text().contains("no such file"), errors().get(0).text());
        assertNull(vm.session().photoProperty().get());
    }

    @Test
    void aResultForAPhotoThatWasReplacedNeverAppears() throws Exception {
        // cancelled work still delivers here, as a pool's may: only the view model's own checks can drop it
        ManualTaskExecutor executor = new ManualTaskExecutor(false);
        EditorViewModel vm = viewModel(executor, model, 256);
        Path first = UiFixtures.castPhoto(dir, "first.jpg", 300, 200, 4);
        Path second = UiFixtures.castPhoto(dir, "second.jpg", 200, 300, 5);

        vm.open(first);
        executor.runNext("Opening first.jpg");    // first on screen; its prediction is now queued
        assertEquals(1, executor.pending(PREDICTING));
        vm.open(second);                           // cancels the first photo's prediction
        executor.runNext("Opening second.jpg");   // second on screen, its own prediction queued behind
        executor.runNext(PREDICTING);              // the first photo's prediction, finished after all
        assertFalse(vm.look().hasLookProperty().get(), "the first photo's look never reaches the second");
        assertEquals(BlendFrame.of(vm.session().beforeProperty().get()), vm.preview().afterProperty().get(), "the second photo is shown as it is");
        executor.runAll();                         // the second's prediction (and the panel's points)

        assertEquals("second.jpg", vm.session().detailsProperty().get().fileName());
        assertEquals(200, vm.session().photoProperty().get().width());
        BlendFrame after = vm.preview().afterProperty().get();
        assertEquals(vm.session().beforeProperty().get().width(), after.width(), "the result is the second photo's");
        assertEquals(vm.session().beforeProperty().get().height(), after.height());
        assertTrue(vm.look().hasLookProperty().get());
        assertTrue(vm.activities().list().isEmpty());
    }

    @Test
    void aSlowLoadOfAnEarlierPhotoCannotReplaceALaterOne() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "slow.jpg", 300, 200, 6));
        vm.open(UiFixtures.castPhoto(dir, "quick.jpg", 200, 300, 7));
        executor.runLatest(); // the later photo loads first
        executor.runAll();    // then the earlier load completes late
        assertEquals("quick.jpg", vm.session().detailsProperty().get().fileName());
        assertEquals(List.of(), errors());
    }

    @Test
    void withoutAModelThePhotoStaysOpenTheReasonIsShownAndAReferenceLookStillWorks() throws Exception {
        PredictorSource missing = () -> {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING,
                    "model file not found: /nowhere/histonet-v1.onnx");
        };
        EditorViewModel vm = viewModel(new DirectTaskExecutor(), missing, 256);
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 8));

        assertNotNull(vm.session().photoProperty().get());
        assertFalse(vm.look().hasLookProperty().get());
        assertEquals(1, errors().size());
        assertEquals("Automatic correction unavailable", errors().get(0).title());
        assertTrue(errors().get(0).text().contains("model file not found"), errors().get(0).text());

        Path reference = UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 9);
        vm.look().matchReference(reference);
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get());
        assertEquals("Matching look.png", vm.look().lookDescriptionProperty().get());
        assertTrue(Pixels.meanAbsDiff(pixels(vm.session().beforeProperty().get()), pixels(vm.preview().afterProperty().get())) > 1);
    }

    @Test
    void aReferenceLookMovesTheResultTowardsTheReferencesColours() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 10));
        Path reference = UiFixtures.cleanPhoto(dir, "clean.png", 300, 200, 10); // the same scene without the cast
        vm.look().matchReference(reference);
        Photo clean = new PhotoLoader().load(reference);
        Histogram3D target = Histogram3D.of(clean.argb());
        double before = Histogram3D.klDivergence(target, vm.session().sourceHistogramProperty().get());
        double after = Histogram3D.klDivergence(target, vm.preview().resultHistogramProperty().get());
        assertTrue(after < before * 0.5, "KL to the reference " + before + " -> " + after);

        vm.look().useModel();
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
    }

    @Test
    void exportWritesTheFullResolutionResultTheEngineRendersAndKeepsTheOriginal() throws Exception {
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 600, 400, 11);
        byte[] originalBytes = Files.readAllBytes(file);
        EditorViewModel vm = direct();
        vm.open(file);
        vm.adjustments().strengthProperty().set(0.8);
        vm.adjustments().regrainProperty().set(false);
        Path out = dir.resolve("out.png");

        vm.export().export(out, ExportOptions.DEFAULT.withFormat(ImageFormat.PNG));

        assertEquals(List.of(), errors());
        Photo written = new PhotoLoader().load(out);
        assertEquals(600, written.width());
        assertEquals(400, written.height());
        Photo source = new PhotoLoader().load(file);
        ColorLut3D lut = lookLut(vm);
        int[] expected = new ColorTransfer().render(source.argb(), 600, 400, lut, 0.8, false);
        assertArrayEquals(expected, written.argb(), "the app exports what the engine renders");
        assertArrayEquals(originalBytes, Files.readAllBytes(file));
        assertTrue(notices.stream().anyMatch(n -> n.title().equals("Exported")));
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhyAndLeavesNothing() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 12));
        Path out = dir.resolve("no-such-folder").resolve("out.jpg");
        vm.export().export(out, ExportOptions.DEFAULT);
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).title().startsWith("Export failed"), errors().get(0).title());
        assertFalse(Files.exists(out));
    }

    @Test
    void anExistingFileIsNotOverwrittenUnlessAsked() throws Exception {
        EditorViewModel vm = direct();
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 13);
        vm.open(file);
        byte[] original = Files.readAllBytes(file);
        vm.export().export(file, ExportOptions.DEFAULT);
        assertEquals(1, errors().size(), "exporting over the original without asking is refused");
        assertArrayEquals(original, Files.readAllBytes(file));
        vm.export().export(file, ExportOptions.DEFAULT.withOverwrite(true));
        assertEquals(1, errors().size());
        assertFalse(java.util.Arrays.equals(original, Files.readAllBytes(file)), "replaced when the user said so");
    }

    @Test
    void theLutExportIsTheLookAtTheCurrentStrength() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 14));
        vm.adjustments().strengthProperty().set(0.5);
        Path cube = dir.resolve("look.cube");
        vm.export().exportLut(cube);
        ColorLut3D read = CubeReader.read(cube);
        ColorLut3D expected = lookLut(vm).withStrength(0.5);
        assertEquals(expected.size(), read.size());
        float[] a = expected.nodes();
        float[] b = read.nodes();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Math.max(0, Math.min(1, a[i])), b[i], 1e-5);
        }
    }

    @Test
    void resetPutsEverythingBack() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 15));
        vm.adjustments().strengthProperty().set(0.3);
        vm.adjustments().regrainProperty().set(false);
        vm.compareModeProperty().set(CompareMode.SPLIT);
        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "ref.png", 200, 200, 16));
        vm.reset();
        assertEquals(1.0, vm.adjustments().strengthProperty().get());
        assertTrue(vm.adjustments().regrainProperty().get());
        assertEquals(CompareMode.RESULT, vm.compareModeProperty().get());
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
    }

    @Test
    void cancellingStopsTheWorkAndNoResultAppears() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 17));
        executor.runNext(); // loaded; prediction queued
        assertEquals(1, vm.activities().list().size());
        vm.cancelAll();
        executor.runAll();
        assertFalse(vm.look().hasLookProperty().get());
        assertTrue(vm.activities().list().isEmpty());
        assertNotNull(vm.session().photoProperty().get(), "the photo stays");
    }

    @Test
    void theHistogramChoiceSelectsWhatThePanelDraws() throws Exception {
        EditorViewModel vm = direct();
        assertTrue(vm.histogram().histogramSelectionProperty().get().isEmpty());
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 18));
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE);
        assertSame(vm.session().sourceHistogramProperty().get(), vm.histogram().histogramSelectionProperty().get().first());
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.TARGET);
        assertSame(vm.look().targetHistogramProperty().get(), vm.histogram().histogramSelectionProperty().get().first());
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.RESULT);
        assertSame(vm.preview().resultHistogramProperty().get(), vm.histogram().histogramSelectionProperty().get().first());
        assertFalse(vm.histogram().histogramSelectionProperty().get().isOverlay());
        vm.adjustments().strengthProperty().set(0.4);
        assertTrue(vm.histogram().histogramSelectionProperty().get().caption().contains("40%"));
    }

    @Test
    void recentFilesKeepTheNewestTenOnceEachAndSurviveARestart() throws Exception {
        EditorViewModel vm = direct();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            files.add(UiFixtures.cleanPhoto(dir, "p" + i + ".png", 40, 30, i));
        }
        files.forEach(vm::open);
        vm.open(files.get(5));
        assertEquals(10, vm.session().recentFiles().files().size());
        assertEquals(files.get(5).toAbsolutePath().normalize(), vm.session().recentFiles().files().get(0));
        assertEquals(files.get(11).toAbsolutePath().normalize(), vm.session().recentFiles().files().get(1));
        assertEquals(1, vm.session().recentFiles().files().stream().filter(p -> p.endsWith("p5.png")).count());

        EditorViewModel restarted = viewModel(new DirectTaskExecutor(), model, 256);
        assertEquals(vm.session().recentFiles().files(), restarted.session().recentFiles().files());
        assertEquals(dir.toAbsolutePath(), restarted.session().lastFolder().orElseThrow());
    }

    @Test
    void theSuggestedExportNameKeepsTheOriginalsName() throws Exception {
        EditorViewModel vm = direct();
        assertEquals("photo-retone.jpg", vm.export().suggestedExportName(ImageFormat.JPEG));
        vm.open(UiFixtures.castPhoto(dir, "IMG_0042.jpg", 60, 40, 19));
        assertEquals("IMG_0042-retone.tif", vm.export().suggestedExportName(ImageFormat.TIFF));
    }

    @Test
    void zoomedInTheDetailIsTheFullResolutionResultWithRegrainOnceTheSliderRests() throws Exception {
        Path file = UiFixtures.castPhoto(dir, "big.jpg", 1200, 800, 30);
        EditorViewModel vm = direct(); // display copy 256 px wide: 100 % needs detail
        vm.open(file);
        vm.adjustments().regrainProperty().set(false);
        vm.detail().requestDetail(400, 300, 200, 100, 1.0);

        DetailFrame detail = vm.detail().detailProperty().get();
        assertNotNull(detail);
        assertTrue(detail.covers(400, 300, 200, 100));
        assertEquals(350, detail.x(), "a quarter of the region is added on each side");
        assertEquals(275, detail.y());
        assertEquals(300, detail.regionWidth());
        assertEquals(150, detail.regionHeight());
        assertEquals(300, detail.before().width(), "at 100 % one pixel per photo pixel");
        Photo source = new PhotoLoader().load(file);
        int[] crop = app.retone.core.image.Resample.crop(source.argb(), 1200, 800, 350, 275, 300, 150, 300, 150);
        assertArrayEquals(crop, pixels(detail.before()), "the original's own pixels, not the display copy's");
        ColorLut3D lut = lookLut(vm);
        int[] expected = lut.apply(crop, app.retone.core.color.Interpolation.TETRAHEDRAL);
        assertTrue(Pixels.maxAbsDiff(expected, pixels(detail.after())) <= 1, "the look at full resolution");
        assertFalse(detail.regrained());

        vm.adjustments().adjustingProperty().set(true);
        vm.adjustments().regrainProperty().set(true);
        vm.adjustments().strengthProperty().set(0.6);
        DetailFrame moving = vm.detail().detailProperty().get();
        assertFalse(moving.regrained(), "no regrain while the slider moves");
        assertNotNull(moving.after().over(), "while it moves, the detail too is two frames mixed");
        assertTrue(Pixels.maxAbsDiff(colored(lut, crop, 0.6), pixels(moving.after())) <= 1);
        vm.adjustments().adjustingProperty().set(false);
        DetailFrame rested = vm.detail().detailProperty().get();
        assertTrue(rested.regrained());
        assertNull(rested.after().over(), "at rest the regrained pixels show alone");
        assertTrue(rested.after().frames().containsAll(moving.after().frames()),
                "and the frames stay with the view, for the next move");
        int[] regrained = new app.retone.core.color.Regrain().apply(crop, colored(lut, crop, 0.6), 300, 150);
        assertTrue(Pixels.maxAbsDiff(regrained, pixels(rested.after())) <= 2, "the engine's regrain of the region");

        vm.detail().requestDetail(420, 310, 100, 50, 1.0);
        assertSame(rested, vm.detail().detailProperty().get(), "a region inside the detail needs no new work");
        vm.detail().clearDetail();
        assertNull(vm.detail().detailProperty().get());
    }

    @Test
    void openingAnotherPhotoDropsTheDetail() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "a.jpg", 800, 600, 31));
        vm.detail().requestDetail(0, 0, 100, 100, 1.0);
        assertNotNull(vm.detail().detailProperty().get());
        vm.open(UiFixtures.castPhoto(dir, "b.jpg", 800, 600, 32));
        assertNull(vm.detail().detailProperty().get());
    }

    @Test
    void belowOneHundredPercentTheDetailHasTheScreensResolutionNotThePhotos() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "big.jpg", 2400, 1600, 33));
        vm.detail().requestDetail(0, 0, 2000, 1200, 0.3); // a 30 % view of most of the photo
        DetailFrame detail = vm.detail().detailProperty().get();
        assertEquals(0.3, detail.scale(), 1e-9);
        assertEquals(2400, detail.regionWidth(), "the margin is clamped to the photo");
        assertEquals(720, detail.before().width(), "2400 photo pixels at 30 % are 720 screen pixels");
        assertEquals(1500, detail.regionHeight(), "1200 rows and a quarter of that below");
        assertEquals(450, detail.before().height());
        assertFalse(detail.regrained(), "grain belongs to the photo's own pixels, at 100 % and beyond");
        vm.detail().requestDetail(100, 100, 500, 300, 1.0);
        assertEquals(1.0, vm.detail().detailProperty().get().scale(), 1e-9, "zooming in asks for sharper pixels");
    }

    @Test
    void aSliderChangeDoesNotCancelTheRenderOfANewRegion() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "pan.jpg", 1200, 800, 34));
        executor.runAll();
        vm.adjustments().regrainProperty().set(false);
        vm.detail().requestDetail(0, 0, 200, 100, 1.0);
        executor.runAll();
        vm.detail().requestDetail(800, 500, 200, 100, 1.0); // panned: a new region on its way
        vm.adjustments().strengthProperty().set(0.7);             // and a click on the slider's track meanwhile
        executor.runAll();
        assertTrue(vm.detail().detailProperty().get().covers(800, 500, 200, 100), "the new region arrived");
    }

    @Test
    void afterAFailedOpenThePhotoOnScreenStillGetsALook() throws Exception {
        PredictorSource missing = missingModel();
        EditorViewModel vm = viewModel(new DirectTaskExecutor(), missing, 256);
        vm.open(UiFixtures.castPhoto(dir, "good.jpg", 300, 200, 35));
        vm.open(UiFixtures.brokenJpeg(dir, "broken.jpg"));
        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 36));
        assertEquals("good.jpg", vm.session().detailsProperty().get().fileName());
        assertTrue(vm.look().hasLookProperty().get(), "the reference look reaches the photo that stayed open");
    }

    @Test
    void openingAnotherPhotoStopsThePredictionAndAFailedOpenStartsItAgain() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "kept.jpg", 300, 200, 44));
        executor.runNext("Opening kept.jpg");
        assertEquals(List.of("Predicting the look"), vm.activities().list().stream().map(Activity::title).toList());

        vm.open(UiFixtures.brokenJpeg(dir, "broken.jpg"));
        assertEquals(List.of("Opening broken.jpg"), vm.activities().list().stream().map(Activity::title).toList(),
                "the prediction for the photo being replaced stops at once");
        executor.runAll();   // broken.jpg fails: kept.jpg stays, and gets its look after all

        assertEquals("kept.jpg", vm.session().detailsProperty().get().fileName());
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(1, errors().size());
    }

    @Test
    void cancelledWorkLeavesTheStatusBarAtOnce() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "slow.jpg", 300, 200, 37));
        assertEquals(1, vm.activities().list().size());
        vm.activities().list().get(0).cancel();
        assertTrue(vm.activities().list().isEmpty(), "gone from the status bar before the work even noticed");
        executor.runAll();
        assertTrue(vm.activities().list().isEmpty());
    }

    @Test
    void anExportInProgressIsKnownSoQuittingCanAsk() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "e.jpg", 300, 200, 38));
        executor.runAll();
        assertFalse(vm.export().isExporting());
        vm.export().export(dir.resolve("out.jpg"), ExportOptions.DEFAULT);
        assertTrue(vm.export().isExporting());
        executor.runAll();
        assertFalse(vm.export().isExporting());
        assertTrue(Files.exists(dir.resolve("out.jpg")));
    }

    @Test
    void theOpenPhotoIsRecognisedThroughALink() throws Exception {
        EditorViewModel vm = direct();
        Path file = UiFixtures.castPhoto(dir, "orig.jpg", 120, 80, 39);
        vm.open(file);
        Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), file);
        assertTrue(vm.export().isOpenPhoto(link), "a link to the original is the original");
        assertTrue(vm.export().isOpenPhoto(file));
        assertFalse(vm.export().isOpenPhoto(dir.resolve("other.jpg")));
    }

    /** A view model with a photo opened and its look made, all of the executor's work run. */
    private EditorViewModel openedAndLooked(ManualTaskExecutor executor, String name, long seed) throws Exception {
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, name, 300, 200, seed));
        do {
            executor.runAll();
        } while (executor.fireDelayed() > 0);
        return vm;
    }

    /** The predictor, each prediction counted in {@code calls}; closing it leaves the shared model open. */
    static HistogramPredictor counted(HistogramPredictor predictor, AtomicInteger calls) {
        return new HistogramPredictor() {
            @Override
            public int bins() {
                return predictor.bins();
            }

            @Override
            public Histogram3D predict(Histogram3D source) throws PredictionException {
                calls.incrementAndGet();
                return predictor.predict(source);
            }

            @Override
            public void close() {
                // the shared model stays open
            }
        };
    }

    /** The slider's fast path on a crop, at a strength: what the detail shows before regrain. */
    private static int[] colored(ColorLut3D lut, int[] crop, double strength) {
        int[] out = new int[crop.length];
        new app.retone.core.color.StrengthPreview(crop, lut, app.retone.core.color.Interpolation.TETRAHEDRAL)
                .render(strength, out);
        return out;
    }

    private static int[] pixels(PreviewFrame frame) {
        return java.util.Arrays.copyOf(frame.argb(), frame.width() * frame.height());
    }

    /** The look's LUT as the engine makes it from the source and target histograms on display, with the chosen transfer. */
    private static ColorLut3D lookLut(EditorViewModel vm) {
        return vm.look().lookTransferProperty().get().create(ColorLut3D.DEFAULT_SIZE).transfer(vm.session().sourceHistogramProperty().get(),
                vm.look().targetHistogramProperty().get());
    }

    /** The engine's own repaint of the display copy under that look, to compare the slider's path with. */
    private static app.retone.core.color.StrengthPreview repaintOf(EditorViewModel vm) {
        return new app.retone.core.color.StrengthPreview(pixels(vm.session().beforeProperty().get()), lookLut(vm),
                app.retone.core.color.Interpolation.TETRAHEDRAL);
    }

    /** What the screen shows of a blend. */
    private static int[] pixels(BlendFrame frame) {
        return pixels(frame.composite());
    }
}
