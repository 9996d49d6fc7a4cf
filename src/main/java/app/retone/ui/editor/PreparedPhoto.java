package app.retone.ui.editor;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SourceInfo;
import app.retone.ui.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A photo with everything the editor derives from it once: its details, the display copy the
 * slider repaints ({@code before}), the model-sized copy and its histogram (the model's input,
 * and the histogram panel's source). Made off the UI thread by {@link PhotoPipeline#prepare}, so
 * it may be made ahead of time (a neighbour in a folder) and shown later with {@link
 * EditorViewModel#show}. Two preparations of one file are two photos: the editor tells them
 * apart by identity.
 *
 * <p>What the screen needs is kept for its lifetime and never changes. The full-resolution photo
 * (for the zoomed detail, the exact preview and export) is another matter: at about 100 MB for
 * 24 MP, it is held only while the photo is on screen ({@link PhotoSession} keeps and lets it go);
 * a photo prepared ahead lets go of it at once ({@link #releaseFullResolution}), and it is decoded
 * again in the background when asked for ({@link #fullResolution}).
 */
public final class PreparedPhoto {

    private final Path path;
    private final PhotoDetails details;
    private final PreviewFrame before;
    private final Histogram3D sourceHistogram;
    private final int[] modelCopy;
    private final int width;
    private final int height;
    private final SourceInfo source;
    private final List<String> warnings;
    private final FullResolution full;
    private final PhotoEdits.Stored stored;

    /**
     * {@code photo} decoded from {@code path} by {@code loader} (which decodes it again when it was
     * let go); {@code stored}: what its sidecar said.
     */
    PreparedPhoto(Path path, Photo photo, PhotoDetails details, PreviewFrame before, Histogram3D sourceHistogram,
                  int[] modelCopy, PhotoEdits.Stored stored, PhotoLoader loader) {
        this.path = Objects.requireNonNull(path);
        this.details = details;
        this.before = Objects.requireNonNull(before);
        this.sourceHistogram = Objects.requireNonNull(sourceHistogram);
        this.modelCopy = Objects.requireNonNull(modelCopy);
        this.width = photo.width();
        this.height = photo.height();
        this.source = photo.source();
        this.warnings = photo.warnings();
        this.full = new FullResolution(path, photo, loader::load);
        this.stored = Objects.requireNonNull(stored);
    }

    /** The file it was read from. */
    public Path path() {
        return path;
    }

    /** What its sidecar said when it was read. */
    public PhotoEdits.Stored stored() {
        return stored;
    }

    public PhotoDetails details() {
        return details;
    }

    /** The display copy, at most the preview's bounds. */
    public PreviewFrame before() {
        return before;
    }

    public Histogram3D sourceHistogram() {
        return sourceHistogram;
    }

    /** The copy the model and the histogram panel see. */
    public int[] modelCopy() {
        return modelCopy;
    }

    /** The photo's full-resolution width, upright. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** What was learnt about the file besides pixels (its colour profile, metadata), for export. */
    public SourceInfo source() {
        return source;
    }

    /** Problems that did not stop the load, in a user's words. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The full-resolution photo, decoded again if it was let go (once, for every asker; its
     * progress reported through {@code context}). Blocks: background work only. Throws what the
     * loader throws (the file may have gone or changed since), or a cancellation.
     */
    public Photo fullResolution(TaskContext context) throws Exception {
        return full.get(context);
    }

    /**
     * Lets go of the full-resolution photo until the photo is shown again: what the screen needs is
     * kept, the rest is decoded again when asked for. For a photo prepared ahead, and a photo left.
     */
    public void releaseFullResolution() {
        full.release();
    }

    /** Whether the full-resolution photo is held now (asking for it needs no decode). */
    public boolean holdsFullResolution() {
        return full.isHeld();
    }

    /** The photo is on screen: its full-resolution photo is held once decoded. */
    void keepFullResolution() {
        full.keep();
    }

    @Override
    public String toString() {
        return "PreparedPhoto[" + path.getFileName() + ", " + width + " x " + height + "]";
    }
}
