package app.retone.ui.folder;

import app.retone.core.image.Thumbnail;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One photo of an open folder as the filmstrip shows it: its file, where its automatic look
 * stands, why it failed if it did, its stars, and its thumbnail while one is kept (the {@link Thumbnails}
 * cache drops those out of sight). Belongs to the UI thread.
 */
public final class FolderPhoto {

    /** Where a photo's automatic look stands. */
    public enum State {
        /** Not computed yet. */
        WAITING,
        /** Computed: the filmstrip marks it. */
        LOOK_READY,
        /** The photo cannot be opened (or its look cannot be made); {@link #failureProperty()} says why. */
        FAILED
    }

    private final Path path;
    private LocalDateTime dateTaken;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Thumbnail> thumbnail = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper rating = new javafx.beans.property.ReadOnlyIntegerWrapper(0);

    public FolderPhoto(Path path, LocalDateTime dateTaken) {
        this.path = path;
        this.dateTaken = dateTaken;
    }

    public Path path() {
        return path;
    }

    public String name() {
        return String.valueOf(path.getFileName());
    }

    /** When it was taken, once read (the folder reads the dates when it is ordered by them). */
    public Optional<LocalDateTime> dateTaken() {
        return Optional.ofNullable(dateTaken);
    }

    void dateTaken(LocalDateTime taken) {
        dateTaken = taken;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** The one line that says why the photo failed; null unless {@link State#FAILED}. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Thumbnail> thumbnailProperty() {
        return thumbnail.getReadOnlyProperty();
    }

    /** Its stars, 0 (unrated) to 5, as its settings have them. */
    public javafx.beans.property.ReadOnlyIntegerProperty ratingProperty() {
        return rating.getReadOnlyProperty();
    }

    void rated(int stars) {
        rating.set(stars);
    }

    void lookReady() {
        if (state.get() != State.FAILED) {
            state.set(State.LOOK_READY);
        }
    }

    /** Its look is to be made again (its settings now ask for another). */
    void lookWaiting() {
        if (state.get() == State.LOOK_READY) {
            state.set(State.WAITING);
        }
    }

    void failed(String reason) {
        failure.set(reason);
        state.set(State.FAILED);
    }

    void showThumbnail(Thumbnail shown) {
        thumbnail.set(shown);
    }

    @Override
    public String toString() {
        return name();
    }
}
