package app.retone.predict;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.PdfTransfer;
import app.retone.core.image.Resample;

/**
 * The automatic path: the photo's histogram (of its fixed-size copy, as in training), the
 * network's target, and the Pitié transfer between them as a LUT.
 */
public final class AutoEnhancer {

    /** Everything one enhancement learnt: source and target histograms and the LUT between them. */
    public record Result(Histogram3D source, Histogram3D target, ColorLut3D lut) {
    }

    private final HistogramPredictor predictor;
    private final PdfTransfer transfer;

    public AutoEnhancer(HistogramPredictor predictor, PdfTransfer transfer) {
        this.predictor = predictor;
        this.transfer = transfer;
    }

    /** Bins per channel of the histograms the model reads. */
    public int bins() {
        return predictor.bins();
    }

    /** The photo's copy of about {@link Resample#MODEL_INPUT_PIXELS} pixels whose histogram the model sees. */
    public static int[] modelCopy(int[] argb, int width, int height) {
        return Resample.toPixelCount(argb, width, height, Resample.MODEL_INPUT_PIXELS);
    }

    /** The histogram the model sees for a photo: of its {@link #modelCopy}. */
    public static Histogram3D modelInput(int[] argb, int width, int height, int bins) {
        return Histogram3D.of(modelCopy(argb, width, height), bins);
    }

    public Result enhance(int[] argb, int width, int height) throws PredictionException {
        return enhanceCopy(modelCopy(argb, width, height));
    }

    /**
     * The same from the photo's {@link #modelCopy}, when the caller already has it: its histogram
     * at the model's own bins (its card's, 32 or another size) is the model's input.
     */
    public Result enhanceCopy(int[] modelCopy) throws PredictionException {
        return enhance(Histogram3D.of(modelCopy, predictor.bins()));
    }

    /** The same from the model's input histogram, when the caller already has it. */
    public Result enhance(Histogram3D source) throws PredictionException {
        Histogram3D target = predictor.predict(source);
        return new Result(source, target, transfer.transfer(source, target));
    }
}
