package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.PhotoLoader;
import app.retone.predict.HistogramPredictor;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.PredictorSource;
import app.retone.ui.editor.PreviewBounds;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar of the real window while a long prediction runs: it says what is running, shows
 * its progress and a button that cancels it. The model is held back by the test until it is
 * released, so the work is really in flight while the window is looked at.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    /** Counted down when the held-back model is handed to the prediction after all. */
    private final CountDownLatch handedOut = new CountDownLatch(1);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Stage stage;
    private PoolTaskExecutor executor;
    private CachedPredictorSource model;
    private EditorViewModel viewModel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = new PoolTaskExecutor(2, Platform::runLater);
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
        PredictorSource heldBack = () -> {
            HistogramPredictor real = model.predictor();
            // deaf to interrupts, as a slow model load is: a cancel must not need the work's help
            boolean interrupted = false;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (release.getCount() > 0 && System.nanoTime() < until) {
                try {
                    release.await(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            handedOut.countDown();
            return real;
        };
        MemorySettings settings = new MemorySettings();
        AppViewModels models = AppViewModels.create(EditorServices.standard(new PhotoLoader(), heldBack, new PreviewBounds(1920, 1080)),
                executor, settings);
        viewModel = models.editor();
        MainWindow.create(stage, models, dialogs, settings);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(5, TimeUnit.SECONDS);
        executor.close();
        model.close();
    }

    private void open(FxRobot robot, Path photo) {
        dialogs.photos.add(photo);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
    }

    @Test
    void aRunningPredictionIsShownWithItsProgressAndItsResultArrivesWhenDone(FxRobot robot) throws Exception {
        open(robot, UiFixtures.castPhoto(dir, "slow.jpg", 900, 600, 51));
        StatusBar status = robot.lookup(".status-bar").queryAs(StatusBar.class);
        Button cancel = robot.lookup("#cancel-work").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Loading the model"));

        assertTrue(cancel.isVisible(), "the work can be cancelled from the status bar");
        assertEquals(-1, status.getProgress(), 1e-9, "progress shown, indeterminate while the model loads");
        assertFalse(viewModel.look().hasLookProperty().get());

        release.countDown();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> viewModel.look().hasLookProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("slow.jpg — 900 × 600", status.getText(), "back to the photo's description when done");
        assertEquals(0, status.getProgress(), 1e-9);
        assertFalse(cancel.isVisible());
    }

    @Test
    void theStatusBarsButtonCancelsThePredictionAndThePhotoStays(FxRobot robot) throws Exception {
        open(robot, UiFixtures.castPhoto(dir, "cancel.jpg", 900, 600, 52));
        StatusBar status = robot.lookup(".status-bar").queryAs(StatusBar.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Loading the model"));

        robot.clickOn("#cancel-work");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("cancel.jpg — 900 × 600", status.getText(), "the status bar lets go at once");
        assertFalse(robot.lookup("#cancel-work").queryAs(Button.class).isVisible());
        release.countDown();   // the model answers after all: the cancelled prediction must not show
        assertTrue(handedOut.await(10, TimeUnit.SECONDS));
        executor.close();
        // the cancelled work has ended, so anything it would deliver is queued on the FX thread
        assertTrue(executor.awaitClosed(java.time.Duration.ofSeconds(30)), "the cancelled prediction has ended");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel.look().hasLookProperty().get(), "a cancelled prediction never appears");
        assertEquals("cancel.jpg — Retone", stage.getTitle(), "the photo stays open");
    }
}
