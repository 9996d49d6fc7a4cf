package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ExportOptions;
import app.retone.ui.UiFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The status bar speaks a photographer's words: every message shown while a photo opens, gets its
 * automatic look, a reference's look and an export is free of the engine's terms.
 */
class StatusWordsTest extends EditorFixture {

    private static final Pattern ENGINE_WORDS = Pattern.compile(
            "\\b(histograms?|transfer|luts?|regrain\\w*|pitié|decod\\w*|metadata|target)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void everyStatusMessageIsInUserWords() throws Exception {
        EditorViewModel vm = direct();
        List<String> shown = new ArrayList<>();
        vm.activities().list().addListener((ListChangeListener<Activity>) change -> {
            while (change.next()) {
                for (Activity added : change.getAddedSubList()) {
                    shown.add(added.messageProperty().get());
                    added.messageProperty().addListener((obs, old, now) -> shown.add(now));
                }
            }
        });
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 12));
        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 13));
        vm.export().export(dir.resolve("out.jpg"), ExportOptions.DEFAULT);

        assertTrue(shown.size() >= 6, "the opening, the look, the reference and the export each said something: " + shown);
        assertTrue(shown.stream().anyMatch(m -> m.startsWith("Finding the look")), shown.toString());
        for (String message : shown) {
            assertFalse(ENGINE_WORDS.matcher(message).find(), "\"" + message + "\" speaks the engine's words");
        }
    }
}
