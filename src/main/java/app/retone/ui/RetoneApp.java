package app.retone.ui;

import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
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

    public static void launchApp(String[] args) {
        Application.launch(RetoneApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        settings = PreferencesSettings.forApp();
        executor = new PoolTaskExecutor(WORKERS, Platform::runLater);
        predictors = new CachedPredictorSource(ModelLocator.defaultDirectory(), ModelLocator.DEFAULT_MODEL);
        EditorServices services = EditorServices.standard(new PhotoLoader(ImageLimits.fromSystemProperties()),
                predictors, previewLongEdge());
        EditorViewModel viewModel = new EditorViewModel(services, executor, settings);
        MainController controller = MainWindow.create(stage, viewModel, new SystemFileDialogs(), settings);
        stage.show();
        // load the model while the user picks a photo; a failure is reported when a photo needs it
        executor.submit(BackgroundTask.of("Loading the model", context -> predictors.predictor()));
        List<String> photos = getParameters() == null ? List.of() : getParameters().getUnnamed();
        controller.openFromOutside(photos.stream().map(Path::of).toList());
    }

    /**
     * The display copy's longest side: the screen's longest side in device pixels, so "fit"
     * is sharp, within 1280..3840 so that a slider move stays within a frame.
     */
    static int previewLongEdge() {
        Screen screen = Screen.getPrimary();
        Rectangle2D bounds = screen.getBounds();
        double scale = Math.max(screen.getOutputScaleX(), screen.getOutputScaleY());
        int longest = (int) Math.round(Math.max(bounds.getWidth(), bounds.getHeight()) * Math.max(1, scale));
        return Math.max(1280, Math.min(3840, longest));
    }

    @Override
    public void stop() {
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
