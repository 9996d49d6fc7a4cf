package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SyntheticPhoto;
import app.retone.core.render.LookTransfer;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.CompareMode;
import app.retone.ui.editor.HistogramChoice;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.histogram.ChannelHistogramView;
import app.retone.ui.histogram.HistogramCloud;
import app.retone.ui.histogram.HistogramRenderer;
import app.retone.ui.histogram.HistogramView;
import app.retone.ui.photo.PhotoView;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, driven as a person would (keys, clicks, drags) under Xvfb with Mesa's OpenGL:
 * open, wait for the prediction, move the slider, compare, export, and a broken file.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path dir;

    private Stage stage;
    private EditorViewModel viewModel;
    private PoolTaskExecutor executor;
    private CachedPredictorSource model;
    private MainController controller;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MemorySettings settings;

    private AppViewModels models;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        settings = new MemorySettings();
        executor = new PoolTaskExecutor(2, Platform::runLater);
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
        models = AppViewModels.create(EditorServices.standard(new PhotoLoader(), model, new app.retone.ui.editor.PreviewBounds(1920, 1080)), executor, settings);
        viewModel = models.editor();
        settings.putDouble("window.width", 1400);
        settings.putDouble("window.height", 860);
        controller = MainWindow.create(stage, models, dialogs, settings);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(5, TimeUnit.SECONDS);
        executor.close();
        model.close();
    }

    private void openByShortcut(FxRobot robot, Path photo) throws Exception {
        dialogs.photos.add(photo);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.look().hasLookProperty().get()
                && viewModel.activities().list().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Reads view-model or node state on the FX thread, where it lives. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private PhotoView photoView(FxRobot robot) {
        return robot.lookup("#photo-view").queryAs(PhotoView.class);
    }

    @Test
    void opensAPhotoPredictsAndTheSliderRepaintsThePreview(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.castPhoto(dir, "cast.jpg", 1200, 800, 21));
        assertEquals("cast.jpg — Retone", stage.getTitle());
        PhotoView view = photoView(robot);
        Snapshots.Shot result = Snapshots.of(view);

        Slider slider = robot.lookup(".slider").queryAs(Slider.class);
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-200, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double moved = viewModel.adjustments().strengthProperty().get();
        assertTrue(moved < 0.9, "the drag lowered the strength to " + moved);
        Snapshots.Shot weaker = Snapshots.of(view);
        assertTrue(Snapshots.meanAbsDiff(result, weaker) > 0.5, "the preview repainted");

        robot.clickOn(slider);
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, viewModel.adjustments().strengthProperty().get());
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        int[] shown = Snapshots.pixels(main.getImage()).argb();
        assertArrayEquals(viewModel.session().beforeProperty().get().argb(), shown, "strength 0 shows the original exactly");

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(app.retone.core.render.Strength.MAX, viewModel.adjustments().strengthProperty().get(),
                "the slider's end is the largest strength");
    }

    @Test
    void theThreeComparisonModesAndTheHoldKeyShowWhatTheySay(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.castPhoto(dir, "compare.jpg", 1200, 800, 22));
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        ImageView second = robot.lookup("#photo-second").queryAs(ImageView.class);
        ImageView split = robot.lookup("#photo-split").queryAs(ImageView.class);
        var original = photoView(robot).beforeProperty().get();
        assertNotNull(original);
        assertTrue(Snapshots.meanAbsDiff(Snapshots.pixels(original), Snapshots.pixels(main.getImage())) > 1,
                "the result view shows the result, not the original");

        robot.clickOn("#mode-side-by-side");
        assertEquals(CompareMode.SIDE_BY_SIDE, viewModel.compareModeProperty().get());
        assertTrue(second.getParent().isVisible());
        assertTrue(Snapshots.meanAbsDiff(Snapshots.pixels(main.getImage()), Snapshots.pixels(second.getImage())) > 1,
                "before on the left, after on the right");
        // the two halves show the same scene at the same zoom, in other colours
        assertEquals(main.getFitWidth(), second.getFitWidth(), 1e-9);
        Snapshots.Shot both = Snapshots.of(photoView(robot));
        int half = (both.width() - 2) / 2;
        double differ = 0;
        for (int y = 0; y < both.height(); y += 4) {
            for (int x = 0; x < half; x += 4) {
                int p = both.at(x, y);
                int q = both.at(x + half + 2, y);
                differ += Math.abs((p >>> 16 & 0xFF) - (q >>> 16 & 0xFF)) + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        assertTrue(differ / ((both.height() / 4.0) * (half / 4.0)) > 1, "the halves show before and after, not one image twice");
        // zoom and pan in the right half move both halves: they share one viewport
        double fitted = main.getFitWidth();
        robot.moveTo(second).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = main.getFitWidth();
        assertTrue(zoomed > fitted * 1.01, "zoomed in: " + fitted + " -> " + zoomed);
        assertEquals(zoomed, second.getFitWidth(), 1e-9);
        double leftBefore = main.getLayoutX();
        robot.drag(second, MouseButton.PRIMARY).moveBy(-80, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(leftBefore - 80, main.getLayoutX(), 2, "dragging the right half pans the left one too");
        assertEquals(main.getLayoutX(), second.getLayoutX(), 1e-9);

        robot.clickOn("#mode-split");
        assertEquals(CompareMode.SPLIT, viewModel.compareModeProperty().get());
        assertFalse(second.getParent().isVisible());
        assertNotNull(split.getImage());
        var divider = robot.lookup("#split-divider").query();
        assertTrue(divider.isVisible());
        double splitBefore = photoView(robot).splitProperty().get();
        robot.drag(divider, MouseButton.PRIMARY).moveBy(-150, 0).drop();
        assertTrue(photoView(robot).splitProperty().get() < splitBefore - 0.05, "the divider follows the drag");

        robot.clickOn("#mode-result");
        var result = main.getImage();
        robot.press(KeyCode.BACK_SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(original, main.getImage(), "holding \\ shows the original");
        robot.release(KeyCode.BACK_SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(result, main.getImage());
    }

    @Test
    void exportWritesTheFileInTheBackgroundAndItReadsBack(FxRobot robot) throws Exception {
        Path photo = UiFixtures.castPhoto(dir, "export-me.jpg", 1200, 800, 23);
        openByShortcut(robot, photo);
        Path out = dir.resolve("exported.jpg");
        dialogs.exports.add(new FileDialogs.ExportRequest(out, new ExportOptions(ImageFormat.JPEG, 90, false)));
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(out)
                && onFx(() -> viewModel.activities().list().isEmpty()));
        Photo written = new PhotoLoader().load(out);
        assertEquals(1200, written.width());
        assertEquals(800, written.height());
        List<Path> leftovers;
        try (var files = Files.list(dir)) {
            leftovers = files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
        assertEquals(List.of(), leftovers, "no temporary file is left behind");

        // exporting over the original asks first; saying no leaves it untouched
        byte[] originalBytes = Files.readAllBytes(photo);
        dialogs.exports.add(new FileDialogs.ExportRequest(photo, new ExportOptions(ImageFormat.JPEG, 90, false)));
        dialogs.confirmAnswer = false;
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.confirmations);
        assertTrue(onFx(() -> viewModel.activities().list().isEmpty()), "no export was started");
        assertArrayEquals(originalBytes, Files.readAllBytes(photo));

        // saying yes replaces it, at full resolution
        dialogs.exports.add(new FileDialogs.ExportRequest(photo, new ExportOptions(ImageFormat.JPEG, 90, false)));
        dialogs.confirmAnswer = true;
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.activities().list().isEmpty()));
        assertEquals(2, dialogs.confirmations);
        assertFalse(java.util.Arrays.equals(originalBytes, Files.readAllBytes(photo)), "replaced, as asked");
        assertEquals(1200, new PhotoLoader().load(photo).width());
    }

    @Test
    void scrubbingTheSliderEndsOnThePreviewOfTheLastPosition(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.castPhoto(dir, "scrub.jpg", 600, 400, 29)); // shown at 100 %
        Slider slider = robot.lookup(".slider").queryAs(Slider.class);
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY);
        for (int i = 0; i < 12; i++) { // fast back and forth, as a hand scrubs
            robot.moveBy(i % 2 == 0 ? -90 : 70, 0);
        }
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        double strength = onFx(() -> viewModel.adjustments().strengthProperty().get());
        assertEquals(slider.getValue() / 100, strength, 1e-9, "the view model holds the slider's last value");
        int[] expected = new int[600 * 400];
        repaintOfShownLook().render(strength, expected);
        double[] off = screenAgainst(robot, expected, 600, 400);
        assertTrue(off[0] < 0.5 && off[1] <= 2, "the screen shows the last position's preview, nothing stale: off by "
                + off[0] + " on average, " + off[1] + " at worst");
    }

    /**
     * The engine's own repaint of the display copy under the look on display (its LUT made from
     * the histograms shown, with the chosen transfer).
     */
    private app.retone.core.color.StrengthPreview repaintOfShownLook() throws Exception {
        int[] original = onFx(() -> viewModel.session().beforeProperty().get().argb().clone());
        var lut = onFx(() -> viewModel.look().lookTransferProperty().get()).create(app.retone.core.color.ColorLut3D.DEFAULT_SIZE)
                .transfer(onFx(() -> viewModel.session().sourceHistogramProperty().get()),
                        onFx(() -> viewModel.look().targetHistogramProperty().get()));
        // shown at 100 %: the display copy is the photo, and regrained as the export is when regrain is on
        var before = onFx(() -> viewModel.session().beforeProperty().get());
        return onFx(() -> viewModel.adjustments().regrainProperty().get())
                ? app.retone.core.color.StrengthPreview.regrained(original, before.width(), before.height(), lut,
                        app.retone.core.color.Interpolation.TETRAHEDRAL, new app.retone.core.color.Regrain())
                : new app.retone.core.color.StrengthPreview(original, lut, app.retone.core.color.Interpolation.TETRAHEDRAL);
    }

    /**
     * How far the photo view's rendered pixels are from {@code expected} (a display copy of
     * {@code w × h} shown at 100 %): the mean and the worst difference of a channel, in levels.
     */
    private double[] screenAgainst(FxRobot robot, int[] expected, int w, int h) throws Exception {
        PhotoView view = photoView(robot);
        assertEquals(1.0, onFx(() -> view.zoomProperty().get()), 1e-9, "shown at 100 %");
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        int x0 = (int) Math.round(onFx(main::getLayoutX));
        int y0 = (int) Math.round(onFx(main::getLayoutY));
        Snapshots.Shot shot = Snapshots.of(view);
        long sum = 0;
        int worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = shot.at(x0 + x, y0 + y);
                int q = expected[y * w + x];
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs((p >>> shift & 0xFF) - (q >>> shift & 0xFF));
                    sum += d;
                    worst = Math.max(worst, d);
                }
            }
        }
        return new double[] {sum / (3.0 * w * h), worst};
    }

    @Test
    void aPhotoWithTransparencyShowsItsOriginalAndItsResultSideBySide(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.cutoutPhoto(dir, "cutout.png", 600, 400, 34));
        robot.clickOn("#mode-side-by-side");
        WaitForAsyncUtils.waitForFxEvents();
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        ImageView second = robot.lookup("#photo-second").queryAs(ImageView.class);
        int[] original = onFx(() -> viewModel.session().beforeProperty().get().argb().clone());
        int[] result = onFx(() -> viewModel.preview().afterProperty().get().composite().argb().clone());
        assertTrue(Pixels.meanAbsDiff(original, result) > 1, "the look changes the photo");
        int[] left = onFx(() -> Snapshots.pixels(main.getImage()).argb());
        int[] right = onFx(() -> Snapshots.pixels(second.getImage()).argb());
        // read back through premultiplied alpha: a level or two may move where alpha is 128
        assertTrue(Pixels.maxAbsDiff(original, left) <= 2, "before is the original");
        assertTrue(Pixels.maxAbsDiff(result, right) <= 2, "after is the result");
        // and on screen the two halves differ as the original and the result do
        PhotoView view = photoView(robot);
        Snapshots.Shot shot = Snapshots.of(view);
        // two ports of (width - gap) / 2, the second one gap (2 px) to the right of the first
        double port = onFx(() -> (view.getWidth() - 2) / 2);
        int secondX = (int) Math.round(port + 2);
        int portWidth = (int) Math.floor(port);
        int[][] halves = new int[2][portWidth * shot.height()];
        for (int y = 0; y < shot.height(); y++) {
            for (int x = 0; x < portWidth; x++) {
                halves[0][y * portWidth + x] = shot.at(x, y);
                halves[1][y * portWidth + x] = shot.at(secondX + x, y);
            }
        }
        assertTrue(Pixels.meanAbsDiff(halves[0], halves[1]) > 0.5, "the screen's two halves differ");
    }

    @Test
    void whatTheScreenShowsAtAnyStrengthIsThatStrengthsPreview(FxRobot robot) throws Exception {
        // 600 x 400 fits the view at 100 %: one screen pixel per display-copy pixel, so the
        // window's own rendering can be compared with the engine's repaint, pixel by pixel
        openByShortcut(robot, UiFixtures.castPhoto(dir, "onscreen.jpg", 600, 400, 33));
        var repaint = repaintOfShownLook();
        for (double s : new double[] {0.35, 0.8, 1.3}) {
            onFx(() -> {
                viewModel.adjustments().strengthProperty().set(s);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(onFx(() -> viewModel.preview().afterProperty().get().over()) != null, "at " + s + " two frames are mixed");
            int[] expected = new int[600 * 400];
            repaint.render(s, expected);
            double[] off = screenAgainst(robot, expected, 600, 400);
            assertTrue(off[0] < 0.5 && off[1] <= 2, "at " + s + ": the screen is off by " + off[0] + " on average, "
                    + off[1] + " at worst");
        }
    }

    @Test
    void theTransferChosenInTheLookPanelMakesTheAutomaticLookAgainAndIsRemembered(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.castPhoto(dir, "transfer.jpg", 600, 400, 35)); // shown at 100 %
        ChoiceBox<?> choice = robot.lookup("#transferChoice").queryAs(ChoiceBox.class);
        assertEquals(LookTransfer.DEFAULT, onFx(choice::getValue));
        assertEquals("Tone curves (recommended)", onFx(() -> ((javafx.scene.control.Label) choice.lookup(".label")).getText()),
                "the choice says which transfer is recommended");
        int[] curves = onFx(() -> viewModel.preview().afterProperty().get().composite().argb().clone());

        robot.clickOn("#transferChoice").clickOn("3D transfer (Pitié)");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.activities().list().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LookTransfer.PITIE, onFx(() -> viewModel.look().lookTransferProperty().get()));
        assertEquals("pitie", settings.get("lookTransfer").orElse(""), "remembered for the next run");
        int[] expected = new int[600 * 400];
        repaintOfShownLook().render(1.0, expected);
        assertTrue(Pixels.meanAbsDiff(curves, expected) > 0.3, "the 3D transfer's look is another look");
        double[] off = screenAgainst(robot, expected, 600, 400);
        assertTrue(off[0] < 0.5 && off[1] <= 2, "the screen shows the 3D transfer's look: off by " + off[0]
                + " on average, " + off[1] + " at worst");
    }

    @Test
    void openingAnotherPhotoDuringAPredictionShowsOnlyTheNewOnesResult(FxRobot robot) throws Exception {
        Path large = UiFixtures.castPhoto(dir, "first-large.jpg", 3600, 2400, 30);
        Path small = UiFixtures.castPhoto(dir, "second-small.jpg", 600, 400, 31);
        dialogs.photos.add(large);
        dialogs.photos.add(small);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.look().hasLookProperty().get()
                && viewModel.activities().list().isEmpty()));
        Thread.sleep(500); // let anything late from the first photo arrive, if it (wrongly) could
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("second-small.jpg — Retone", stage.getTitle());
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        assertEquals(600, onFx(() -> main.getImage().getWidth()), 1e-9, "the result on screen is the second photo's");
        assertEquals(600, onFx(() -> viewModel.preview().afterProperty().get().width()));
        assertEquals(600, onFx(() -> viewModel.session().current().width()));
    }

    @Test
    void closingDuringAnExportNeverLosesIt(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.castPhoto(dir, "slow-export.jpg", 1200, 800, 28));
        Path first = dir.resolve("slow-export-1.jpg");
        dialogs.exports.add(new FileDialogs.ExportRequest(first, new ExportOptions(ImageFormat.JPEG, 90, false)));
        dialogs.confirmAnswer = false; // "keep the window"
        // the export waits behind work the test holds, so it is still being written when the window is closed
        // (had it ended first, Ctrl+Q would end JavaFX itself, and every later test with it)
        java.util.concurrent.CountDownLatch release = holdTheWorkers();
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        assertTrue(onFx(() -> viewModel.export().isExporting()), "the export is under way");
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.confirmations, "asked");
        assertTrue(onFx(() -> stage.isShowing()), "the window stayed");
        release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !viewModel.export().isExporting()));
        assertEquals(1200, new PhotoLoader().load(first).width(), "the export was written");

        // "close when done": the window waits for the file, then closes by itself
        Path second = dir.resolve("slow-export-2.jpg");
        dialogs.exports.add(new FileDialogs.ExportRequest(second, new ExportOptions(ImageFormat.JPEG, 90, false)));
        dialogs.confirmAnswer = true;
        release = holdTheWorkers();
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        assertTrue(onFx(() -> viewModel.export().isExporting()));
        WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST))).get(5, TimeUnit.SECONDS);
        assertTrue(onFx(() -> stage.isShowing()), "not closed while the file is being written");
        assertEquals(2, dialogs.confirmations, "asked again");
        assertFalse(Files.exists(second), "nothing written yet");
        release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !stage.isShowing()));
        assertEquals(1200, new PhotoLoader().load(second).width(), "closed only after the export was written");
    }

    /**
     * Occupies both of the app's workers until the latch returned is counted down, so work the
     * window starts meanwhile waits its turn (as it would behind a long task on a slow machine).
     */
    private java.util.concurrent.CountDownLatch holdTheWorkers() throws InterruptedException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            executor.submit(app.retone.ui.task.BackgroundTask.<Void>of("held by the test", context -> {
                running.countDown();
                release.await(60, TimeUnit.SECONDS);
                return null;
            }));
        }
        assertTrue(running.await(30, TimeUnit.SECONDS), "both workers are held");
        return release;
    }

    @Test
    void aBrokenFileShowsItsReasonInADialogAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        Path broken = UiFixtures.brokenJpeg(dir, "broken.jpg");
        dialogs.photos.add(broken);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertEquals("Could not open broken.jpg", pane.getHeaderText());
        assertTrue(pane.getContentText().startsWith("broken.jpg: "), pane.getContentText());
        WaitForAsyncUtils.asyncFx(() -> pane.getScene().getWindow().hide()).get(5, TimeUnit.SECONDS);

        openByShortcut(robot, UiFixtures.castPhoto(dir, "after-broken.jpg", 600, 400, 24));
        assertEquals("after-broken.jpg — Retone", stage.getTitle());
    }

    @Test
    void theHistogramPanelShowsColouredPointsOfTheOpenPhoto(FxRobot robot) throws Exception {
        HistogramView histogram = robot.lookup("#histogram-view").queryAs(HistogramView.class);
        assertEquals(0, histogram.pointCount());
        robot.interact(() -> {   // the size of the README's screenshots (other tests resize the window)
            stage.setWidth(1440);
            stage.setHeight(900);
        });

        // a grey photo first: its points lie on the grey axis, so only the cube's frame is coloured
        int[] scene = SyntheticPhoto.landscape(1200, 800, 25).argb();
        openByShortcut(robot, TestImages.write(dir.resolve("grey.png"),
                TestImages.fromArgb(Pixels.toGrey(scene), 1200, 800, false), "png"));
        showSourcePoints(robot, histogram);
        int frameOnly = Snapshots.colouredPixels(Snapshots.of(histogram), 30);

        openByShortcut(robot, TestImages.write(dir.resolve("colour.png"), TestImages.fromArgb(scene, 1200, 800, false), "png"));
        showSourcePoints(robot, histogram);
        Snapshots.Shot shot = Snapshots.of(histogram);
        int coloured = Snapshots.colouredPixels(shot, 30);
        Snapshots.save(histogram, "window-histogram.png");
        Snapshots.save(stage.getScene().getRoot(), "window.png");

        assertTrue(frameOnly > 0, "the frame's axes are coloured: " + frameOnly);
        // the colour photo's points cover at least 1 % of the panel beyond the frame
        assertTrue(coloured - frameOnly > shot.width() * shot.height() / 100,
                "coloured pixels: " + coloured + " with the colour photo, " + frameOnly + " with its grey copy");
        assertEquals(HistogramRenderer.SCENE_3D, histogram.renderer(), "drawn by the 3D scene where there is one");

        // under the cloud, the photo's RGB histogram: its three channels in colour
        ChannelHistogramView rgb = robot.lookup("#channel-histogram").queryAs(ChannelHistogramView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> !rgb.histograms().isEmpty()
                && rgb.histograms() == viewModel.histogram().rgbHistogramProperty().get().channels()));
        Snapshots.Shot channels = Snapshots.of(rgb);
        assertTrue(Snapshots.colouredPixels(channels, 60) > channels.width() * 3, "the channels show");
    }

    /** Chooses the source histogram and waits until the panel draws exactly its points (not the overlay before). */
    private void showSourcePoints(FxRobot robot, HistogramView histogram) throws Exception {
        robot.interact(() -> viewModel.histogram().histogramChoiceProperty().set(HistogramChoice.SOURCE));
        int expected = onFx(() -> HistogramCloud.of(viewModel.session().sourceHistogramProperty().get()).size());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> {
            var points = viewModel.histogram().histogramPointsProperty().get();
            return !points.cloud().isOverlay() && points.cloud().size() == expected && histogram.pointCount() == expected;
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void atOneHundredPercentTheViewShowsFullResolutionPixelsNotTheDisplayCopy(FxRobot robot) throws Exception {
        openByShortcut(robot, UiFixtures.castPhoto(dir, "large.jpg", 3600, 2400, 27));
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        assertTrue(main.getImage().getWidth() < 3600, "the display copy is smaller than the photo");
        ImageView detail = robot.lookup("#detail-main").queryAs(ImageView.class);
        assertEquals(null, detail.getImage());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> detail.getImage() != null
                && viewModel.detail().detailProperty().get() != null
                && viewModel.detail().detailProperty().get().regrained() == viewModel.adjustments().regrainProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, photoView(robot).zoomProperty().get(), 1e-9);
        var region = photoView(robot).visibleRegionProperty().get();
        var shown = viewModel.detail().detailProperty().get();
        assertTrue(shown.covers(region.getMinX(), region.getMinY(), region.getWidth(), region.getHeight()),
                "the detail covers what is in view");
        assertEquals(shown.regionWidth(), detail.getImage().getWidth(), 1e-9, "one image pixel per photo pixel");
        assertEquals(shown.regionWidth(), detail.getFitWidth(), 1e-9, "and one screen pixel per photo pixel at 100 %");
        // the detail sits exactly over the part of the display copy it replaces
        double zoom = photoView(robot).zoomProperty().get();
        assertEquals(main.getLayoutX() + shown.x() * zoom, detail.getLayoutX(), 1e-6);
        assertEquals(main.getLayoutY() + shown.y() * zoom, detail.getLayoutY(), 1e-6);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> viewModel.detail().detailProperty().get() == null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, detail.getImage(), "back at fit the display copy serves");
    }

    @Test
    void theWindowCarriesRetonesIconAndRemembersItsSizeAndSplits(FxRobot robot) throws Exception {
        assertEquals(6, stage.getIcons().size(), "16 to 256 pixels");
        assertEquals(256, stage.getIcons().get(5).getWidth());
        assertFalse(stage.getIcons().get(0).isError());
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) stage.getScene().lookup("#mainSplit");
            split.setDividerPositions(0.6);
            stage.setWidth(1300);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(5, TimeUnit.SECONDS);
        assertEquals(0.6, settings.getDouble("mainSplit", 0), 0.01);
        assertEquals(stage.getScene().getWidth(), settings.getDouble("window.width", 0), 1e-9);
        assertTrue(settings.get("window.x").isPresent());
        // a new window starts where the last one was left
        Stage again = WaitForAsyncUtils.asyncFx(() -> {
            Stage next = new Stage();
            MainWindow.create(next, models, dialogs, settings);
            return next;
        }).get(5, TimeUnit.SECONDS);
        assertEquals(settings.getDouble("window.width", 0), again.getScene().getWidth(), 1e-9);
    }

    @Test
    void photosDroppedOnTheWindowOpenTogetherInTheFilmstripTheFirstShown(FxRobot robot) throws Exception {
        Path first = UiFixtures.castPhoto(dir, "dropped.jpg", 500, 400, 27);
        Path second = UiFixtures.castPhoto(dir, "dropped-too.jpg", 300, 200, 28);
        PhotoView view = photoView(robot);

        javafx.scene.input.ClipboardContent text = new javafx.scene.input.ClipboardContent();
        text.putString("not a file");
        javafx.scene.input.TransferMode forText = onFx(() ->
                new FileManagerDrag(text).fire(javafx.scene.input.DragEvent.DRAG_OVER, view).getAcceptedTransferMode());
        assertEquals(null, forText, "a drag of text is not accepted");

        javafx.scene.input.ClipboardContent files = new javafx.scene.input.ClipboardContent();
        files.putFiles(List.of(first.toFile(), second.toFile()));
        FileManagerDrag drag = onFx(() -> new FileManagerDrag(files));
        javafx.scene.input.TransferMode forFiles = onFx(() ->
                drag.fire(javafx.scene.input.DragEvent.DRAG_OVER, view).getAcceptedTransferMode());
        assertEquals(javafx.scene.input.TransferMode.COPY, forFiles, "a drag of files is accepted as a copy");

        boolean completed = onFx(() -> drag.fire(javafx.scene.input.DragEvent.DRAG_DROPPED, view).isDropCompleted());
        assertTrue(completed, "the drop is reported done to the file manager");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.look().hasLookProperty().get()
                && viewModel.activities().list().isEmpty()));
        assertEquals("dropped-too.jpg — Retone", stage.getTitle(), "the first by name is shown");
        assertEquals(300, onFx(() -> viewModel.session().current().width()));
        assertEquals(List.of("dropped-too.jpg", "dropped.jpg"), onFx(() -> controller.folderViewModel().photoList()
                .stream().map(app.retone.ui.folder.FolderPhoto::name).toList()), "both in the filmstrip, by name");
        assertTrue(onFx(() -> robot.lookup("#filmstrip").query().isVisible()));
    }

    @Test
    void aPhotoGivenOnTheCommandLineOpensAtStart(FxRobot robot) throws Exception {
        Path photo = UiFixtures.castPhoto(dir, "argument.jpg", 400, 300, 26);
        WaitForAsyncUtils.asyncFx(() -> controller.openFromOutside(List.of(photo))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.look().hasLookProperty().get()));
        assertEquals("argument.jpg — Retone", stage.getTitle());
        assertEquals(400, viewModel.session().current().width());
    }
}
