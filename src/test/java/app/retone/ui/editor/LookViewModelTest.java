package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.PredictionException;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.ManualTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The look: the model's, a reference's, and what becomes of it while other photos open or fail. */
class LookViewModelTest extends EditorFixture {

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
    void withoutAModelThePhotoStaysOpenTheReasonIsShownAndAReferenceLookStillWorks() throws Exception {
        PredictorSource missing = () -> {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING,
                    "model file not found: /nowhere/histonet-v1.onnx");
        };
        EditorViewModel vm = viewModel(new DirectTaskExecutor(), missing, 256);
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 8));

        assertNotNull(vm.session().current());
        assertFalse(vm.look().hasLookProperty().get());
        assertEquals(1, errors().size());
        assertEquals("Automatic correction unavailable", errors().get(0).title());
        assertTrue(errors().get(0).text().contains("model file not found"), errors().get(0).text());

        Path reference = UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 9);
        vm.look().matchReference(reference);
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get());
        assertEquals("The colours of look.png, by the 3D transfer (Pitié)", vm.look().lookDescriptionProperty().get());
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
}
