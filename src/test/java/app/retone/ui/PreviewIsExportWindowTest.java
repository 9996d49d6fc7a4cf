package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.Resample;
import app.retone.core.image.SyntheticPhoto;
import app.retone.predict.ModelLocator;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import app.retone.ui.editor.DetailFrame;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.photo.PhotoView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What you see is what you get: the window's preview, at fit and at 100 %, against the file the
 * same window exports, for the automatic look and for a reference look (Pitié's 3D transfer with
 * regrain, which amplifies a noisy photo's grain into speckle unless the preview is regrained too).
 * Screenshots of each go to target/screenshots for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewIsExportWindowTest {

    @TempDir
    static Path dir;

    private Stage stage;
    private EditorViewModel viewModel;
    /** A channel off by more than this is speckle a person sees, however few such pixels there are. */
    private static final int SPECKLE_LEVELS = 16;
    /** The share of channels allowed off by more than {@link #SPECKLE_LEVELS}: one in 2,000. */
    private static final double SPECKLE_SHARE = 0.0005;
    private TestWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        window = new TestWindow(stage, ModelLocator.DEFAULT_MODEL, dialogs, 1400, 860);
        this.stage = stage;
        viewModel = window.editor();
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    /** A noisy 2400 × 1600 JPEG with a cast: its grain is what a steep look amplifies. */
    private static Path noisyPhoto(String name) throws Exception {
        int w = 2400;
        int h = 1600;
        int[] argb = SyntheticPhoto.landscape(w, h, 61).argb();
        int[] cast = Pixels.cast(argb, new double[] {0.7, 0.1, 0.0, 0.05, 0.75, 0.05, 0.0, 0.1, 0.55}, new double[] {40, 30, 25});
        Random random = new Random(62);
        for (int i = 0; i < cast.length; i++) {
            int p = cast[i];
            int n = (int) Math.round(random.nextGaussian() * 4);
            int r = Math.max(0, Math.min(255, (p >>> 16 & 0xFF) + n));
            int g = Math.max(0, Math.min(255, (p >>> 8 & 0xFF) + n + (int) Math.round(random.nextGaussian() * 2)));
            int b = Math.max(0, Math.min(255, (p & 0xFF) + n));
            cast[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return TestImages.write(dir.resolve(name), TestImages.jpeg(TestImages.fromArgb(cast, w, h, false), 0.9f));
    }

    @Test
    void theAutomaticLooksPreviewIsItsExportAtFitAndAtOneHundredPercent(FxRobot robot) throws Exception {
        Path photo = noisyPhoto("auto.jpg");
        open(robot, photo);
        compareAtFitAndAtOneHundredPercent(robot, "automatic");
    }

    @Test
    void theAutomaticLookRegrainedIsItsExportAtFitAndAtOneHundredPercent(FxRobot robot) throws Exception {
        Path photo = noisyPhoto("auto-regrained.jpg");
        open(robot, photo);
        assertFalse(onFx(() -> viewModel.adjustments().regrainProperty().get()), "the tone curves are not regrained by default");
        onFx(() -> {
            viewModel.adjustments().regrainProperty().set(true); // as the Regrain switch does
            return null;
        });
        waitIdle(() -> viewModel.adjustments().regrainProperty().get() && viewModel.look().lookProperty().get().regrained());
        compareAtFitAndAtOneHundredPercent(robot, "automatic-regrained");
    }

    @Test
    void aReferenceLooksPreviewIsItsExportAtFitAndAtOneHundredPercent(FxRobot robot) throws Exception {
        Path photo = noisyPhoto("ref-target.jpg");
        open(robot, photo);
        // a reference far from the photo: a cold, dark, saturated scene
        int[] ref = Pixels.cast(SyntheticPhoto.landscape(900, 600, 63).argb(),
                new double[] {0.5, 0.0, 0.2, 0.0, 0.6, 0.3, 0.1, 0.2, 1.1}, new double[] {-20, 0, 30});
        Path reference = TestImages.write(dir.resolve("reference.png"), TestImages.fromArgb(ref, 900, 600, false), "png");
        dialogs.photos.add(reference);
        // clicked, not Ctrl+R: on a busy machine X's auto-repeat can press R twice, and the second
        // press rightly opens the picker (the reference is now one used before) over the window
        robot.clickOn("#referenceButton");
        waitIdle(() -> viewModel.look().lookProperty().get() != null && viewModel.look().lookProperty().get().reference() != null
                && viewModel.look().lookProperty().get().regrained());
        assertTrue(onFx(() -> viewModel.adjustments().regrainProperty().get()), "a reference look is regrained by default");
        assertFalse(onFx(() -> robot.lookup("#transferRow").query().isVisible()),
                "a reference is always matched by Pitié's transfer: the automatic look's choice is hidden");
        assertEquals("The colours of reference.png, by the 3D transfer (Pitié)",
                onFx(() -> robot.lookup("#lookLabel").queryAs(javafx.scene.control.Label.class).getText()));
        compareAtFitAndAtOneHundredPercent(robot, "reference");
    }

    private void compareAtFitAndAtOneHundredPercent(FxRobot robot, String name) throws Exception {
        Path exported = dir.resolve(name + "-export.png");
        onFx(() -> {
            viewModel.export().export(exported, new ExportOptions(ImageFormat.PNG, 90, true));
            return null;
        });
        waitIdle(() -> Files.exists(exported));
        Photo export = new PhotoLoader().load(exported);

        // at fit: the preview's own pixels, and what the screen draws, against the export at that size
        PhotoView view = robot.lookup("#photo-view").queryAs(PhotoView.class);
        ImageView main = robot.lookup("#photo-main").queryAs(ImageView.class);
        int[] preview = onFx(() -> viewModel.preview().afterProperty().get().composite().argb().clone());
        int pw = onFx(() -> viewModel.session().beforeProperty().get().width());
        int ph = onFx(() -> viewModel.session().beforeProperty().get().height());
        int[] exportAtPreview = Resample.crop(export.argb(), export.width(), export.height(), 0, 0, export.width(),
                export.height(), pw, ph);
        double[] fit = difference(preview, exportAtPreview);
        Snapshots.save(view, "preview-" + name + "-fit.png");
        double[] fitOnScreen = screenAgainstTheExportDrawnInItsPlace(view, exportAtPreview, pw, ph);
        TestImages.write(Path.of("target", "screenshots", "export-" + name + "-at-fit.png"),
                TestImages.fromArgb(exportAtPreview, pw, ph, false), "png");

        // at 100 %: the detail on screen, one screen pixel per photo pixel, against the export's own pixels
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        boolean regrain = onFx(() -> viewModel.adjustments().regrainProperty().get());
        waitIdle(() -> viewModel.detail().detailProperty().get() != null
                && viewModel.detail().detailProperty().get().scale() == 1.0
                && viewModel.detail().detailProperty().get().regrained() == regrain);
        WaitForAsyncUtils.waitForFxEvents();
        DetailFrame detail = onFx(() -> viewModel.detail().detailProperty().get());
        ImageView detailView = robot.lookup("#detail-main").queryAs(ImageView.class);
        int dx = (int) Math.round(onFx(detailView::getLayoutX));
        int dy = (int) Math.round(onFx(detailView::getLayoutY));
        Snapshots.Shot shot = Snapshots.of(view);
        var region = onFx(() -> view.visibleRegionProperty().get());
        int x0 = (int) Math.ceil(region.getMinX());
        int y0 = (int) Math.ceil(region.getMinY());
        int w = (int) Math.min(region.getWidth() - 2, shot.width() - 2);
        int h = (int) Math.min(region.getHeight() - 2, shot.height() - 2);
        int[] onScreen = new int[w * h];
        int[] exportCrop = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // the screen pixel showing photo pixel (x0 + x, y0 + y)
                onScreen[y * w + x] = shot.at(dx + (x0 + x - detail.x()), dy + (y0 + y - detail.y()));
                exportCrop[y * w + x] = export.argb()[(y0 + y) * export.width() + x0 + x];
            }
        }
        double[] full = difference(onScreen, exportCrop);
        Snapshots.save(view, "preview-" + name + "-100.png");
        TestImages.write(Path.of("target", "screenshots", "export-" + name + "-at-100.png"),
                TestImages.fromArgb(exportCrop, w, h, false), "png");

        System.out.printf(Locale.ROOT, "preview against export, %s look (regrain %s): at fit mean %.2f, 99th percentile %.0f, "
                + "worst %.0f levels, on screen mean %.2f, 99th percentile %.0f, worst %.0f; at 100 %% on screen mean %.2f, "
                + "99th percentile %.0f, worst %.0f; share off by over %d levels %.5f, %.5f, %.5f%n", name,
                regrain ? "on" : "off", fit[0], fit[1], fit[2], fitOnScreen[0], fitOnScreen[1], fitOnScreen[2], full[0], full[1],
                full[2], SPECKLE_LEVELS, fit[3], fitOnScreen[3], full[3]);
        for (double[] d : new double[][] {fit, fitOnScreen, full}) {
            assertTrue(d[3] <= SPECKLE_SHARE, name + ": " + d[3] + " of the channels off by more than " + SPECKLE_LEVELS + " levels");
        }
        assertTrue(fit[0] <= 0.5 && fit[1] <= 3, name + " at fit: mean " + fit[0] + ", 99th percentile " + fit[1]);
        assertTrue(fitOnScreen[0] <= 0.5 && fitOnScreen[1] <= 3,
                name + " at fit on screen: mean " + fitOnScreen[0] + ", 99th percentile " + fitOnScreen[1]);
        assertTrue(full[0] <= 0.5 && full[1] <= 3, name + " at 100 %: mean " + full[0] + ", 99th percentile " + full[1]);
        assertEquals(1.0, onFx(() -> view.zoomProperty().get()), 1e-9);
    }

    /**
     * What the screen draws at fit against what it draws when the export, reduced to the preview's
     * size, takes the preview's place: the view is snapshotted as it is, then with the export as its
     * only image (same node, size and scaling), then put back. So every step from the preview's
     * frames to the screen (the strength's frames mixed by opacity, the view's scaling) is in the
     * comparison, and only the pixels' source differs.
     */
    private static double[] screenAgainstTheExportDrawnInItsPlace(PhotoView view, int[] exportAtPreview, int pw, int ph)
            throws Exception {
        Snapshots.Shot shown = Snapshots.of(view);
        Snapshots.Shot exportShown = onFx(() -> {
            ImageView base = (ImageView) view.lookup("#photo-main");
            ImageView over = (ImageView) view.lookup("#photo-main-over");
            ImageView detail = (ImageView) view.lookup("#detail-main");
            ImageView detailOver = (ImageView) view.lookup("#detail-main-over");
            javafx.scene.image.Image[] images = {base.getImage(), over.getImage(), detail.getImage(), detailOver.getImage()};
            try {
                javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(pw, ph);
                image.getPixelWriter().setPixels(0, 0, pw, ph, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                        exportAtPreview, 0, pw);
                base.setImage(image);
                over.setImage(null);
                detail.setImage(null);
                detailOver.setImage(null);
                return Snapshots.pixels(view.snapshot(null, null));
            } finally {
                base.setImage(images[0]);
                over.setImage(images[1]);
                detail.setImage(images[2]);
                detailOver.setImage(images[3]);
            }
        });
        assertEquals(shown.width(), exportShown.width());
        assertTrue(Snapshots.colouredPixels(shown, 20) > shown.argb().length / 10, "the photo is on screen");
        return difference(shown.argb(), exportShown.argb());
    }

    /** Mean, 99th percentile and worst difference of a channel, in levels, and the share over {@link #SPECKLE_LEVELS}. */
    private static double[] difference(int[] a, int[] b) {
        int[] counts = new int[256];
        long sum = 0;
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF));
                counts[d]++;
                sum += d;
                worst = Math.max(worst, d);
            }
        }
        long n = 3L * a.length;
        long seen = 0;
        int p99 = 0;
        while (seen + counts[p99] < 0.99 * n) {
            seen += counts[p99++];
        }
        long speckled = 0;
        for (int d = SPECKLE_LEVELS + 1; d < 256; d++) {
            speckled += counts[d];
        }
        return new double[] {(double) sum / n, p99, worst, (double) speckled / n};
    }

    private void open(FxRobot robot, Path photo) throws Exception {
        dialogs.photos.add(photo);
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        waitIdle(() -> viewModel.look().hasLookProperty().get());
    }

    private void waitIdle(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> condition.call()
                && viewModel.activities().list().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
