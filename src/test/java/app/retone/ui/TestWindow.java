package app.retone.ui;

import app.retone.core.image.PhotoLoader;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.PreviewBounds;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's window as the window tests open it: the real view models from the composition root,
 * two workers delivering on the FX thread, a model from {@code models/}, remembered settings of
 * its own, on a stage of the given size; closed after each test.
 */
final class TestWindow implements AutoCloseable {

    final Stage stage;
    final MemorySettings settings = new MemorySettings();
    final PoolTaskExecutor executor = new PoolTaskExecutor(2, Platform::runLater);
    final CachedPredictorSource model;
    final AppViewModels models;
    final MainController controller;

    /** Opens the window on {@code stage}, {@code width} × {@code height} (0: as it remembers by default). */
    TestWindow(Stage stage, String modelName, FileDialogs dialogs, double width, double height) {
        this.stage = stage;
        this.model = new CachedPredictorSource(Path.of("models"), modelName);
        this.models = AppViewModels.create(EditorServices.standard(new PhotoLoader(), model, new PreviewBounds(1920, 1080)),
                executor, settings);
        if (width > 0) {
            settings.putDouble("window.width", width);
            settings.putDouble("window.height", height);
        }
        this.controller = MainWindow.create(stage, models, dialogs, settings);
        stage.show();
    }

    EditorViewModel editor() {
        return models.editor();
    }

    /** {@code read}'s answer, read on the FX thread. */
    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get(5, TimeUnit.SECONDS);
        executor.close();
        model.close();
    }
}
