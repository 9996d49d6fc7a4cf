package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ChannelHistograms;
import app.retone.core.image.SyntheticPhoto;
import app.retone.core.render.Develop;
import app.retone.testing.TestImages;
import app.retone.ui.UiFixtures;
import app.retone.ui.histogram.HistogramCloud;
import app.retone.ui.histogram.HistogramPoints;
import app.retone.ui.histogram.HistogramRenderer;
import app.retone.ui.task.ManualTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The histogram panel: what it draws, its points made in the background, and its waits while the slider moves. */
class HistogramPanelViewModelTest extends EditorFixture {

    @Test
    void whileTheSliderMovesThePanelWaitsForItToSettle() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(true, true);   // the test is the clock
        EditorViewModel vm = openedAndLooked(executor, "settle.jpg", 46);
        HistogramPoints before = vm.histogram().histogramPointsProperty().get();
        assertTrue(before.cloud().isOverlay());

        vm.adjustments().adjustingProperty().set(true);
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
        // the panel's settle time and the edits' save both run out after the close: nothing is thrown
        assertEquals(2, executor.fireDelayed());
        assertSame(shown, vm.histogram().histogramPointsProperty().get());
        assertEquals(0.4, app.retone.core.sidecar.Sidecar.read(dir.resolve("closing.jpg")).orElseThrow().strength(),
                "the edits are written anyway, on the closing thread");
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
    void theRgbHistogramIsOfTheResultOnScreenOrOfTheSourceWhenTheSourceIsChosen() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = openedAndLooked(executor, "rgb.jpg", 54);
        assertEquals(HistogramChoice.OVERLAY, vm.histogram().histogramChoiceProperty().get());
        RgbHistogram result = vm.histogram().rgbHistogramProperty().get();
        assertEquals("Result", result.of());
        assertSameCounts(ofScreen(vm.preview().afterProperty().get()), result.channels());

