package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The About box tells the truth: the model the app uses, as its card describes it, once loaded. */
class AboutDialogTest {

    @Test
    void namesTheLoadedModelAndWhatItIs() throws Exception {
        try (CachedPredictorSource predictors = new CachedPredictorSource(Path.of("models"), ModelLocator.DEFAULT_MODEL)) {
            String before = AboutDialog.text(predictors);
            assertTrue(before.contains("loaded with the first photo"), before);
            assertFalse(before.contains("neural"), "the default model is not a neural network: " + before);
            predictors.predictor();
            String after = AboutDialog.text(predictors);
            assertTrue(after.contains("The model: " + ModelLocator.DEFAULT_MODEL + ": boosted trees"), after);
        }
    }
}
