package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import app.retone.core.render.TargetKind;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.Resample;
import app.retone.core.render.PreviewRender;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.HistogramPredictor;
import app.retone.core.render.LookTransfer;
import app.retone.ui.task.TaskContext;
import java.nio.file.Path;

/**
 * The editor's background steps, free of any view-model state: preparing a photo to show, and
 * making its look. Every method may run on any thread, at any time, any number at once (the
 * services are shared read-only), so a folder view can prepare the next photo and its look while
 * the user looks at this one. Each checks {@code context} for cancellation between steps and
 * reports its progress there.
 */
public final class PhotoPipeline {

    private final EditorServices services;

    public PhotoPipeline(EditorServices services) {
        this.services = services;
    }

    /**
     * Decodes {@code path} and derives what the editor shows from it: the display copy, the
     * details, the model-sized copy and its histogram. Throws what the loader throws (typed
     * exceptions whose message the user can read) or a cancellation.
     */
    public PreparedPhoto prepare(Path path, TaskContext context) throws Exception {
        String name = String.valueOf(path.getFileName());
        context.progress(-1, "Opening " + name + "…");
        Photo loaded = services.loader().load(path);
        context.checkCancelled();
        context.progress(0.6, "Preparing the preview…");
        int[] size = services.preview().fit(loaded.width(), loaded.height());
        int[] display = size[0] == loaded.width() && size[1] == loaded.height()
                ? loaded.argb()
                : Resample.crop(loaded.argb(), loaded.width(), loaded.height(), 0, 0, loaded.width(), loaded.height(),
                        size[0], size[1]);
        context.checkCancelled();
        context.progress(0.8, "Reading the camera details…");
        PhotoDetails photoDetails = PhotoDetailsReader.read(loaded);
        int[] modelCopy = modelCopy(loaded);
        Histogram3D source = histogramOf(modelCopy);
        PhotoEdits.Stored stored = PhotoEdits.read(path); // the photo's own edits, beside it
        return new PreparedPhoto(path, loaded, photoDetails,
                new PreviewFrame(size[0], size[1], display, !loaded.hasAlpha()), source, modelCopy, stored, services.loader());
    }

    /**
     * The model's look for {@code photo}: the predicted target histogram and the LUT
     * {@code transfer} makes for it, with the slider's fast paths rendered, regrained as the export
     * will be when {@code regrain}. Throws a {@link app.retone.predict.PredictionException} when the
     * model is missing or fails.
     */
    public Look predictLook(PreparedPhoto photo, LookTransfer transfer, boolean regrain, TaskContext context) throws Exception {
        Target made = predicted(photo.modelCopy(), transfer, context);
        return lookFor(context, photo, TargetKind.MODEL, "the model", null, transfer, made.histogram(), made.lut(), regrain);
    }

    /** The look of the photo at {@code reference} for {@code photo}, by the full 3D (Pitié) transfer. */
    public Look matchLook(PreparedPhoto photo, Path reference, boolean regrain, TaskContext context) throws Exception {
        Target made = matched(photo.sourceHistogram(), reference, context);
        return lookFor(context, photo, TargetKind.REFERENCE, String.valueOf(reference.getFileName()), reference, null,
                made.histogram(), made.lut(), regrain);
    }

    /** The look {@code settings} ask for: the model's (made by {@code transfer}) or that reference's, regrained as they say. */
    public Look look(PreparedPhoto photo, PhotoSettings settings, LookTransfer transfer, TaskContext context)
            throws Exception {
        return settings.kind() == TargetKind.MODEL ? predictLook(photo, transfer, settings.regrain(), context)
                : matchLook(photo, settings.reference(), settings.regrain(), context);
    }

    /**
     * {@code look} with its display copy's fast path made again (the same LUT): quickly from the
     * display copy with regrain on or off, or, {@code exact}, from the photo's full-resolution
     * values reduced, which is the export's own result at the screen's size ({@link PreviewRender}).
     */
    public Look previewed(Look look, boolean regrain, boolean exact, TaskContext context) throws Exception {
        if (!exact) {
            return look.withDisplay(displayView(look.photo(), look.lut(), regrain, context), regrain, isExact(look.photo()));
        }
        PreparedPhoto photo = look.photo();
        PreviewFrame before = photo.before();
        Photo full = photo.fullResolution(context);
        StrengthPreview preview = PreviewRender.of(full, 0, 0, full.width(), full.height(), before.width(), before.height(),
                look.lut(), regrain, services.regrain(), context::checkCancelled);
        return look.withDisplay(StrengthViews.of(before, preview, context::checkCancelled), regrain, true);
    }

