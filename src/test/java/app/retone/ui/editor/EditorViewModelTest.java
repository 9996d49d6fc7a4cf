package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import org.junit.jupiter.api.Test;

/** The editor's view model as a whole, with no stage and no toolkit: work runs on the test's thread. */
class EditorViewModelTest extends EditorFixture {

    @Test
    void resetPutsEverythingBack() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 15));
        vm.adjustments().strengthProperty().set(0.3);
        vm.compareModeProperty().set(CompareMode.SPLIT);
        vm.matchReference(UiFixtures.cleanPhoto(dir, "ref.png", 200, 200, 16));
        assertTrue(vm.adjustments().regrainProperty().get(), "a reference look is regrained by default (Pitié's 3D transfer)");
        vm.reset();
        assertEquals(1.0, vm.adjustments().strengthProperty().get());
        assertFalse(vm.adjustments().regrainProperty().get(), "the model's tone curves are not regrained by default");
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
        assertNotNull(vm.session().current(), "the photo stays");
    }
}
