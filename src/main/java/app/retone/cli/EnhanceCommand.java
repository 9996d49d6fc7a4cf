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
            "The model predicts the histogram a well-edited version of each photo would have; the photo's colours",
            "are moved onto it (--transfer: its tone curves applied directly, or Pitié's 3D transfer, after which",
            "regrain keeps the photo's own detail).",
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
        // the first photo decodes while the model loads (most of a single photo's wait)
        PhotoJob.PhotoSource photos = new FirstPhotoAhead(new PhotoLoader(ImageLimits.fromSystemProperties()), io.inputs.get(0));
        try (OnnxHistogramPredictor predictor = model.load()) {
            plan.prepare();
            AutoEnhancer enhancer = new AutoEnhancer(predictor, model.transfer.create(render.lutSize));
            ColorTransfer engine = new ColorTransfer(new PdfTransfer(PdfTransfer.DEFAULT_ITERATIONS, render.lutSize),
                    new Regrain(), Interpolation.TETRAHEDRAL);
            return PhotoJob.runAll(spec, photos, engine, render, render.regrainFor(model.transfer), plan,
                    io.inputs, photo -> enhancer.enhance(photo.argb(), photo.width(), photo.height()).lut());
        }
    }
}
