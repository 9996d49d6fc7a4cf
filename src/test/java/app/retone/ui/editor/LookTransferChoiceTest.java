package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.PdfTransfer;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.ManualTaskExecutor;
import app.retone.ui.task.TaskExecutor;
import app.retone.testing.CubeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automatic look's transfer as the app offers it: the chosen one makes the look, choosing
 * another makes the look again (a result of the one chosen before never shows), a reference is
 * always matched with Pitié's full transfer, and the choice is remembered.
 */
class LookTransferChoiceTest {

    private static final String PREDICTING = "Predicting the look";
    private static CachedPredictorSource model;

    @TempDir
    Path dir;

    private final List<Notice> notices = new ArrayList<>();
    private final MemorySettings settings = new MemorySettings();
    private final AtomicInteger predictions = new AtomicInteger();
    private int cubes;

    @BeforeAll
    static void loadModel() {
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    /** A view model on the real model, each prediction counted. */
    private EditorViewModel viewModel(TaskExecutor executor) {
        PredictorSource counting = () -> EditorFixture.counted(model.predictor(), predictions);
        EditorViewModel vm = new EditorViewModel(EditorServices.standard(new PhotoLoader(), counting,
                new PreviewBounds(256, 256)), executor, settings);
        vm.notices().addListener(notices::add);
        return vm;
    }

    @Test
    void theAutomaticLookIsMadeWithTheChosenTransfer() throws Exception {
        EditorViewModel vm = viewModel(new DirectTaskExecutor());
        assertEquals(LookTransfer.DEFAULT, vm.look().lookTransferProperty().get(), "nothing remembered: the default");
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 70));
        Histogram3D source = vm.session().sourceHistogramProperty().get();
        Histogram3D target = vm.look().targetHistogramProperty().get();
        ColorLut3D curves = lutShown(vm, null);
        assertLut(LookTransfer.CURVES.create(33).transfer(source, target), curves, "the default is the tone curves");
        int[] curvesPixels = pixels(vm.preview().afterProperty().get());

        vm.look().useTransfer(LookTransfer.PITIE);

