package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Interpolation;
import app.retone.core.render.Develop.Adjustment;
import app.retone.core.render.PreviewRender;
import app.retone.core.render.Recipe;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import app.retone.ui.task.TestContexts;
import org.junit.jupiter.api.Test;

/**
 * The preview of the develop adjustments: quick while a slider is dragged, the coarse LUT at full
 * display size once it rests, then the export's own pixels from the background.
 */
class DevelopPreviewTest extends EditorFixture {

    @Test
    void aDragPaintsFromTheHalfSizeCopyTheRestingSliderTheFullOneAndThenTheExportsOwnPixels() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 320);
        vm.open(UiFixtures.castPhoto(dir, "develop.jpg", 900, 600, 41));
        executor.runAll();
        PreviewFrame before = vm.session().beforeProperty().get();

        vm.adjustments().adjustingProperty().set(true);
        vm.develop().property(Adjustment.EXPOSURE).set(0.7);
        BlendFrame shown = vm.preview().afterProperty().get();
        HalfFrame half = HalfFrame.of(before);
        assertEquals(half.width(), shown.width(), "while dragged: the half-size copy is shown, scaled by the view");
        assertEquals(half.height(), shown.height());
        assertArrayEquals(vm.recipe().lut(Recipe.DRAG_LUT_SIZE).apply(half.argb(), Interpolation.TETRAHEDRAL), pixels(shown),
                "while dragged: the drag's coarser LUT on the half-size copy");
        assertEquals(0, executor.pending("Refining the preview at full resolution"), "nothing refined during a drag");

        vm.adjustments().adjustingProperty().set(false);
        assertArrayEquals(vm.recipe().lut(Recipe.LIVE_LUT_SIZE).apply(before.argb(), Interpolation.TETRAHEDRAL),
                pixels(vm.preview().afterProperty().get()), "at rest at once: the coarse LUT on the whole display copy");
        assertEquals(1, executor.pending("Refining the preview at full resolution"));
        executor.runNext("Refining the preview at full resolution");
        var full = vm.session().current().fullResolution(TestContexts.PLAIN);
        int[] exact = new int[before.argb().length];
        PreviewRender.of(full, 0, 0, full.width(), full.height(), before.width(), before.height(), vm.recipe().lut(),
                vm.recipe().regrain(), new app.retone.core.color.Regrain(), () -> { }).render(1.0, exact);
        assertArrayEquals(exact, pixels(vm.preview().afterProperty().get()), "then the export's own pixels, reduced");
        assertTrue(Pixels.mean(exact)[1] > Pixels.mean(before.argb())[1] + 10, "brighter by the exposure");
    }
}
