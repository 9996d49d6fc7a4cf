package app.retone.cli;

import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.Regrain;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
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
            "with Pitié's iterative distribution transfer, then regrained so its own detail stays.",
            "With several inputs, -o is a folder; every input is attempted and failures are listed at the end."},
        footer = {"", "Example:", "  retone transfer a.jpg b.jpg --reference golden-hour.jpg -o warm/ --strength 0.8"})
final class TransferCommand implements Callable<Integer> {

    @Mixin
    BatchArguments io;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "REF", description = "The photo whose colours to take.")
    Path reference;

    @Mixin
    RenderOptions render;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputPlan plan = io.plan(spec.commandLine(), render);
        PhotoLoader loader = new PhotoLoader(ImageLimits.fromSystemProperties());
        Photo ref = loader.load(reference);
        Histogram3D target = ReferenceLook.histogram(ref);
        ref = null; // only its histogram is needed: let a large reference be collected
        plan.prepare();
        ColorTransfer engine = new ColorTransfer(ReferenceLook.transfer(render.lutSize), new Regrain(), Interpolation.TETRAHEDRAL);
        return PhotoJob.runAll(spec, loader::load, engine, render, render.regrainFor(LookTransfer.PITIE), plan, io.inputs,
                photo -> engine.lut(ReferenceLook.histogram(photo), target));
    }
}
