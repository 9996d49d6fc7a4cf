package app.retone.cli;

import app.retone.predict.ModelLocator;
import app.retone.predict.OnnxHistogramPredictor;
import app.retone.predict.PredictionException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which model a command uses: --models DIR and --model NAME, shared by 'enhance' and 'eval'. */
final class ModelOptions {

    @Option(names = "--models", paramLabel = "DIR", description = "Folder holding the model (default: the app's models folder).")
    Path models;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = ModelLocator.DEFAULT_MODEL,
            description = "Model name in that folder. Default: ${DEFAULT-VALUE}.")
    String modelName;

    OnnxHistogramPredictor load() throws PredictionException {
        return OnnxHistogramPredictor.load(models != null ? models : ModelLocator.defaultDirectory(), modelName);
    }
}
