package app.retone.ui;

import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.HistogramChoice;
import app.retone.ui.histogram.HistogramView;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of the real window's histogram as this display draws it (not a test): opens a photo,
 * waits for its look, and saves the window ({@code histogram-NAME.png}) and the histogram panel
 * alone ({@code histogram-panel-NAME.png}), NAME being the renderer's ({@code software},
 * {@code scene_3d}). Run with {@code src/docs/make-histogram-screenshots.sh}.
 */
public final class HistogramScreenshots {

    private HistogramScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = Path.of(args[0]);
        Path out = Path.of(args[1]);
        HistogramChoice choice = args.length > 2 ? HistogramChoice.valueOf(args[2]) : HistogramChoice.OVERLAY;
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
            // the dividers where someone looking at the histogram leaves them (the window remembers them):
            // the panel about 540 × 430 instead of 380 × 220
            settings.putDouble("mainSplit", 0.62);
            settings.putDouble("sidePanel", 0.62);
            AppViewModels models = AppViewModels.create(EditorServices.standard(new PhotoLoader(), model,
                    new app.retone.ui.editor.PreviewBounds(1920, 1080)), executor, settings);
            vm[0] = models.editor();
            stage[0] = new Stage();
            MainWindow.create(stage[0], models, new ScriptedDialogs(), settings);
            stage[0].show();
            vm[0].open(photo);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vm[0].look().hasLookProperty().get() || !vm[0].activities().list().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no look within 60 s");
            }
            Thread.sleep(100);
        }
        FxTools.onFx(() -> vm[0].histogram().histogramChoiceProperty().set(choice));
        Thread.sleep(1500); // the points and the RGB histogram are made in the background once the choice settles
        Scene scene = stage[0].getScene();
        HistogramView view = (HistogramView) scene.lookup("#histogram-view");
        String name = view.renderer().name().toLowerCase(java.util.Locale.ROOT);
        save(snapshot(scene.getRoot(), null), out.resolve("histogram-" + name + ".png"));
        Node panel = view.getParent().getParent(); // the histogram's box: title, cloud, RGB histogram, caption
        save(snapshot(panel, panel.getLayoutBounds()), out.resolve("histogram-panel-" + name + ".png"));
        executor.close();
        model.close();
        Platform.exit();
        System.exit(0);
    }

    private static WritableImage snapshot(Node node, Bounds area) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            SnapshotParameters parameters = new SnapshotParameters();
            if (area != null) {
                parameters.setViewport(new Rectangle2D(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight()));
            }
            shot.complete(node.snapshot(parameters, null));
        });
        return shot.get(10, TimeUnit.SECONDS);
    }

    private static void save(WritableImage image, Path file) throws Exception {
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
