package app.retone.cli;

import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.ExportJob;
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
            "regrain keeps the photo's own detail). A photo's edits in the app (its sidecar, PHOTO.EXT.xmp: a",
            "reference look, strength, regrain, the develop adjustments) are honoured; options given here override them.",
            "With several inputs, -o is a folder; every input is attempted and failures are listed at the end."},
        footer = {"", "Examples:", "  retone enhance holiday.jpg -o holiday-fixed.jpg",
            "  retone enhance *.jpg -o fixed/ --strength 0.8",
            "  retone enhance dull.jpg -o better.jpg --exposure 0.5 --temperature 15 --vibrance 20 --save-sidecar"})
final class EnhanceCommand implements Callable<Integer> {

    @Mixin
    BatchArguments io;

    @Mixin
    ModelOptions model;

    @Mixin
    RenderOptions render;

    @Mixin
    EditOptions edits;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputPlan plan = io.plan(spec.commandLine(), render);
        edits.validate(spec.commandLine());
        // the first photo decodes while the model loads (most of a single photo's wait)
        ExportJob.Photos photos = new FirstPhotoAhead(new PhotoLoader(ImageLimits.fromSystemProperties()), io.inputs.get(0));
        try (OnnxHistogramPredictor predictor = model.load()) {
            plan.prepare();
            AutoEnhancer enhancer = new AutoEnhancer(predictor, model.transfer.create(render.lutSize));
            ColorTransfer engine = new ColorTransfer(new PdfTransfer(PdfTransfer.DEFAULT_ITERATIONS, render.lutSize),
                    new Regrain(), Interpolation.TETRAHEDRAL);
            ReferenceLooks references = new ReferenceLooks(new PhotoLoader(ImageLimits.fromSystemProperties()), render.lutSize);
            return PhotoJob.runAll(spec, photos, engine, new PhotoJob.Request(render, edits, null, model.transfer), plan,
                    io.inputs, (photo, settings) -> settings.kind() == app.retone.core.render.TargetKind.MODEL
                            ? enhancer.enhance(photo.argb(), photo.width(), photo.height()).lut()
                            : references.lutFor(photo, settings.reference()));
        }
    }
}
