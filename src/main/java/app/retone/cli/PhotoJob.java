package app.retone.cli;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
import app.retone.core.render.PhotoRender;
import app.retone.core.render.PhotoSettings;
import app.retone.core.render.Recipe;
import app.retone.predict.PredictionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The per-photo work shared by 'transfer' and 'enhance': load, the photo's edits (its sidecar and
 * the command line's options), its look, render by the recipe, export, and the sidecar if asked.
 */
final class PhotoJob {

    /** Where the job's photos come from: a {@link PhotoLoader}, or one that decoded ahead. */
    @FunctionalInterface
    interface PhotoSource {
        Photo load(Path path) throws ImageReadException;
    }

    /** The look's LUT for a photo and the edits it is rendered with (the model's, or a reference's). */
    @FunctionalInterface
    interface LookMaker {
        ColorLut3D lookFor(Photo photo, PhotoSettings settings) throws Exception;
    }

    /** What a command asks of every photo: its options, its own look (transfer's reference) if any, how the model's look is made. */
    record Request(RenderOptions render, EditOptions edits, PhotoSettings commandLook, LookTransfer transfer) {
    }

    private final PhotoSource loader;
    private final ColorTransfer engine;
    private final PhotoExporter exporter;
    private final Request request;
    private final OutputPlan plan;
    private final PrintWriter err;

    PhotoJob(PhotoSource loader, ColorTransfer engine, PhotoExporter exporter, Request request, OutputPlan plan, PrintWriter err) {
        this.loader = loader;
        this.engine = engine;
        this.exporter = exporter;
        this.request = request;
        this.plan = plan;
        this.err = err;
    }

    /**
     * Runs every input of a 'transfer' or 'enhance' through one job, with the batch's progress,
     * its list of failures and its exit code.
     */
    static int runAll(CommandLine.Model.CommandSpec spec, PhotoSource loader, ColorTransfer engine, Request request,
                      OutputPlan plan, List<Path> inputs, LookMaker looks) {
        RetoneCommand root = (RetoneCommand) spec.root().userObject();
        PrintWriter err = spec.commandLine().getErr();
        PhotoJob job = new PhotoJob(loader, engine, root.exporter, request, plan, err);
        Batch batch = new Batch(spec.commandLine().getOut(), err, Batch.isTerminal(), root.debug);
        return batch.run(inputs, input -> job.run(input, looks));
    }

    String run(Path input, LookMaker looks) throws Exception {
        Photo photo = loader.load(input);
        photo.warnings().forEach(w -> err.println("retone: warning: " + input.getFileName() + ": " + w));
        EditOptions edits = request.edits();
        Optional<PhotoSettings> stored = edits.stored(input, err);
        PhotoSettings settings = edits.settingsFor(stored, request.commandLook(), request.render().strength,
                request.render().regrain, request.transfer());
        ColorLut3D lut;
        try {
            lut = looks.lookFor(photo, settings);
        } catch (PredictionException e) {
            // the model's message names the model; the batch's list needs the photo too
            throw new PredictionException(e.problem(), input + ": " + e.getMessage() + " (nothing written)", e);
        }
        Path destination = plan.destinationFor(input);
        Recipe recipe = settings.recipe(lut);
        ImageFormat written = PhotoRender.export(engine, exporter, photo, recipe, destination, request.render().exportOptions());
        edits.save(input, stored, settings, err);
        return destination + " [" + written.name().toLowerCase(Locale.ROOT) + "]";
    }
}
