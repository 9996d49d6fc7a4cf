package app.retone.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.PhotoLoader;
import app.retone.ui.MainWindow;
import app.retone.ui.UiFixtures;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.AppViewModels;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.PreviewBounds;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.PoolTaskExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens 50 photos one after another in the real window, each with its prediction, detail and
 * histogram: the heap left after a full collection is the same after the 50th as after the 10th.
 */
@Tag("load")
@ExtendWith(ApplicationExtension.class)
class AppLoadTest {

    private static final int PHOTOS = 50;

    @TempDir
    Path dir;

    private Stage stage;
    private EditorViewModel viewModel;
    private PoolTaskExecutor executor;
    private CachedPredictorSource model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new PoolTaskExecutor(2, Platform::runLater);
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
        MemorySettings settings = new MemorySettings();
        AppViewModels models = AppViewModels.create(EditorServices.standard(new PhotoLoader(), model, new PreviewBounds(1920, 1080)),
                executor, settings);
        viewModel = models.editor();
        MainWindow.create(stage, models, new app.retone.ui.ScriptedDialogs(), settings);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(5, TimeUnit.SECONDS);
        executor.close();
        model.close();
    }

    @Test
    void fiftyPhotosOneAfterAnotherLeaveNoGarbageBehind() throws Exception {
        List<Double> seconds = new ArrayList<>();
        long afterTen = 0;
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        for (int i = 0; i < PHOTOS; i++) {
            Path photo = UiFixtures.castPhoto(dir, "p" + i + ".jpg", 2400, 1600, 100 + i);
            long t0 = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> viewModel.open(photo)).get(5, TimeUnit.SECONDS);
            String name = "p" + i + ".jpg";
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    viewModel.look().hasLookProperty().get() && viewModel.activities().list().isEmpty()
                            && viewModel.session().detailsProperty().get() != null
                            && viewModel.session().detailsProperty().get().fileName().equals(name)).get());
            seconds.add((System.nanoTime() - t0) / 1e9);
            java.nio.file.Files.delete(photo);
            if (i == 9) {
                afterTen = usedAfterGc();
            }
        }
        long afterFifty = usedAfterGc();
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "LOAD app: %d photos (2400x1600 JPEG) opened one after another, open->look median %.2f s"
                + " (max %.2f); heap after full GC %d MB after 10, %d MB after 50; peak heap %d MB (sum of the pools' peaks)%n",
                PHOTOS, sorted[sorted.length / 2], sorted[sorted.length - 1], afterTen >> 20, afterFifty >> 20, peak >> 20);
        assertEquals("p49.jpg — Retone", WaitForAsyncUtils.asyncFx(() -> stage.getTitle()).get());
        assertTrue(afterFifty <= afterTen + (48L << 20),
                "heap after GC grew from " + (afterTen >> 20) + " MB to " + (afterFifty >> 20) + " MB: a leak");
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
