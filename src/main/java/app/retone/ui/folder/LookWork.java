package app.retone.ui.folder;

import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.editor.PhotoPipeline;
import app.retone.ui.editor.PreparedPhoto;
import app.retone.ui.task.BackgroundTask;

/**
 * The background steps that make a folder photo's look, with the settings and the transfer fixed
 * when the step is asked for (on the UI thread): a photo beside the one on screen is prepared for
 * the screen with its look, any other photo's look is made from a reduced decode only to know that
 * it can be. Holds none of the folder's state; the steps run on a worker.
 */
final class LookWork {

    /**
     * The long side a photo away from the screen is decoded at for its look (every n-th pixel):
     * the model sees a copy of 256 × 256 pixels, so a thousand pixels serve it with room to spare.
     */
    static final int BACKGROUND_LOOK_SIDE = 1024;

    private final PhotoPipeline pipeline;
    private final PhotoLoader loader;

    /** {@code loader} is the app's (one decode at a time), handed in by the composition root. */
    LookWork(PhotoPipeline pipeline, PhotoLoader loader) {
        this.pipeline = pipeline;
        this.loader = loader;
    }

    /** A photo to keep beside the one on screen: what the screen needs of it and its look, not its full-resolution pixels. */
    BackgroundTask.Work<LookQueue.Ready> prepare(FolderPhoto photo, PhotoSettings wanted, LookTransfer transfer) {
        return context -> {
            PreparedPhoto photoReady = pipeline.prepare(photo.path(), context);
            // kept for the screen only: its full resolution is decoded again if it comes on screen
            photoReady.releaseFullResolution();
            context.checkCancelled();
            return new LookQueue.Ready(photo, photoReady, pipeline.look(photoReady, wanted, transfer, context), wanted);
        };
    }

    /** Any other photo: its look made, to know that it opens and its look can be made; the LUT is let go. */
    BackgroundTask.Work<?> look(FolderPhoto photo, PhotoSettings wanted, LookTransfer transfer) {
        return context -> {
            context.progress(-1, "Finding the look of " + photo.name() + "…");
            // from a reduced decode, a few megabytes where all of a 24 MP photo's pixels are about
            // 100; the look it is shown and exported with is made from all of them
            Photo decoded = loader.loadReduced(photo.path(), BACKGROUND_LOOK_SIDE);
            context.checkCancelled();
            return pipeline.lut(decoded, wanted, transfer, context);
        };
    }
}
