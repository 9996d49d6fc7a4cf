package app.retone.ui.editor;

import app.retone.core.image.Thumbnail;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A photo the reference picker offers: one used as a reference before, or one of the open folder's.
 * Its preview arrives from the background when the picker first shows it; a photo that cannot be
 * read says why instead.
 */
public final class ReferenceCandidate {

    /** Where a candidate comes from, as the picker's caption says it. */
    public enum Origin {
        USED_BEFORE("used before"),
        IN_FOLDER("in this folder");

        private final String words;

        Origin(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private final Path file;
    private final Origin origin;
    private final ReadOnlyObjectWrapper<Thumbnail> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private boolean wanted;

    ReferenceCandidate(Path file, Origin origin) {
        this.file = file;
        this.origin = origin;
    }

    public Path file() {
        return file;
    }

    public String name() {
        return file.getFileName().toString();
    }

    public Origin origin() {
        return origin;
    }

    /** The photo's thumbnail once read; null until then. */
    public ReadOnlyObjectProperty<Thumbnail> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why no preview can be shown, in the user's words; null while none failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Marks the preview as asked for; false when it was asked for already. */
    boolean want() {
        if (wanted) {
            return false;
        }
        wanted = true;
        return true;
    }

    void showPreview(Thumbnail thumbnail) {
        preview.set(thumbnail);
    }

    void fail(String reason) {
        failure.set(reason);
    }
}
