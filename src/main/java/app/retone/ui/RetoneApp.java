package app.retone.ui;

import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.PreviewBounds;
import app.retone.ui.settings.PreferencesSettings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop app: wires the engine, the view model and the window together. */
public final class RetoneApp extends Application {

    /** Worker threads: one for the photo in front, one for exports and the model, on a 2-core laptop. */
    private static final int WORKERS = 2;

    private PoolTaskExecutor executor;
    private CachedPredictorSource predictors;
    private PreferencesSettings settings;
    private EditorViewModel viewModel;

    public static void launchApp(String[] args) {
        QuietConsole.apply();
        Application.launch(RetoneApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        settings = PreferencesSettings.forApp();
        executor = new PoolTaskExecutor(WORKERS, Platform::runLater);
        predictors = new CachedPredictorSource(ModelLocator.defaultDirectory(), ModelLocator.DEFAULT_MODEL);
        EditorServices services = EditorServices.standard(new PhotoLoader(ImageLimits.fromSystemProperties()),
                predictors, previewBounds());
        AppViewModels models = AppViewModels.create(services, executor, settings);
        viewModel = models.editor();
        MainController controller = MainWindow.create(stage, models, new SystemFileDialogs(), settings);
        stage.show();
        // load the model while the user picks a photo; a failure is reported when a photo needs it
        executor.submit(BackgroundTask.of("Loading the model", context -> predictors.predictor()));
        List<String> photos = getParameters() == null ? List.of() : getParameters().getUnnamed();
        controller.openFromOutside(photos.stream().map(Path::of).toList());
    }

    /**
     * The box the display copy fits in: the primary screen in device pixels (so "fit" is sharp on
     * a HiDPI screen), at least 1280 × 800 and at most 3840 × 2400 so a slider move stays within a frame.
     */
    static PreviewBounds previewBounds() {
        Screen screen = Screen.getPrimary();
        Rectangle2D bounds = screen.getBounds();
        double scale = Math.max(1, Math.max(screen.getOutputScaleX(), screen.getOutputScaleY()));
        int width = (int) Math.round(bounds.getWidth() * scale);
        int height = (int) Math.round(bounds.getHeight() * scale);
        return new PreviewBounds(Math.max(1280, Math.min(3840, width)), Math.max(800, Math.min(2400, height)));
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.edits().saveAll(); // edits made in the last moment are kept, not lost to the save delay
        }
        if (executor != null) {
            executor.close();
        }
        if (predictors != null) {
            predictors.close();
        }
        if (settings != null) {
            settings.flush();
        }
    }
}
