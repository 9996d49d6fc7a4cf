package app.retone.ui.folder;

import app.retone.core.render.PhotoSettings;
import app.retone.core.sidecar.SidecarException;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.PhotoEdits;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The settings of a folder's photos: each photo's own (the editor's for the photo on screen, else
 * what {@link PhotoEdits} keeps, read from the sidecars when the folder opens), the settings
 * clipboard, pasting and "the same for all", and stars given from the filmstrip. All on the UI thread.
 */
final class FolderSettings {

    private final EditorViewModel editor;
    private final TaskExecutor executor;
    private final Supplier<FolderPhoto> current;
    private final Predicate<FolderPhoto> onScreen;
    private final Consumer<FolderPhoto> lookChanged;
    private final ReadOnlyObjectWrapper<PhotoSettings> clipboard = new ReadOnlyObjectWrapper<>();
    private TaskHandle sidecars = TaskHandle.NONE;

    /**
     * @param current     the folder's photo on screen (or being opened)
     * @param onScreen    whether the editor shows a photo now
     * @param lookChanged told when a photo not on screen was given another look
     */
    FolderSettings(EditorViewModel editor, TaskExecutor executor, Supplier<FolderPhoto> current,
                   Predicate<FolderPhoto> onScreen, Consumer<FolderPhoto> lookChanged) {
        this.editor = editor;
        this.executor = executor;
        this.current = current;
        this.onScreen = onScreen;
        this.lookChanged = lookChanged;
    }

    private boolean isShown(FolderPhoto photo) {
        return photo != null && photo == current.get() && onScreen.test(photo);
    }

    /** The settings of {@code photo}: the editor's for the photo on screen, else those kept (its sidecar's), else the default. */
    PhotoSettings of(FolderPhoto photo) {
        return isShown(photo) ? editor.photoSettings() : editor.edits().settingsOf(photo.path());
    }

    /** Copies the settings of the photo on screen. */
    void copy() {
        if (isShown(current.get())) {
            clipboard.set(editor.photoSettings());
        }
    }

    /** Gives {@code targets} the copied settings (the photo on screen among them takes them at once). */
    void paste(List<FolderPhoto> targets) {
        PhotoSettings copied = clipboard.get();
        if (copied != null) {
            give(targets, copied);
        }
    }

    /** Gives {@code all} the settings of the photo on screen. */
    void sameForAll(List<FolderPhoto> all) {
        if (isShown(current.get())) {
            give(all, editor.photoSettings());
        }
    }

    /** Gives each photo {@code given}'s look, strength, regrain and adjustments; each keeps its own stars. */
    private void give(List<FolderPhoto> targets, PhotoSettings given) {
        for (FolderPhoto photo : targets) {
            PhotoSettings before = of(photo);
            PhotoSettings pasted = before.pastedFrom(given);
            if (isShown(photo)) {
                editor.apply(pasted);
                continue;
            }
            editor.edits().changed(photo.path(), pasted);
            if (!before.sameLookAs(given)) {
                photo.lookWaiting(); // its look is another one now
                lookChanged.accept(photo);
            }
        }
    }

    /** Gives {@code targets} (the photo on screen, or the photos selected in the strip) {@code stars}. */
    void rate(List<FolderPhoto> targets, int stars) {
        for (FolderPhoto photo : targets) {
            if (isShown(photo)) {
                editor.rate(stars);
            } else {
                editor.edits().changed(photo.path(), of(photo).withRating(stars));
                photo.rated(stars);
            }
        }
    }

    /** Reads every photo's sidecar in the background, so the strip shows their stars and each photo its own edits. */
    void readSidecars(List<FolderPhoto> list) {
        sidecars.cancel();
        String title = "Reading the edits of " + list.size() + " photos";
        sidecars = executor.submit(BackgroundTask.<List<PhotoEdits.Stored>>of(title, context -> {
            List<PhotoEdits.Stored> read = new ArrayList<>(list.size());
            for (FolderPhoto photo : list) {
                context.checkCancelled();
                read.add(PhotoEdits.read(photo.path()));
            }
            return read;
        }).onSuccess(read -> {
            List<SidecarException> unread = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                SidecarException problem = editor.edits().stored(list.get(i).path(), read.get(i));
                if (problem != null) {
                    unread.add(problem);
                }
                list.get(i).rated(of(list.get(i)).rating());
            }
            editor.edits().sayUnread(unread);
        }));
    }

    /** The folder closes: its sidecars are no longer read. */
    void close() {
        sidecars.cancel();
    }

    ReadOnlyObjectProperty<PhotoSettings> clipboardProperty() {
        return clipboard.getReadOnlyProperty();
    }
}
