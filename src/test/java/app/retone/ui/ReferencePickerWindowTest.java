package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.ReferenceCandidate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
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
 * Reference… in the real window: with a folder open, the picker lists the folder's other photos
 * with their previews; Match gives the photo the chosen one's colours; the next time that one comes
 * first, as used before; "Other photo…" asks the file dialog instead.
 */
@ExtendWith(ApplicationExtension.class)
class ReferencePickerWindowTest {

    @TempDir
    static Path dir;

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

    private Path lookReference() throws Exception {
        return onFx(() -> viewModel.look().lookProperty().get() == null ? null
                : viewModel.look().lookProperty().get().reference());
    }

    @SuppressWarnings("unchecked")
    private ListView<ReferenceCandidate> candidates(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reference-candidates").tryQuery().isPresent());
        return robot.lookup("#reference-candidates").queryAs(ListView.class);
    }

    private List<String> shownNames(ListView<ReferenceCandidate> list) throws Exception {
        return onFx(() -> list.getItems().stream().map(c -> c.name() + " (" + c.origin().words() + ")").toList());
    }

    @Test
    void thePickerShowsTheFolderWithPreviewsAndRemembersTheReferenceUsed(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("trip"));
        UiFixtures.castPhoto(folder, "beach.jpg", 900, 600, 1);
        UiFixtures.cleanPhoto(folder, "forest.png", 900, 600, 2);
        UiFixtures.castPhoto(folder, "sunset.jpg", 900, 600, 3);
        WaitForAsyncUtils.asyncFx(() -> controller.openFromOutside(List.of(folder))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> viewModel.look().hasLookProperty().get()));

        robot.clickOn("#referenceButton");
        ListView<ReferenceCandidate> list = candidates(robot);
        assertEquals(List.of("forest.png (in this folder)", "sunset.jpg (in this folder)"), shownNames(list),
                "the folder's other photos, never the photo itself");
        // every candidate on screen gets its preview, a picture of the photo
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> list.lookupAll(".list-cell").stream()
                .flatMap(cell -> cell.lookupAll(".image-view").stream()).map(n -> ((ImageView) n).getImage())
                .filter(image -> image != null && image.getWidth() > 100).count()) == 2);
        Node pane = robot.lookup("#reference-picker").query();
        Snapshots.save(pane, "reference-picker.png");
        assertTrue(Snapshots.colouredPixels(Snapshots.of(list), 40) > 2 * 60 * 40,
                "the previews are drawn: the list shows the photos' colours");

        robot.clickOn(robot.from(list).lookup("sunset.jpg").queryLabeled());
        robot.clickOn("#reference-match");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> folder.resolve("sunset.jpg").equals(lookReference()));

        robot.clickOn("#referenceButton");
        ListView<ReferenceCandidate> again = candidates(robot);
        assertEquals(List.of("sunset.jpg (used before)", "forest.png (in this folder)"), shownNames(again));

        // any other photo on disk, through the system's dialog
        Path elsewhere = UiFixtures.cleanPhoto(dir, "elsewhere.png", 600, 400, 4);
        dialogs.photos.add(elsewhere);
        robot.clickOn(robot.from(robot.lookup("#reference-picker").queryParent()).lookup("Other photo…").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> elsewhere.equals(lookReference()));

        // Escape cancels: the look stays
        robot.clickOn("#referenceButton");
        candidates(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#reference-candidates").tryQuery().isEmpty(), "the picker closed");
        assertEquals(elsewhere, lookReference());
    }
}