        assertEquals(2, predictions.get(), "the look was made again");
        assertEquals(target, vm.look().targetHistogramProperty().get(), "the same prediction");
        ColorLut3D pitie = lutShown(vm, null);
        assertLut(LookTransfer.PITIE.create(33).transfer(source, target), pitie, "now Pitié's 3D transfer");
        assertTrue(maxNodeDiff(curves, pitie) > 0.02, "the two transfers make other LUTs for a cast: "
                + maxNodeDiff(curves, pitie));
        assertTrue(Pixels.meanAbsDiff(curvesPixels, pixels(vm.preview().afterProperty().get())) > 0.5, "and the screen shows it");
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
        assertEquals(List.of(), errors());
    }

    @Test
    void choosingAgainStopsTheLookUnderWayKeepsStrengthAndRegrainAndAStaleResultNeverShows() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(false); // delivers cancelled work too, as a pool may
        EditorViewModel vm = viewModel(executor);
        vm.open(UiFixtures.castPhoto(dir, "switch.jpg", 300, 200, 71));
        executor.runAll();
        Histogram3D source = vm.session().sourceHistogramProperty().get();
        Histogram3D target = vm.look().targetHistogramProperty().get();
        vm.adjustments().strengthProperty().set(0.6);
        vm.adjustments().regrainProperty().set(false);
        BlendFrame curvesShown = vm.preview().afterProperty().get();

        vm.look().useTransfer(LookTransfer.PITIE);
        assertEquals(List.of(PREDICTING), titles(vm), "the look is made again in the background");
        assertSame(curvesShown, vm.preview().afterProperty().get(), "the look shown stays until the new one is ready");
        vm.look().useTransfer(LookTransfer.CURVES);                   // changed their mind before the 3D look came
        assertEquals(List.of(PREDICTING), titles(vm), "the 3D transfer's work stopped at once");
        assertEquals(2, executor.pending(PREDICTING));

        executor.runNext(PREDICTING);                          // the 3D transfer's look, delivered after all
        assertSame(curvesShown, vm.preview().afterProperty().get(), "a look of a transfer no longer chosen never shows");
        executor.runAll();                                     // the tone curves' look
        assertLut(LookTransfer.CURVES.create(33).transfer(source, target).withStrength(0.6),
                lutShown(vm, executor), "the tone curves at 60 %");

        vm.look().useTransfer(LookTransfer.PITIE);
        executor.runAll();
        assertEquals(4, predictions.get());
        assertLut(LookTransfer.PITIE.create(33).transfer(source, target).withStrength(0.6),
                lutShown(vm, executor), "the 3D transfer at 60 %");
        assertEquals(0.6, vm.adjustments().strengthProperty().get(), "the strength stays");
        assertFalse(vm.adjustments().regrainProperty().get(), "so does regrain");
        assertTrue(Pixels.meanAbsDiff(pixels(curvesShown), pixels(vm.preview().afterProperty().get())) > 0.3,
                "the screen shows the 3D transfer's look");
        assertTrue(vm.activities().list().isEmpty());
        assertEquals(List.of(), errors());
    }

    @Test
    void aReferenceIsAlwaysMatchedWithPitiesTransferAndTheChoiceWaitsForTheAutomaticLook() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor);
        vm.open(UiFixtures.castPhoto(dir, "photo.jpg", 300, 200, 72));
        executor.runAll();
        Histogram3D source = vm.session().sourceHistogramProperty().get();
        Histogram3D predicted = vm.look().targetHistogramProperty().get();
        assertEquals(LookTransfer.CURVES, vm.look().lookTransferProperty().get());

        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "clean.png", 300, 200, 73));
        vm.look().useTransfer(LookTransfer.PITIE);                    // chosen while the reference is being matched
        assertEquals(List.of("Matching clean.png"), titles(vm), "the matching goes on; no prediction starts");
        executor.runAll();
        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get());
        ColorLut3D reference = lutShown(vm, executor);
        assertLut(new PdfTransfer().transfer(source, vm.look().targetHistogramProperty().get()), reference,
                "the reference is matched with the full 3D transfer");
        BlendFrame shown = vm.preview().afterProperty().get();

        vm.look().useTransfer(LookTransfer.CURVES);
        vm.look().useTransfer(LookTransfer.PITIE);
        assertEquals(List.of(), titles(vm), "with the reference on screen the choice changes nothing");
        assertEquals(0, executor.pending(PREDICTING));
        assertSame(shown, vm.preview().afterProperty().get());
        assertEquals(1, predictions.get());
        assertEquals(LookTransfer.PITIE, vm.look().lookTransferProperty().get(), "but is remembered");

        vm.look().useModel();                                         // the tone curves' look made before is not reused
        assertEquals(List.of(PREDICTING), titles(vm));
        executor.runAll();
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
        assertLut(LookTransfer.PITIE.create(33).transfer(source, predicted), lutShown(vm, executor),
                "the automatic look comes with the transfer chosen meanwhile");
        assertEquals(List.of(), errors());
    }

    @Test
    void choosingWhileTheAutomaticLookIsOnItsWayBackMakesItWithTheNewTransfer() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(false);
        EditorViewModel vm = viewModel(executor);
        vm.open(UiFixtures.castPhoto(dir, "back.jpg", 300, 200, 74));
        executor.runAll();
        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 75));
        executor.runAll();
        ColorLut3D reference = lutShown(vm, executor);

        vm.look().useTransfer(LookTransfer.PITIE);                    // remembered only: the reference is on screen
        vm.look().useModel();                                         // back to the automatic look, on its way...
        vm.look().useTransfer(LookTransfer.CURVES);                   // ...when the tone curves are chosen again
        assertEquals(List.of(PREDICTING), titles(vm), "the 3D transfer's prediction stopped, the curves' started");
        executor.runNext(PREDICTING);                          // the stopped one, delivered after all
        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get(), "never shown");
        assertLut(reference, lutShown(vm, executor), "the reference stays until the chosen look is ready");
        executor.runAll();
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
        assertLut(LookTransfer.CURVES.create(33).transfer(vm.session().sourceHistogramProperty().get(),
                vm.look().targetHistogramProperty().get()), lutShown(vm, executor), "made with the tone curves");
    }

    @Test
    void theChoiceIsRememberedAndAnUnknownOneGivesTheDefault() {
        EditorViewModel first = viewModel(new DirectTaskExecutor());
        first.look().useTransfer(LookTransfer.PITIE);
        assertEquals(LookTransfer.PITIE.id(), settings.get("lookTransfer").orElseThrow());
        assertEquals(0, predictions.get(), "no photo, nothing to make");

        EditorViewModel restarted = viewModel(new DirectTaskExecutor());
        assertEquals(LookTransfer.PITIE, restarted.look().lookTransferProperty().get(), "the next run starts with it");
        restarted.look().useTransfer(LookTransfer.CURVES);
        assertEquals(LookTransfer.CURVES, viewModel(new DirectTaskExecutor()).look().lookTransferProperty().get());

        settings.put("lookTransfer", "wavelets");               // a later version's, or a hand-edited value
        assertEquals(LookTransfer.DEFAULT, viewModel(new DirectTaskExecutor()).look().lookTransferProperty().get());
        settings.put("lookTransfer", "");
        assertEquals(LookTransfer.DEFAULT, viewModel(new DirectTaskExecutor()).look().lookTransferProperty().get());
    }

    /**
     * The LUT of the look on screen, at the current strength, as Export LUT writes it; with a
     * manual executor, only the writing is run (other work stays pending).
     */
    private ColorLut3D lutShown(EditorViewModel vm, ManualTaskExecutor executor) throws Exception {
        String name = "shown-" + cubes++ + ".cube";
        vm.export().exportLut(dir.resolve(name));
        if (executor != null) {
            executor.runNext("Exporting " + name);
        }
        return CubeReader.read(dir.resolve(name));
    }

    /** Equal up to the .cube file's clamping to 0..1 and its decimals. */
    private static void assertLut(ColorLut3D expected, ColorLut3D actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        float[] a = expected.nodes();
        float[] b = actual.nodes();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Math.max(0, Math.min(1, a[i])), b[i], 1e-5, what + ": node value " + i);
        }
    }

    private static double maxNodeDiff(ColorLut3D a, ColorLut3D b) {
        double max = 0;
        for (int i = 0; i < a.nodes().length; i++) {
            max = Math.max(max, Math.abs(a.nodes()[i] - b.nodes()[i]));
        }
        return max;
    }

    private List<Notice> errors() {
        return notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList();
    }

    private static List<String> titles(EditorViewModel vm) {
        return vm.activities().list().stream().map(Activity::title).toList();
    }

    private static int[] pixels(BlendFrame frame) {
        PreviewFrame composite = frame.composite();
        return java.util.Arrays.copyOf(composite.argb(), composite.width() * composite.height());
    }
}
