package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.OnnxHistogramPredictor;
import app.retone.testing.FaultyModels;
import app.retone.ui.UiFixtures;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.TestContexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose card gives another bin count than 32 (16, and 64, the largest a card may give):
 * the app feeds it histograms of its own size and makes the look the command line makes, while the
 * histogram panel keeps 32.
 */
class ModelBinsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bins")
    @CsvSource({"16, " + FaultyModels.HEALTHY_16_BINS, "64, " + FaultyModels.HEALTHY_64_BINS})
    void aModelOfAnotherBinCountGivesTheAppTheLookTheCommandLineGives(int bins, String name) throws Exception {
        List<Notice> notices = new ArrayList<>();
        try (CachedPredictorSource model = new CachedPredictorSource(FaultyModels.DIR, name)) {
            EditorViewModel vm = new EditorViewModel(EditorServices.standard(new PhotoLoader(), model, new PreviewBounds(256, 256)),
                    new DirectTaskExecutor(), new MemorySettings());
            vm.notices().addListener(notices::add);
            Path file = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 8);

            vm.open(file);

            assertEquals(List.of(), notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList());
            assertTrue(vm.look().hasLookProperty().get(), "the model's look is made");
            Look look = vm.look().lookProperty().get();
            assertEquals(bins, look.target().bins(), "the model answers at its own size");
            assertEquals(32, vm.session().sourceHistogramProperty().get().bins(), "the panel keeps 32 bins");

            // what 'retone enhance --model redder-16' (or -64) makes of the same photo (EnhanceCommand's recipe)
            Photo photo = new PhotoLoader().load(file);
            ColorLut3D commandLine;
            try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(FaultyModels.DIR, name)) {
                commandLine = new AutoEnhancer(predictor, look.transfer().create(ColorLut3D.DEFAULT_SIZE))
                        .enhance(photo.argb(), photo.width(), photo.height()).lut();
            }
            assertEquals(commandLine, look.lut(), "the window's look is the command line's");
            assertFalse(look.lut().isIdentity(), "the model moved the colours");
            // a folder's batch export makes the look of photos never shown by the same rule
            assertEquals(commandLine, vm.pipeline().lut(photo, PhotoSettings.model(1, false), look.transfer(), TestContexts.PLAIN));
        }
    }
}
