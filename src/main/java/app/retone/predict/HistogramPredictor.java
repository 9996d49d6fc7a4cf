package app.retone.predict;

import app.retone.core.color.Histogram3D;

/**
 * Predicts the histogram a well-edited version of a photo would have, from the photo's own
 * histogram. Implementations are safe to call from several threads.
 */
public interface HistogramPredictor extends AutoCloseable {

    /** Bins per channel of the histograms this predictor takes and gives. */
    int bins();

    /** The predicted target histogram (normalised) for a source histogram of {@link #bins()} bins. */
    Histogram3D predict(Histogram3D source) throws PredictionException;

    /** The model's name and what it is, for the About box: "tonecurves-v4: boosted trees on …". */
    default String description() {
        return "a model of " + bins() + " bins a channel";
    }

    @Override
    void close();
}
