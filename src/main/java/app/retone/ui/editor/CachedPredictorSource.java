package app.retone.ui.editor;

import app.retone.predict.HistogramPredictor;
import app.retone.predict.OnnxHistogramPredictor;
import app.retone.predict.PredictionException;
import java.nio.file.Path;

/**
 * Loads the ONNX model once and keeps it. A failed load is not cached: the user may put the
 * model back, and the next photo tries again.
 */
public final class CachedPredictorSource implements PredictorSource, AutoCloseable {

    private final Path directory;
    private final String name;
    private HistogramPredictor loaded;
    private volatile String description;

    public CachedPredictorSource(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    @Override
    public synchronized HistogramPredictor predictor() throws PredictionException {
        if (loaded == null) {
            loaded = OnnxHistogramPredictor.load(directory, name);
            description = loaded.description();
        }
        return loaded;
    }

    @Override
    public java.util.Optional<String> loadedDescription() {
        return java.util.Optional.ofNullable(description);
    }

    @Override
    public synchronized void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
