package app.retone.cli;

import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.Regrain;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
import app.retone.core.render.PhotoSettings;
import app.retone.core.render.Strength;
import app.retone.predict.ReferenceLook;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "transfer", mixinStandardHelpOptions = true,
        header = "Gives photos the colours of a reference photo.",
        description = {
            "Classic colour transfer: each photo's colour distribution is moved onto the reference photo's",
            "with Pitié's iterative distribution transfer, then regrained so its own detail stays. The develop",
            "adjustments of the photo's sidecar (PHOTO.EXT.xmp, the app's edits) and of the options here apply after it.",
            "With several inputs, -o is a folder; every input is attempted and failures are listed at the end."},
        footer = {"", "Example:", "  retone transfer a.jpg b.jpg --reference golden-hour.jpg -o warm/ --strength 0.8"})
final class TransferCommand implements Callable<Integer> {

    @Mixin
    BatchArguments io;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "REF", description = "The photo whose colours to take.")
    Path reference;

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
        PhotoLoader loader = new PhotoLoader(ImageLimits.fromSystemProperties());
        Photo ref = loader.load(reference);
        Histogram3D target = ReferenceLook.histogram(ref);
        ref = null; // only its histogram is needed: let a large reference be collected
        plan.prepare();
        ColorTransfer engine = new ColorTransfer(ReferenceLook.transfer(render.lutSize), new Regrain(), Interpolation.TETRAHEDRAL);
        PhotoSettings look = PhotoSettings.reference(reference, Strength.DEFAULT, LookTransfer.PITIE.regrainByDefault());
        return PhotoJob.runAll(spec, loader::load, engine, new PhotoJob.Request(render, edits, look, LookTransfer.PITIE), plan,
                io.inputs, (photo, settings) -> engine.lut(ReferenceLook.histogram(photo), target));
    }
}
