package app.retone.ui.editor;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.HistogramPredictor;
import app.retone.predict.PredictionException;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the editor's view-model tests share: the model, a folder of their own, the notices shown,
 * view models built around them with no stage and no toolkit (work runs on the test's thread),
 * and the pixels to compare.
 */
abstract class EditorFixture {

    static CachedPredictorSource model;

    @TempDir
    Path dir;

    final List<Notice> notices = new ArrayList<>();
    final MemorySettings settings = new MemorySettings();

    @BeforeAll
    static void loadModel() {
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    EditorViewModel viewModel(TaskExecutor executor, PredictorSource predictors, int previewEdge) {
        EditorViewModel vm = new EditorViewModel(EditorServices.standard(new PhotoLoader(), predictors, new PreviewBounds(previewEdge, previewEdge)),
                executor, settings);
        vm.notices().addListener(notices::add);
        return vm;
    }

    /** A model source whose file is not there. */
    static PredictorSource missingModel() {
        return () -> {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING, "model file not found");
        };
    }

    EditorViewModel direct() {
        return viewModel(new DirectTaskExecutor(), model, 256);
    }

    List<Notice> errors() {
        return notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList();
    }

    /** The predictor, each prediction counted in {@code calls}; closing it leaves the shared model open. */
    static HistogramPredictor counted(HistogramPredictor predictor, AtomicInteger calls) {
        return new HistogramPredictor() {
            @Override
            public int bins() {
                return predictor.bins();
            }

            @Override
            public Histogram3D predict(Histogram3D source) throws PredictionException {
                calls.incrementAndGet();
                return predictor.predict(source);
            }

            @Override
            public void close() {
                // the shared model stays open
            }
        };
    }

    static int[] pixels(PreviewFrame frame) {
        return java.util.Arrays.copyOf(frame.argb(), frame.width() * frame.height());
    }

    /** What the screen shows of a blend. */
    static int[] pixels(BlendFrame frame) {
        return pixels(frame.composite());
    }

    /** The look's LUT as the engine makes it from the source and target histograms on display, with the chosen transfer. */
    static ColorLut3D lookLut(EditorViewModel vm) {
        return vm.look().lookTransferProperty().get().create(ColorLut3D.DEFAULT_SIZE).transfer(vm.session().sourceHistogramProperty().get(),
                vm.look().targetHistogramProperty().get());
    }
}
