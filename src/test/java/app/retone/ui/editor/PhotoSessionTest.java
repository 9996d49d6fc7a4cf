package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.Photo;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.ManualTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The photo on screen: opening, failures, stale results, recent files and the window's title. */
class PhotoSessionTest extends EditorFixture {

    private static final String PREDICTING = "Predicting the look";

    @Test
    void openingShowsADisplaySizedCopyThenThePredictedResult() throws Exception {
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 600, 400, 1);
        EditorViewModel vm = direct();

        vm.open(file);

        assertEquals(List.of(), errors());
        PreparedPhoto photo = vm.session().current();
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
    void aBrokenFileGivesASpecificErrorAndTheOpenPhotoStays() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "good.jpg", 300, 200, 3));
        PreparedPhoto good = vm.session().current();

        vm.open(UiFixtures.brokenJpeg(dir, "broken.jpg"));

        assertEquals(1, errors().size());
        Notice error = errors().get(0);
        assertEquals("Could not open broken.jpg", error.title());
        assertTrue(error.text().contains("broken.jpg:") && error.text().length() > "broken.jpg: ".length(), error.text());
        assertSame(good, vm.session().current(), "the photo that was open stays open");
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(1, vm.session().recentFiles().files().size(), "a file that failed is not a recent photo");
    }

    @Test
    void aFailedOpenRestartsTheShownPhotosPredictionOnce() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        AtomicInteger predictions = new AtomicInteger();
        EditorViewModel vm = viewModel(executor, () -> counted(model.predictor(), predictions), 256);
        vm.open(UiFixtures.castPhoto(dir, "good.jpg", 300, 200, 3));
        executor.runNext("Opening good.jpg");      // on screen; its prediction queued
        assertEquals(1, executor.pending(PREDICTING));

        vm.open(UiFixtures.brokenJpeg(dir, "broken.jpg")); // stops that prediction while it opens
        executor.runNext("Opening broken.jpg");     // fails: the good photo's prediction starts again
        assertEquals(1, errors().size());
        assertEquals(2, executor.pending(PREDICTING), "the stopped prediction, still queued, and one restart: " + executor.titles());

        executor.runAll();
        assertEquals(1, predictions.get(), "one prediction ran: the restart (the stopped one ends at its first check)");
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals("good.jpg", vm.session().detailsProperty().get().fileName());
    }

    @Test
    void aCmykPhotoOpensWithTheWarningThatItWasConverted() throws Exception {
        Path rgb = UiFixtures.cleanPhoto(dir, "rgb.png", 120, 80, 9);
        Path cmyk = app.retone.testing.ImageMagick.cmyk(rgb, dir.resolve("print.jpg"));
        EditorViewModel vm = direct();

        vm.open(cmyk);

        assertEquals(List.of(), errors());
        assertEquals(List.of(Notice.warning("print.jpg", "the photo is stored in CMYK, for print: it was converted to RGB (sRGB)"
                + " to be shown and edited, and its exports are RGB, tagged as sRGB")),
                notices.stream().filter(n -> n.severity() == Notice.Severity.WARNING).toList());
        assertEquals(120, vm.session().current().width());
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        EditorViewModel vm = direct();
        vm.open(dir.resolve("gone.jpg"));
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).text().contains("no such file"), errors().get(0).text());
        assertNull(vm.session().current());
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
        assertEquals(200, vm.session().current().width());
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
}
