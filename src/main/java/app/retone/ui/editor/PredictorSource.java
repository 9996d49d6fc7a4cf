package app.retone.ui.editor;

import app.retone.predict.HistogramPredictor;
import app.retone.predict.PredictionException;

/** Gives the model, loading it on first use (on a worker thread, since loading takes a while). */
@FunctionalInterface
public interface PredictorSource {

    HistogramPredictor predictor() throws PredictionException;

    /** The loaded model's {@link HistogramPredictor#description()}, without loading it (any thread, never waits). */
    default java.util.Optional<String> loadedDescription() {
        return java.util.Optional.empty();
    }
}
