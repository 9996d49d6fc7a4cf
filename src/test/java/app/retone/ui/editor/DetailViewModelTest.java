package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The detail: the full-resolution result of the region in view when zoomed in. */
class DetailViewModelTest extends EditorFixture {

    @Test
    void zoomedInTheDetailIsTheFullResolutionResultRegrainedAtEveryStrengthWhenRegrainIsOn() throws Exception {
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

        vm.adjustments().regrainProperty().set(true);
        DetailFrame grained = vm.detail().detailProperty().get();
        assertTrue(grained.regrained(), "regrain switched on: the detail is made again with it");
        vm.adjustments().adjustingProperty().set(true);
        vm.adjustments().strengthProperty().set(0.6);
        DetailFrame moving = vm.detail().detailProperty().get();
        assertTrue(moving.regrained(), "regrained while the slider moves too: its correction is linear in strength");
        assertNotNull(moving.after().over(), "while it moves, the detail too is two frames mixed");
        int[] regrained = new app.retone.core.color.Regrain().apply(crop, colored(lut, crop, 0.6), 300, 150);
        assertTrue(Pixels.maxAbsDiff(regrained, pixels(moving.after())) <= 2, "the engine's regrain of the region, at 0.6: "
                + Pixels.maxAbsDiff(regrained, pixels(moving.after())));
        vm.adjustments().adjustingProperty().set(false);
        DetailFrame rested = vm.detail().detailProperty().get();
        assertSame(moving.after().base(), rested.after().base(), "nothing rendered again once the slider rests");
        assertSame(moving.after().over(), rested.after().over());
        assertEquals(moving.after().opacity(), rested.after().opacity());

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
        assertFalse(detail.regrained(), "the default look's regrain is off");
        vm.adjustments().regrainProperty().set(true);
        assertTrue(vm.detail().detailProperty().get().regrained(), "with regrain on, regrained at the scale it shows, as the export");
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
    void anAdjustmentDraggedAtDetailZoomRepaintsTheRegionAtOnceAndTheExportsPixelsFollowAtRest() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        Path file = UiFixtures.castPhoto(dir, "develop.jpg", 1200, 800, 35);
        vm.open(file);
        executor.runAll();
        vm.adjustments().regrainProperty().set(false);
        executor.runAll();
        vm.detail().requestDetail(400, 300, 200, 100, 1.0);
        executor.runAll();
        DetailFrame before = vm.detail().detailProperty().get();

        vm.adjustments().adjustingProperty().set(true);
        vm.develop().property(app.retone.core.render.Develop.Adjustment.EXPOSURE).set(0.8);
        DetailFrame dragged = vm.detail().detailProperty().get();
        assertEquals(0, executor.pending("Detail"), "nothing waits in the background while the slider moves");
        HalfFrame half = HalfFrame.of(before.before());
        int[] coarse = vm.recipe().lut(app.retone.core.render.Recipe.DRAG_LUT_SIZE).apply(half.argb(),
                app.retone.core.color.Interpolation.TETRAHEDRAL);
        assertEquals(half.width(), dragged.after().width(), "the region's half-size copy, shown scaled");
        assertArrayEquals(coarse, pixels(dragged.after()), "the region repainted on the spot by the coarse LUT, from its half-size copy");
        assertTrue(Pixels.mean(pixels(dragged.after()))[1] > Pixels.mean(pixels(before.after()))[1] + 10, "brighter");

        vm.adjustments().adjustingProperty().set(false);
        assertEquals(1, executor.pending("Detail"), "at rest the export's own pixels of the region are made");
        executor.runNext("Detail");
        Photo source = new PhotoLoader().load(file);
        int[] crop = app.retone.core.image.Resample.crop(source.argb(), 1200, 800, before.x(), before.y(),
                before.regionWidth(), before.regionHeight(), before.regionWidth(), before.regionHeight());
        int[] exact = vm.recipe().lut().apply(crop, app.retone.core.color.Interpolation.TETRAHEDRAL);
        assertTrue(Pixels.maxAbsDiff(exact, pixels(vm.detail().detailProperty().get().after())) <= 1,
                "the export's LUT on the full-resolution region");
    }

    /** The slider's fast path on a crop, at a strength: what the detail shows before regrain. */
    private static int[] colored(ColorLut3D lut, int[] crop, double strength) {
        int[] out = new int[crop.length];
        new app.retone.core.color.StrengthPreview(crop, lut, app.retone.core.color.Interpolation.TETRAHEDRAL)
                .render(strength, out);
        return out;
    }
}
