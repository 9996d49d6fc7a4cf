package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The preview as the strength slider moves: the display copy's frames, mixed on screen or repainted. */
class PreviewViewModelTest extends EditorFixture {

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
        assertEquals(app.retone.core.render.Strength.MAX, vm.adjustments().strengthProperty().get(), "strength is kept within 0..150 %");
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

        // all that the scrubbing asked for in the background: the histogram panel's points, one at a time, and once
        // the slider rests, keeping the photo's edits beside it
        assertEquals(List.of("Histogram points", "Keeping the edits of scrub.jpg"), executor.titles());
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

    /**
     * What the slider's path must show: the export's own pixels reduced to the display copy's size
     * (the preview is refined to them once the look is shown), at any strength.
     */
    private static app.retone.core.color.StrengthPreview repaintOf(EditorViewModel vm) throws Exception {
        var photo = vm.session().current().fullResolution(app.retone.ui.task.TestContexts.PLAIN);
        PreviewFrame before = vm.session().beforeProperty().get();
        assertTrue(vm.look().lookProperty().get().exact(), "refined to the export's pixels");
        return app.retone.core.render.PreviewRender.of(photo, 0, 0, photo.width(), photo.height(), before.width(),
                before.height(), lookLut(vm), vm.adjustments().regrainProperty().get(), new app.retone.core.color.Regrain(),
                () -> { });
    }
}
