package app.retone.cli;

import app.retone.core.color.ColorTransfer;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.render.ExportJob;
import app.retone.core.render.LookTransfer;
import app.retone.core.render.PhotoBatch;
import app.retone.core.render.PhotoSettings;
import app.retone.predict.PredictionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The command line's side of the per-photo work of 'transfer' and 'enhance': the photo's edits
 * (its sidecar and the command line's options), where its result goes, its warnings, and the
 * sidecar if asked. Loading, the look, rendering and writing are {@link ExportJob}'s, as in the app.
 */
final class PhotoJob {

    /** What a command asks of every photo: its options, its own look (transfer's reference) if any, how the model's look is made. */
    record Request(RenderOptions render, EditOptions edits, PhotoSettings commandLook, LookTransfer transfer) {
    }

    private final ExportJob export;
    private final Request request;
    private final OutputPlan plan;
    private final PrintWriter err;

    PhotoJob(ExportJob.Photos photos, ColorTransfer engine, PhotoExporter exporter, Request request,
             OutputPlan plan, PrintWriter err) {
        this.export = new ExportJob(path -> withWarningsSaid(photos.load(path), path), engine, exporter);
        this.request = request;
        this.plan = plan;
        this.err = err;
    }

    /**
     * Runs every input of a 'transfer' or 'enhance' through one job, with the batch's progress,
     * its list of failures and its exit code.
     */
    static int runAll(CommandLine.Model.CommandSpec spec, ExportJob.Photos photos, ColorTransfer engine, Request request,
                      OutputPlan plan, List<Path> inputs, ExportJob.Looks looks) {
        RootOptions root = (RootOptions) spec.root().userObject();
        PrintWriter err = spec.commandLine().getErr();
        PhotoJob job = new PhotoJob(photos, engine, root.exporter(), request, plan, err);
        Batch batch = new Batch(spec.commandLine().getOut(), err, Batch.isTerminal(), root.debug());
        return batch.run(inputs, input -> job.run(input, looks));
    }

    PhotoBatch.Outcome run(Path input, ExportJob.Looks looks) throws Exception {
        EditOptions edits = request.edits();
        Optional<PhotoSettings> stored = edits.stored(input, err);
        PhotoSettings settings = edits.settingsFor(stored, request.commandLook(), request.render().strength,
                request.render().regrain, request.transfer());
        Path destination = plan.destinationFor(input);
        ImageFormat written = export.export(input, settings, (photo, asked) -> {
            try {
                return looks.lookFor(photo, asked);
            } catch (PredictionException e) {
                // the model's message names the model; the batch's list needs the photo too
                throw new PredictionException(e.problem(), input + ": " + e.getMessage() + " (nothing written)", e);
            }
        }, destination, request.render().exportOptions());
        edits.save(input, stored, settings, err);
        return PhotoBatch.Outcome.written(destination + " [" + written.name().toLowerCase(Locale.ROOT) + "]");
    }

    private Photo withWarningsSaid(Photo photo, Path input) {
        photo.warnings().forEach(w -> err.println("retone: warning: " + input.getFileName() + ": " + w));
        return photo;
    }
}
