package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageFormat;
import app.retone.core.image.OutputColourSpace;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.folder.BatchExport;
import app.retone.ui.folder.FolderPhoto;
import app.retone.ui.folder.FolderViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ListView;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A folder in the real window under Xvfb: 30 generated photos (three of them broken) open in the
 * filmstrip, the arrow keys move through them (also after a slider drag), ten are exported in a
 * batch and read back, a batch cancelled half way leaves only whole files, and a batch makes the
 * folder it is given (these two in a folder of four). The tests tagged {@code both-pipelines} run
 * again without forced OpenGL (the build's software-pipeline execution), as on a display without a GPU.
 */
@ExtendWith(ApplicationExtension.class)
class FolderWindowTest {

    @TempDir
    static Path dir;

    private static final List<Integer> BROKEN = List.of(5, 13, 22);

    private Stage stage;
    private EditorViewModel viewModel;
    private TestWindow window;
    private MainController controller;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        window = new TestWindow(stage, "histonet-v1", dialogs, 1400, 900);
        this.stage = stage;
        viewModel = window.editor();
        controller = window.controller;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return TestWindow.onFx(read);
    }

    private Path folderOf30() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("card"));
        if (Files.list(folder).findAny().isEmpty()) {
            for (int i = 1; i <= 30; i++) {
                String name = String.format("img_%02d.jpg", i);
                if (BROKEN.contains(i)) {
                    UiFixtures.brokenJpeg(folder, name);
                } else {
                    UiFixtures.castPhoto(folder, name, 1200, 900, 100 + i);
                }
            }
        }
        return folder;
    }

    /** Four photos, for the tests that need a folder but not a large one (they run with and without OpenGL). */
    private Path folderOf4() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("four"));
        if (Files.list(folder).findAny().isEmpty()) {
            for (int i = 1; i <= 4; i++) {
                UiFixtures.castPhoto(folder, String.format("img_%02d.jpg", i), 900, 600, 200 + i);
            }
        }
        return folder;
    }

    private FolderViewModel folder() {
        return controller.folderViewModel();
    }

    private String shownName() throws Exception {
        return onFx(() -> viewModel.session().detailsProperty().get() == null ? ""
                : viewModel.session().detailsProperty().get().fileName());
    }

    private void waitShown(String name) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> name.equals(shownName())
                && onFx(() -> viewModel.look().hasLookProperty().get()));
    }

    /** Opens {@code folder} of {@code count} photos as the user would, and waits for its first photo with its look. */
    private void openFolder(Path folder, int count) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> controller.openFromOutside(List.of(folder))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> folder().photoList().size()) == count);
        waitShown("img_01.jpg");
    }

    @Test
    void aFolderOpensInTheFilmstripAndTheArrowKeysMoveThroughIt(FxRobot robot) throws Exception {
        openFolder(folderOf30(), 30);
        ListView<?> strip = robot.lookup("#filmstrip").queryAs(ListView.class);
        assertTrue(onFx(strip::isVisible), "the filmstrip shows while a folder is open");

        robot.clickOn("#photo-view");
        robot.type(KeyCode.RIGHT);
        waitShown("img_02.jpg");
        robot.type(KeyCode.RIGHT, 2);
        waitShown("img_04.jpg");
        robot.type(KeyCode.LEFT);
        waitShown("img_03.jpg");
        assertEquals(2, (int) onFx(() -> strip.getSelectionModel().getSelectedIndex()), "the strip follows");

        // every look is made in the background; the broken photos are marked with their reason
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> folder().photoList().stream()
                .noneMatch(p -> p.state() == FolderPhoto.State.WAITING)));
        List<String> failed = onFx(() -> folder().photoList().stream().filter(p -> p.state() == FolderPhoto.State.FAILED)
                .map(FolderPhoto::name).toList());
        assertEquals(List.of("img_05.jpg", "img_13.jpg", "img_22.jpg"), failed);
        String reason = onFx(() -> folder().photoList().get(4).failureProperty().get());
        assertTrue(reason.contains("img_05.jpg"), reason);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".filmstrip-cell").queryAll()
                .stream().anyMatch(c -> c.getPseudoClassStates().stream().anyMatch(s -> s.getPseudoClassName().equals("failed")))));
        // what a person sees, kept for a look: target/folder-filmstrip.png
        javafx.scene.image.WritableImage shot = onFx(() -> stage.getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot, null), "png",
                Path.of("target", "folder-filmstrip.png").toFile());
    }

    @Test
    @Tag("both-pipelines")
    void afterASliderDragTheArrowKeysStillMoveThroughTheFolder(FxRobot robot) throws Exception {
        openFolder(folderOf4(), 4);
        robot.clickOn("#photo-view");
        robot.type(KeyCode.RIGHT);
        waitShown("img_02.jpg");

        // a slider dragged keeps the focus: → still moves to the next photo, ↑ still moves the slider
        Slider strength = robot.lookup("#strengthSlider").queryAs(Slider.class);
        robot.drag(strength.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(strength::isFocused), "the slider has the focus after its drag");
        double dragged = onFx(strength::getValue);
        assertTrue(dragged < 100, "the drag moved the slider: " + dragged);
        robot.type(KeyCode.RIGHT);
        waitShown("img_03.jpg");
        robot.type(KeyCode.LEFT);
        waitShown("img_02.jpg");
        robot.clickOn(strength.lookup(".thumb"));
        double before = onFx(strength::getValue);
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFx(strength::getValue) > before, "↑ moves the focused slider (from " + before + ", dragged to " + dragged + ")");
    }

    @Test
    void tenPhotosExportInABatchAndACancelledBatchLeavesOnlyWholeFiles(FxRobot robot) throws Exception {
        openFolder(folderOf30(), 30);
        ListView<?> strip = robot.lookup("#filmstrip").queryAs(ListView.class);
        Path out = Files.createDirectories(dir.resolve("batch"));
        // img_01 … img_11: eleven photos, one of them broken (img_05), so ten to export
        WaitForAsyncUtils.asyncFx(() -> strip.getSelectionModel().selectRange(0, 11)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> folder().photoList().get(4).state())
                == FolderPhoto.State.FAILED);
        dialogs.batches.add(new BatchExport.Request(out, ImageFormat.JPEG, 90, "{name}-retone", OutputColourSpace.SOURCE));
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.E).release(KeyCode.E, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> controller.batchExport().runningProperty().get())
                || Files.list(out).count() == 10);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !onFx(() -> controller.batchExport().runningProperty().get()));

        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.sorted().toList();
        }
        assertEquals(10, written.size(), String.valueOf(written));
        assertEquals("img_01-retone.jpg", written.get(0).getFileName().toString());
        for (Path file : written) {
            Photo photo = new PhotoLoader().load(file);
            assertEquals(1200, photo.width(), file.toString());
            assertTrue(photo.warnings().isEmpty(), file + ": " + photo.warnings());
        }

        // all 27 good photos, cancelled once a few are written: no partial file, the rest not written
        Path cancelled = Files.createDirectories(dir.resolve("cancelled"));
        WaitForAsyncUtils.asyncFx(() -> strip.getSelectionModel().selectAll()).get(5, TimeUnit.SECONDS);
        dialogs.batches.add(new BatchExport.Request(cancelled, ImageFormat.PNG, 90, "{name}", OutputColourSpace.SOURCE));
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.E).release(KeyCode.E, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> countPng(cancelled) >= 2);
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#cancel-work").queryButton().fire()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !onFx(() -> controller.batchExport().runningProperty().get()));

        List<Path> left;
        try (Stream<Path> files = Files.list(cancelled)) {
            left = files.sorted().toList();
        }
        assertTrue(left.size() >= 2 && left.size() < 27, "stopped part way: " + left.size());
        for (Path file : left) {
            assertTrue(file.getFileName().toString().matches("img_\\d\\d\\.png"), "only finished files: " + file);
            assertEquals(1200, new PhotoLoader().load(file).width(), file + " is whole");
        }
    }

    @Test
    @Tag("both-pipelines")
    void aBatchIntoAFolderThatDoesNotExistMakesItAndTheDialogSaysSo(FxRobot robot) throws Exception {
        openFolder(folderOf4(), 4);
        ListView<?> strip = robot.lookup("#filmstrip").queryAs(ListView.class);
        WaitForAsyncUtils.asyncFx(() -> strip.getSelectionModel().selectRange(0, 2)).get(5, TimeUnit.SECONDS);
        dialogs.realBatchDialog = true;
        robot.clickOn("#photo-view");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.E).release(KeyCode.E, KeyCode.ALT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#batch-folder").tryQuery().isPresent());
        Path fresh = dir.resolve("exports").resolve("new-trip");
        TextField folderField = robot.lookup("#batch-folder").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> folderField.setText(fresh.toString())).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Label hint = robot.lookup("#batch-pattern-hint").queryAs(Label.class);
        String said = onFx(hint::getText);
        assertTrue(said.contains("The folder exports/new-trip will be made in " + dir.toAbsolutePath().normalize()), said);
        assertTrue(onFx(() -> hint.getHeight() >= hint.prefHeight(hint.getWidth()) - 0.5),
                "the note is shown whole, not cut off: " + onFx(hint::getHeight) + " < " + onFx(() -> hint.prefHeight(hint.getWidth())));
        robot.clickOn("Export");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.isDirectory(fresh) && Files.list(fresh).count() == 2
                && !onFx(() -> controller.batchExport().runningProperty().get()));
        try (Stream<Path> files = Files.list(fresh)) {
            assertEquals(List.of("img_01-retone.jpg", "img_02-retone.jpg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void longNamesInTheFilmstripKeepTheirEndsSoPhotosOfOneShootStayApart(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("pairs"));
        UiFixtures.castPhoto(folder, "2008_001009__edit0.jpg", 300, 200, 1);
        UiFixtures.castPhoto(folder, "2008_001009__orig.jpg", 300, 200, 2);
        WaitForAsyncUtils.asyncFx(() -> controller.openFromOutside(List.of(folder))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> folder().photoList().size()) == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = onFx(() -> robot.lookup(".filmstrip-name").queryAllAs(Label.class).stream()
                .filter(l -> !l.getText().isEmpty()).map(l -> ((javafx.scene.text.Text) l.lookup(".text")).getText())
                .sorted().toList());
        assertEquals(2, shown.size(), String.valueOf(shown));
        List<String> names = List.of("2008_001009__edit0.jpg", "2008_001009__orig.jpg");
        for (int i = 0; i < 2; i++) {
            String text = shown.get(i);
            int cut = text.indexOf('…');
            assertTrue(cut > 0, "the name is cut in the middle: " + shown);
            String start = text.substring(0, cut);
            String end = text.substring(cut + 1);
            assertTrue(names.get(i).startsWith(start) && names.get(i).endsWith(end) && end.length() >= 6,
                    "the start and the end of " + names.get(i) + " stay: " + text);
        }
        assertNotEquals(shown.get(0), shown.get(1), "the two photos read differently");
    }

    private static long countPng(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png")).count();
        }
    }
}
