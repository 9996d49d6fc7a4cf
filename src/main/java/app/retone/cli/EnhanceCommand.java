package app.retone.cli;

import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.OnnxHistogramPredictor;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ModelOptions model;

    @Mixin
    RenderOptions render;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputPlan plan = io.plan(spec.commandLine(), render);
        try (OnnxHistogramPredictor predictor = model.load()) {
            plan.prepare();
            PdfTransfer pdf = new PdfTransfer(PdfTransfer.DEFAULT_ITERATIONS, render.lutSize);
            AutoEnhancer enhancer = new AutoEnhancer(predictor, pdf);
            ColorTransfer engine = new ColorTransfer(pdf, new Regrain(), Interpolation.TETRAHEDRAL);
            return PhotoJob.runAll(spec, new PhotoLoader(ImageLimits.fromSystemProperties()), engine, render, plan,
                    io.inputs, photo -> enhancer.enhance(photo.argb(), photo.width(), photo.height()).lut());
        }
    }
}
