package app.retone.ui.editor;

import app.retone.core.render.LookTransfer;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.ExportJob;
import app.retone.predict.ReferenceLook;

/**
 * The engine pieces the editor uses, so tests can hand in their own (a missing model, a failing
 * disk). {@code preview} bounds the display-sized copy the slider repaints.
 */
public record EditorServices(
        PhotoLoader loader,
        PredictorSource predictors,
        PdfTransfer pdfTransfer,
        Regrain regrain,
        Interpolation interpolation,
        PhotoExporter exporter,
        PreviewBounds preview) {

    /** The engine's rendering path (LUT at a strength, regrain), the same the command line uses. */
    public ColorTransfer colorTransfer() {
        return new ColorTransfer(pdfTransfer, regrain, interpolation);
    }

    /** The per-photo recipe of a batch (decode, look, render, write) with these services' loader, engine and exporter. */
    public ExportJob exportJob() {
        return new ExportJob(loader::load, colorTransfer(), exporter);
    }

    /**
     * The app's services around {@code loader}, which decodes one photo at a time here
     * ({@link PhotoLoader#oneDecodeAtATime}): a folder's background work never holds several full
     * decodes at once.
     */
    public static EditorServices standard(PhotoLoader loader, PredictorSource predictors, PreviewBounds preview) {
        // the reference's transfer; the model's look makes its own from LookTransfer at this LUT size
        return new EditorServices(loader.oneDecodeAtATime(), predictors, ReferenceLook.transfer(ColorLut3D.DEFAULT_SIZE), new Regrain(),
                Interpolation.TETRAHEDRAL, new PhotoExporter(), preview);
    }
}
