package app.retone.cli;

import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.ModelLocator;
import app.retone.predict.OnnxHistogramPredictor;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "enhance", mixinStandardHelpOptions = true,
        header = "Fixes the colour of photos automatically.",
        description = {
            "The network predicts the histogram a well-edited version of each photo would have; Pitié's",
            "distribution transfer moves the photo's colours onto it, and regrain keeps its own detail.",
            "With several inputs, -o is a folder; every input is attempted and failures are listed at the end."},
        footer = {"", "Examples:", "  retone enhance holiday.jpg -o holiday-fixed.jpg",
            "  retone enhance *.jpg -o fixed/ --strength 0.8"})
final class EnhanceCommand implements Callable<Integer> {

    @Mixin
    BatchArguments io;

    @Option(names = "--models", paramLabel = "DIR", description = "Folder holding the model (default: the app's models folder).")
    Path models;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = ModelLocator.DEFAULT_MODEL,
            description = "Model name in that folder. Default: ${DEFAULT-VALUE}.")
    String modelName;

    @Mixin
    RenderOptions render;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputPlan plan = io.plan(spec.commandLine(), render);
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(
                models != null ? models : ModelLocator.defaultDirectory(), modelName)) {
            plan.prepare();
            PdfTransfer pdf = new PdfTransfer(PdfTransfer.DEFAULT_ITERATIONS, render.lutSize);
            AutoEnhancer enhancer = new AutoEnhancer(predictor, pdf);
            ColorTransfer engine = new ColorTransfer(pdf, new Regrain(), Interpolation.TETRAHEDRAL);
            RetoneCommand root = (RetoneCommand) spec.root().userObject();
            PhotoJob job = new PhotoJob(new PhotoLoader(ImageLimits.fromSystemProperties()), engine, root.exporter, render,
                    plan, spec.commandLine().getErr());
            boolean debug = root.debug;
            Batch batch = new Batch(spec.commandLine().getOut(), spec.commandLine().getErr(), Batch.isTerminal(), debug);
            return batch.run(io.inputs, input -> job.run(input,
                    photo -> enhancer.enhance(photo.argb(), photo.width(), photo.height()).lut()));
        }
    }
}