    /** A display copy at the photo's own size is the export itself: its quick preview is exact. */
    private static boolean isExact(PreparedPhoto photo) {
        return photo.before().width() == photo.width() && photo.before().height() == photo.height();
    }

    /**
     * The LUT {@code settings} give {@code photo} (the model's, made by {@code transfer}, or that
     * reference's): the same as {@link #predictLook} or {@link #matchLook} would make, without a
     * display copy or the slider's frames. For exporting photos that are never shown.
     */
    public ColorLut3D lut(Photo photo, PhotoSettings settings, LookTransfer transfer, TaskContext context) throws Exception {
        int[] modelCopy = modelCopy(photo);
        context.checkCancelled();
        Target made = settings.kind() == TargetKind.MODEL ? predicted(modelCopy, transfer, context)
                : matched(histogramOf(modelCopy), settings.reference(), context);
        return made.lut();
    }

    /** A target histogram and the LUT that moves the photo's colours onto it. */
    private record Target(Histogram3D histogram, ColorLut3D lut) {
    }

    /**
     * The model's look for the photo whose model-sized copy is {@code modelCopy}: its input is that
     * copy's histogram at the bins of the model's card, as the command line's {@code enhance} makes
     * it (the histogram panel and a reference match keep {@link Histogram3D#DEFAULT_BINS}).
     */
    private Target predicted(int[] modelCopy, LookTransfer transfer, TaskContext context) throws Exception {
        context.progress(-1, "Loading the model…");
        HistogramPredictor predictor = services.predictors().predictor();
        context.checkCancelled();
        context.progress(0.4, "Finding the look for this photo…");
        AutoEnhancer.Result result = new AutoEnhancer(predictor, transfer.create(services.pdfTransfer().lutSize()))
                .enhanceCopy(modelCopy);
        context.checkCancelled();
        return new Target(result.target(), result.lut());
    }

    private Target matched(Histogram3D source, Path reference, TaskContext context) throws Exception {
        String name = String.valueOf(reference.getFileName());
        context.progress(-1, "Opening " + name + "…");
        Photo loaded = services.loader().load(reference);
        context.checkCancelled();
        context.progress(0.5, "Matching the look of " + name + "…");
        Histogram3D target = app.retone.predict.ReferenceLook.histogram(loaded);
        return new Target(target, services.pdfTransfer().transfer(source, target));
    }

    /** The copy the model and the histogram panel see (the model's input size). */
    private static int[] modelCopy(Photo photo) {
        return AutoEnhancer.modelCopy(photo.argb(), photo.width(), photo.height());
    }

    /** The histogram the panel shows and a reference is matched with: {@link Histogram3D#DEFAULT_BINS}, whatever the model's. */
    private static Histogram3D histogramOf(int[] modelCopy) {
        return Histogram3D.of(modelCopy, Histogram3D.DEFAULT_BINS);
    }

    /**
     * A look from its target and LUT, with the slider's fast paths for the display copy (regrained at
     * its own scale when {@code regrain}, as the export is at full size) and the model-sized copy.
     */
    private Look lookFor(TaskContext context, PreparedPhoto photo, TargetKind kind, String name, Path reference,
                         LookTransfer transfer, Histogram3D target, ColorLut3D lut, boolean regrain) {
        StrengthPreview small = new StrengthPreview(photo.modelCopy(), lut, services.interpolation());
        return new Look(photo, kind, name, reference, transfer, target, lut, displayView(photo, lut, regrain, context), regrain,
                isExact(photo), small);
    }

    /** The display copy under {@code lut} at any strength: the export's recipe at the screen's scale. */
    private StrengthView displayView(PreparedPhoto photo, ColorLut3D lut, boolean regrain, TaskContext context) {
        PreviewFrame before = photo.before();
        StrengthPreview preview = regrain
                ? StrengthPreview.regrained(before.argb(), before.width(), before.height(), lut, services.interpolation(),
                        services.regrain())
                : new StrengthPreview(before.argb(), lut, services.interpolation());
        context.checkCancelled();
        return StrengthViews.of(before, preview, context::checkCancelled);
    }
}
