package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import org.junit.jupiter.api.Test;

/** The background work on the status bar. */
class ActivitiesTest extends EditorFixture {

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
}