        vm.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE);
        assertSame(result, vm.histogram().rgbHistogramProperty().get(), "made in the background, not on the caller's thread");
        executor.runAll();
        RgbHistogram source = vm.histogram().rgbHistogramProperty().get();
        assertEquals("Source", source.of());
        assertSameCounts(ofScreen(BlendFrame.of(vm.session().current().before())), source.channels());
        assertFalse(java.util.Arrays.equals(source.channels().counts(0), result.channels().counts(0)),
                "the look moved the red channel");

        vm.histogram().histogramChoiceProperty().set(HistogramChoice.TARGET);
        executor.runAll();
        assertEquals("Result", vm.histogram().rgbHistogramProperty().get().of(), "a target has no pixels: the result's");

        vm.histogram().histogramChoiceProperty().set(HistogramChoice.RESULT);
        vm.adjustments().strengthProperty().set(0.3);
        executor.runAll();
        assertSameCounts(ofScreen(vm.preview().afterProperty().get()), vm.histogram().rgbHistogramProperty().get().channels());
        assertEquals(vm.session().current().before().width() * vm.session().current().before().height(),
                vm.histogram().rgbHistogramProperty().get().channels().pixels(), "of the display-sized copy");
    }

    @Test
    void aPhotoWithBlownHighlightsLightsTheirWarningAndOnlyThat() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, missingModel(), 256);
        vm.open(clippedPhoto("blown.png", 0.04));
        executor.runAll();
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE);
        executor.runAll();
        ChannelHistograms shown = vm.histogram().rgbHistogramProperty().get().channels();
        assertTrue(shown.highlightsClipped(), "4 % of the photo at white: " + shown);
        assertEquals(0.04, shown.highlightShare(), 0.01);
        assertFalse(shown.shadowsClipped(), shown.toString());

        vm.open(clippedPhoto("clean.png", 0));
        executor.runAll();
        assertFalse(vm.histogram().rgbHistogramProperty().get().channels().highlightsClipped(), "the same photo unclipped");
    }

    @Test
    void anotherPhotoClearsTheRgbHistogramAtOnce() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = openedAndLooked(executor, "first.jpg", 55);
        assertFalse(vm.histogram().rgbHistogramProperty().get().channels().isEmpty());
        vm.open(UiFixtures.castPhoto(dir, "second.jpg", 200, 300, 56));
        executor.runNext("Opening second.jpg");
        assertSame(RgbHistogram.NONE, vm.histogram().rgbHistogramProperty().get(), "the last photo's goes with it");
    }

    @Test
    void aLiveRepaintWrittenOverWhileItsHistogramWasMadeIsMadeAgainFromTheFrameOnScreen() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor(true, true);
        EditorViewModel vm = openedAndLooked(executor, "live.jpg", 57);
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.RESULT);
        do {
            executor.runAll();
        } while (executor.fireDelayed() > 0);
        RgbHistogram before = vm.histogram().rgbHistogramProperty().get();
        // with an adjustment, a moving slider repaints into two buffers in turn
        vm.adjustments().adjustingProperty().set(true);
        vm.develop().property(Develop.Adjustment.EXPOSURE).set(0.5);
        BlendFrame first = vm.preview().afterProperty().get();
        assertFalse(first.base().stable(), "a live repaint");
        while (executor.pending("Histogram points") == 0) {
            executor.fireDelayed();
        }
        // meanwhile the slider moves on twice: the second repaint writes over the first frame's buffer
        vm.develop().property(Develop.Adjustment.EXPOSURE).set(0.7);
        vm.develop().property(Develop.Adjustment.EXPOSURE).set(0.9);
        assertSame(first.base().argb(), vm.preview().afterProperty().get().base().argb(), "the same buffer again");
        executor.runNext("Histogram points");
        assertSame(before, vm.histogram().rgbHistogramProperty().get(), "a histogram of pixels written over is not shown");

        vm.adjustments().adjustingProperty().set(false);
        do {
            executor.runAll();
        } while (executor.fireDelayed() > 0);
        assertSameCounts(ofScreen(vm.preview().afterProperty().get()), vm.histogram().rgbHistogramProperty().get().channels());
    }

    @Test
    void pointsAreMadeForTheRendererThatDrawsThem() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = openedAndLooked(executor, "renderer.jpg", 58);
        assertNotNull(vm.histogram().histogramPointsProperty().get().mesh(), "for the 3D scene: with their mesh");
        vm.histogram().drawnBy(HistogramRenderer.SOFTWARE);
        vm.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE);
        executor.runAll();
        HistogramPoints points = vm.histogram().histogramPointsProperty().get();
        assertEquals(null, points.mesh(), "the software renderer needs none");
        assertEquals(HistogramCloud.of(vm.session().sourceHistogramProperty().get()).size(), points.cloud().size());
    }

    private static ChannelHistograms ofScreen(BlendFrame frame) {
        PreviewFrame shown = frame.composite();
        return ChannelHistograms.of(shown.argb(), shown.width() * shown.height());
    }

    private static void assertSameCounts(ChannelHistograms expected, ChannelHistograms actual) {
        assertEquals(expected.pixels(), actual.pixels());
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(expected.counts(c), actual.counts(c), "channel " + c);
        }
    }

    /** A landscape with {@code share} of its rows pure white (a blown sky), as a PNG. */
    private Path clippedPhoto(String name, double share) throws Exception {
        int w = 300;
        int h = 200;
        int[] argb = SyntheticPhoto.landscape(w, h, 59).argb();
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            // keep the rest off the ends: levels 8..247
            int r = 8 + (p >> 16 & 0xFF) * 240 / 256;
            int g = 8 + (p >> 8 & 0xFF) * 240 / 256;
            int b = 8 + (p & 0xFF) * 240 / 256;
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        java.util.Arrays.fill(argb, 0, (int) Math.round(share * h) * w, 0xFFFFFFFF);
        return TestImages.write(dir.resolve(name), TestImages.fromArgb(argb, w, h, false), "png");
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
}
