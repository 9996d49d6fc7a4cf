package app.retone.cli;

import app.retone.core.render.PhotoRender;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.PredictionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** The per-photo work shared by 'transfer' and 'enhance': load, find a LUT, render, export. */
final class PhotoJob {

    /** Where the job's photos come from: a {@link PhotoLoader}, or one that decoded ahead. */
    @FunctionalInterface
    interface PhotoSource {
        Photo load(Path path) throws ImageReadException;
    }

    @FunctionalInterface
    interface LutSource {
        ColorLut3D lutFor(Photo photo) throws Exception;
    }

    private final PhotoSource loader;
    private final ColorTransfer engine;
    private final PhotoExporter exporter;
    private final RenderOptions render;
    private final OutputPlan plan;
    private final PrintWriter err;
    private final boolean withRegrain;

    PhotoJob(PhotoSource loader, ColorTransfer engine, PhotoExporter exporter, RenderOptions render, OutputPlan plan,
             PrintWriter err, boolean withRegrain) {
        this.withRegrain = withRegrain;
        this.loader = loader;
        this.exporter = exporter;
        this.engine = engine;
        this.render = render;
        this.plan = plan;
        this.err = err;
    }

    /**
     * Runs every input of a 'transfer' or 'enhance' through one job, with the batch's progress,
     * its list of failures and its exit code; {@code withRegrain} as {@link RenderOptions#regrainFor} decided.
     */
    static int runAll(CommandLine.Model.CommandSpec spec, PhotoSource loader, ColorTransfer engine, RenderOptions render,
                      boolean withRegrain, OutputPlan plan, List<Path> inputs, LutSource lutSource) {
        RetoneCommand root = (RetoneCommand) spec.root().userObject();
        PrintWriter err = spec.commandLine().getErr();
        PhotoJob job = new PhotoJob(loader, engine, root.exporter, render, plan, err, withRegrain);
        Batch batch = new Batch(spec.commandLine().getOut(), err, Batch.isTerminal(), root.debug);
        return batch.run(inputs, input -> job.run(input, lutSource));
    }

    String run(Path input, LutSource lutSource) throws Exception {
        Photo photo = loader.load(input);
        photo.warnings().forEach(w -> err.println("retone: warning: " + input.getFileName() + ": " + w));
        ColorLut3D lut;
        try {
            lut = lutSource.lutFor(photo);
        } catch (PredictionException e) {
            // the model's message names the model; the batch's list needs the photo too
            throw new PredictionException(e.problem(), input + ": " + e.getMessage() + " (nothing written)", e);
        }
        Path destination = plan.destinationFor(input);
        ImageFormat written = PhotoRender.export(engine, exporter, photo, app.retone.core.render.Recipe.of(lut, render.strength, withRegrain), destination,
                render.exportOptions());
        return destination + " [" + written.name().toLowerCase(Locale.ROOT) + "]";
    }
}
