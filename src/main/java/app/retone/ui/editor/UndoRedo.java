package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Edit ▸ Undo and Redo of the photo on screen: each step is one of its settings as {@link
 * PhotoEdits} keeps them, applied as a whole; whether there is a step back or forward, for the menu.
 */
final class UndoRedo {

    private final PhotoSession session;
    private final PhotoEdits edits;
    private final Consumer<PhotoSettings> applyAsAWhole;
    private final BooleanProperty undoable = new SimpleBooleanProperty(false);
    private final BooleanProperty redoable = new SimpleBooleanProperty(false);

    UndoRedo(PhotoSession session, PhotoEdits edits, Consumer<PhotoSettings> applyAsAWhole) {
        this.session = session;
        this.edits = edits;
        this.applyAsAWhole = applyAsAWhole;
    }

    /** Back to the photo's settings before its last change. */
    void undo() {
        PreparedPhoto current = session.current();
        if (current != null) {
            edits.undo(current.path()).ifPresent(applyAsAWhole);
            refresh();
        }
    }

    /** Forward again to the settings undone last. */
    void redo() {
        PreparedPhoto current = session.current();
        if (current != null) {
            edits.redo(current.path()).ifPresent(applyAsAWhole);
            refresh();
        }
    }

    /** The photo on screen or its history changed: the menu's state follows. */
    void refresh() {
        PreparedPhoto current = session.current();
        undoable.set(current != null && edits.canUndo(current.path()));
        redoable.set(current != null && edits.canRedo(current.path()));
    }

    ObservableBooleanValue undoable() {
        return undoable;
    }

    ObservableBooleanValue redoable() {
        return redoable;
    }
}
