package app.retone.cli;

import app.retone.core.render.LookTransfer;
import app.retone.predict.ModelLocator;
import app.retone.predict.OnnxHistogramPredictor;
import app.retone.predict.PredictionException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a command makes the automatic look: --models DIR, --model NAME and --transfer, shared by 'enhance' and 'eval'. */
final class ModelOptions {

    @Option(names = "--models", paramLabel = "DIR", description = "Folder holding the model (default: the app's models folder).")
    Path models;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = ModelLocator.DEFAULT_MODEL,
            description = "Model name in that folder. Default: ${DEFAULT-VALUE}.")
    String modelName;

    @Option(names = "--transfer", paramLabel = "HOW", defaultValue = LookTransfer.DEFAULT_ID, converter = TransferConverter.class,
            description = {"How the photo's colours move onto the prediction: curves (each channel matched to the "
                    + "prediction's, the predicted tone curves applied directly) or pitie (Pitié's 3D transfer, 25 rotations). "
                    + "Default: ${DEFAULT-VALUE}."})
    LookTransfer transfer;

    OnnxHistogramPredictor load() throws PredictionException {
        return OnnxHistogramPredictor.load(models != null ? models : ModelLocator.defaultDirectory(), modelName);
    }

    static final class TransferConverter implements picocli.CommandLine.ITypeConverter<LookTransfer> {
        @Override
        public LookTransfer convert(String value) {
            return LookTransfer.fromId(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "'" + value + "' is not a transfer: use curves or pitie"));
        }
    }
}
