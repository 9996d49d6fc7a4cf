package app.retone.predict;

import app.retone.core.render.LookTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.PdfTransfer;
import app.retone.core.image.Photo;

/**
 * Matching a reference photo's look: the one recipe of the app's Match Reference and the command
 * line's {@code transfer} and {@code lut}.
 *
 * <ol>
 *   <li>Each photo's colours, the open one's and the reference's, are the histogram of its
 *       model-sized copy ({@link #histogram}: {@link AutoEnhancer#modelInput} at
 *       {@link Histogram3D#DEFAULT_BINS}), the histogram the app shows and the model sees. Both
 *       photos are compared at the same pixel count, whatever their resolutions.</li>
 *   <li>The LUT is Pitié's full 3D transfer ({@link #transfer}, {@link LookTransfer#PITIE}) from the
 *       photo's histogram to the reference's.</li>
 * </ol>
 *
 * <p>Strength, regrain and export are then the same as for the automatic look.
 */
public final class ReferenceLook {

    private ReferenceLook() {
    }

    /** The colours of a photo (either side of a match) as the recipe compares them. */
    public static Histogram3D histogram(Photo photo) {
        return AutoEnhancer.modelInput(photo.argb(), photo.width(), photo.height(), Histogram3D.DEFAULT_BINS);
    }

    /** The transfer from a photo's {@link #histogram} to the reference's, as a LUT of {@code lutSize}³ nodes. */
    public static PdfTransfer transfer(int lutSize) {
        return LookTransfer.PITIE.create(lutSize);
    }
}
