package app.retone.ui.editor;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A decoded photo with everything the editor derives from it once: its details, the display
 * copy the slider repaints ({@code before}), the model-sized copy and its histogram (the model's
 * input, and the histogram panel's source). Made off the UI thread by
 * {@link PhotoPipeline#prepare}; immutable, so it may be made ahead of time (a neighbour in a
 * folder) and shown later with {@link EditorViewModel#show}. Two preparations of one file are
 * two photos: the editor tells them apart by identity.
 *
 * @param path   the file it was read from
 * @param stored what its sidecar said, read with it
 */
public record PreparedPhoto(Path path, Photo photo, PhotoDetails details, PreviewFrame before,
                            Histogram3D sourceHistogram, int[] modelCopy, PhotoEdits.Stored stored) {

    public PreparedPhoto {
        Objects.requireNonNull(path);
        Objects.requireNonNull(stored);
        Objects.requireNonNull(photo);
        Objects.requireNonNull(before);
        Objects.requireNonNull(sourceHistogram);
        Objects.requireNonNull(modelCopy);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "PreparedPhoto[" + path.getFileName() + ", " + photo.width() + " x " + photo.height() + "]";
    }
}
