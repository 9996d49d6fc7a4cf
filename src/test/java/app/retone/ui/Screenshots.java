package app.retone.ui;

import app.retone.core.image.PhotoLoader;
import app.retone.core.render.Develop;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.CompareMode;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.HistogramChoice;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of the real window for the README and the desktop metadata: opens a photo, waits
 * for the prediction, and saves the window in each comparison mode. Run with
 * {@code src/docs/make-screenshots.sh}.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        FxTools.startPlatform();
        PoolTaskExecutor executor = new PoolTaskExecutor(2, Platform::runLater);
        CachedPredictorSource model = new CachedPredictorSource(ModelLocator.defaultDirectory(), ModelLocator.DEFAULT_MODEL);
        EditorViewModel[] vm = new EditorViewModel[1];
        Stage[] stage = new Stage[1];
        FxTools.onFx(() -> {
            MemorySettings settings = new MemorySettings();
            settings.putDouble("window.width", 1440);
            settings.putDouble("window.height", 900);
            AppViewModels models = AppViewModels.create(EditorServices.standard(new PhotoLoader(), model, new app.retone.ui.editor.PreviewBounds(1920, 1080)), executor, settings);
            vm[0] = models.editor();
            stage[0] = new Stage();
            stage[0].getProperties().put(MainController.class, MainWindow.create(stage[0], models, new ScriptedDialogs(), settings));
            stage[0].show();
            vm[0].open(photo);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm[0].look().hasLookProperty().get() || !vm[0].activities().list().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no prediction within 60 s");
            }
            Thread.sleep(100);
        }
        FxTools.onFx(() -> vm[0].histogram().histogramChoiceProperty().set(HistogramChoice.OVERLAY));
        save(stage[0].getScene(), out.resolve("window.png"));
        FxTools.onFx(() -> vm[0].compareModeProperty().set(CompareMode.SIDE_BY_SIDE));
        save(stage[0].getScene(), out.resolve("side-by-side.png"));
        FxTools.onFx(() -> vm[0].compareModeProperty().set(CompareMode.SPLIT));
        save(stage[0].getScene(), out.resolve("split.png"));
        // the Develop section at work: a little brighter, shadows lifted, warmer, more vibrant, four stars
        FxTools.onFx(() -> {
            vm[0].compareModeProperty().set(CompareMode.RESULT);
            vm[0].histogram().histogramChoiceProperty().set(HistogramChoice.RESULT);
            var develop = vm[0].develop();
            develop.property(Develop.Adjustment.EXPOSURE).set(0.3);
            develop.property(Develop.Adjustment.SHADOWS).set(30);
            develop.property(Develop.Adjustment.TEMPERATURE).set(12);
            develop.property(Develop.Adjustment.VIBRANCE).set(25);
            vm[0].rate(4);
        });
        waitIdle(vm[0]);
        save(stage[0].getScene(), out.resolve("develop.png"));
        if (args.length > 2) {
            // a folder: the filmstrip with its thumbnails and the first photo's look
            FxTools.onFx(() -> vm[0].develop().resetAll());
            MainController controller = (MainController) stage[0].getProperties().get(MainController.class);
            FxTools.onFx(() -> controller.openFromOutside(java.util.List.of(Path.of(args[2]))));
            Thread.sleep(1500);
            waitIdle(vm[0]);
            Thread.sleep(3000); // the thumbnails in view
            save(stage[0].getScene(), out.resolve("folder.png"));
        }
        executor.close();
        model.close();
        Platform.exit();
        System.exit(0);
    }

    private static void waitIdle(EditorViewModel vm) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm.look().hasLookProperty().get() || !vm.activities().list().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still busy after 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static void save(Scene scene, Path file) throws Exception {
        Thread.sleep(400); // let the histogram points (made in the background) and the layout settle
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(shot.get(10, TimeUnit.SECONDS), null), "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
