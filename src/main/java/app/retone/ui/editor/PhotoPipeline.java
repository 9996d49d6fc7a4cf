package app.retone.ui.editor;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.Resample;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.HistogramPredictor;
import app.retone.predict.LookTransfer;
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
        context.progress(-1, "Decoding " + name + "…");
        Photo loaded = services.loader().load(path);
        context.checkCancelled();
        context.progress(0.6, "Preparing the preview…");
        int[] size = services.preview().fit(loaded.width(), loaded.height());
        int[] display = size[0] == loaded.width() && size[1] == loaded.height()
                ? loaded.argb()
                : Resample.crop(loaded.argb(), loaded.width(), loaded.height(), 0, 0, loaded.width(), loaded.height(),
                        size[0], size[1]);
        context.checkCancelled();
        context.progress(0.8, "Reading metadata…");
        PhotoDetails photoDetails = PhotoDetailsReader.read(loaded);
        int[] modelCopy = AutoEnhancer.modelCopy(loaded.argb(), loaded.width(), loaded.height());
        Histogram3D source = Histogram3D.of(modelCopy, Histogram3D.DEFAULT_BINS);
        return new PreparedPhoto(path, loaded, photoDetails,
                new PreviewFrame(size[0], size[1], display, !loaded.hasAlpha()), source, modelCopy);
    }

    /**
     * The model's look for {@code photo}: the predicted target histogram and the LUT
     * {@code transfer} makes for it, with the slider's fast paths rendered. Throws a
     * {@link app.retone.predict.PredictionException} when the model is missing or fails.
     */
    public Look predictLook(PreparedPhoto photo, LookTransfer transfer, TaskContext context) throws Exception {
        context.progress(-1, "Loading the model…");
        HistogramPredictor predictor = services.predictors().predictor();
        context.checkCancelled();
        context.progress(0.4, "Predicting the target histogram and the transfer…");
        AutoEnhancer.Result result = new AutoEnhancer(predictor, transfer.create(services.pdfTransfer().lutSize()))
                .enhance(photo.sourceHistogram());
        context.checkCancelled();
        return lookFor(context, photo, TargetKind.MODEL, "the model", null, transfer, result.target(), result.lut());
    }

    /** The look of the photo at {@code reference} for {@code photo}, by the full 3D (Pitié) transfer. */
    public Look matchLook(PreparedPhoto photo, Path reference, TaskContext context) throws Exception {
        String name = String.valueOf(reference.getFileName());
        context.progress(-1, "Opening " + name + "…");
        Photo loaded = services.loader().load(reference);
        context.checkCancelled();
        context.progress(0.5, "Matching the look of " + name + "…");
        Histogram3D target = app.retone.predict.ReferenceLook.histogram(loaded);
        return lookFor(context, photo, TargetKind.REFERENCE, name, reference, null, target,
                services.pdfTransfer().transfer(photo.sourceHistogram(), target));
    }

    /** A look from its target and LUT, with the slider's fast paths for the display and model-sized copies. */
    private Look lookFor(TaskContext context, PreparedPhoto photo, TargetKind kind, String name, Path reference,
                         LookTransfer transfer, Histogram3D target, ColorLut3D lut) {
        StrengthPreview preview = new StrengthPreview(photo.before().argb(), lut, services.interpolation());
        StrengthPreview small = new StrengthPreview(photo.modelCopy(), lut, services.interpolation());
        return new Look(photo, kind, name, reference, transfer, target, lut,
                StrengthView.of(photo.before(), preview, context::checkCancelled), small);
    }
}
