package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ExportOptions;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import app.retone.ui.task.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The status bar speaks a photographer's words: every message shown while a photo opens, gets its
 * automatic look, a reference's look and an export is free of the engine's terms, also when the
 * export must read a photo prepared ahead (a folder's neighbour) at full size again.
 */
class StatusWordsTest extends EditorFixture {

    private static final Pattern ENGINE_WORDS = Pattern.compile(
            "\\b(histograms?|transfer|luts?|regrain\\w*|pitié|decod\\w*|metadata|target)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyStatusMessageIsInUserWords() throws Exception {
        EditorViewModel vm = direct();
        List<String> shown = shownFrom(vm);
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 12));
        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 13));
        vm.export().export(dir.resolve("out.jpg"), ExportOptions.DEFAULT);

        assertTrue(shown.size() >= 6, "the opening, the look, the reference and the export each said something: " + shown);
        assertTrue(shown.stream().anyMatch(m -> m.startsWith("Finding the look")), shown.toString());
        assertInUserWords(shown);
    }

    @Test
    void exportingAPhotoPreparedAheadSaysItReadsThePhotoAgainInUserWords() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        // as a folder shows a neighbour it prepared, with its look: only what the screen needs was kept
        PreparedPhoto prepared = vm.prepare(UiFixtures.castPhoto(dir, "neighbour.jpg", 300, 200, 14), TestContexts.PLAIN);
        prepared.releaseFullResolution();
        Look look = vm.pipeline().predictLook(prepared, vm.look().lookTransferProperty().get(), false, TestContexts.PLAIN);
        vm.show(prepared, PhotoSettings.DEFAULT, look);

        List<String> shown = shownFrom(vm);
        vm.export().export(dir.resolve("out.jpg"), ExportOptions.DEFAULT);
        executor.runNext("Exporting out.jpg"); // before anything else reads the photo again

        assertTrue(Files.exists(dir.resolve("out.jpg")), "exported: " + notices);
        assertTrue(shown.stream().anyMatch(m -> m.contains("neighbour.jpg")),
                "the export said that it reads neighbour.jpg again: " + shown);
        assertInUserWords(shown);
    }

    /** Every message the status bar shows from now on, as it shows it. */
    private static List<String> shownFrom(EditorViewModel vm) {
        List<String> shown = new ArrayList<>();
        vm.activities().list().addListener((ListChangeListener<Activity>) change -> {
            while (change.next()) {
                for (Activity added : change.getAddedSubList()) {
                    shown.add(added.messageProperty().get());
                    added.messageProperty().addListener((obs, old, now) -> shown.add(now));
                }
            }
        });
        return shown;
    }

    private static void assertInUserWords(List<String> shown) {
        for (String message : shown) {
            assertFalse(ENGINE_WORDS.matcher(message).find(), "\"" + message + "\" speaks the engine's words");
        }
    }
}
