package app.retone.ui.folder;

import app.retone.ui.editor.Activity;
import app.retone.ui.editor.Notice;
import app.retone.core.image.PhotoFolder;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.ThumbnailSource;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Look;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.editor.PreparedPhoto;
import app.retone.core.render.TargetKind;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskContext;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A folder of photos open in the editor: the filmstrip's photos in name or date order, which one
 * is on screen, the settings clipboard, the photos' sidecars read when the folder opens (each
 * photo's settings are kept by the editor's {@link app.retone.ui.editor.PhotoEdits}), and the
 * background work that makes every photo's look ({@link LookQueue}) and thumbnail
 * ({@link Thumbnails}). Moving to a photo that the queue prepared shows it with its look at once;
 * any other is opened by the editor as usual. Nothing here holds more than the thumbnails kept
 * and the two photos beside the one on screen, prepared: what the screen needs of them, never
 * their full-resolution pixels (decoded again if they come on screen). All methods belong to
 * the UI thread.
 */
public final class FolderViewModel implements AutoCloseable, LookQueue.Folder {

    /** Thumbnails kept at most: a filmstrip shows a few dozen. */
    static final int THUMBNAILS_KEPT = 240;

    private final EditorViewModel editor;
    private final TaskExecutor executor;
    private final ThumbnailSource thumbnailSource;
    private final LookWork looks;
    private final ObservableList<FolderPhoto> photos = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final FolderOrder order;
    private final FolderSettings settings;
    /** The photos beside the one on screen, made ready by the queue. */
    private final Map<FolderPhoto, LookQueue.Ready> prepared = new HashMap<>();
    private final BooleanBinding open = Bindings.isNotEmpty(photos);
    private FolderWork work;
    private FolderWork briefWork;
    private LookQueue queue;
    private Thumbnails thumbnails;
    private TaskHandle listing = TaskHandle.NONE;

    /**
     * {@code thumbnailSource} gives the filmstrip's thumbnails (through the shared cache, in the
     * app); {@code loader} decodes the photos away from the screen for their looks (the editor's
     * own, decoding one photo at a time).
     */
    public FolderViewModel(EditorViewModel editor, TaskExecutor executor, ThumbnailSource thumbnailSource, PhotoLoader loader) {
        this.editor = editor;
        this.executor = executor;
        this.thumbnailSource = thumbnailSource;
        this.looks = new LookWork(editor.pipeline(), loader);
        this.settings = new FolderSettings(editor, executor, this::currentPhoto, this::isOnScreen, photo -> {
            prepared.remove(photo);
            if (queue != null) {
                queue.wake();
            }
        });
        this.order = new FolderOrder(photos, editor.activities(), this::currentPhoto, this::sorted);
        // the photo on screen got its look from the editor: its thumbnail is marked too
        editor.look().lookProperty().addListener((obs, old, look) -> markShownLook(look));
        // the stars of the photo on screen show in the strip as they change
        editor.ratingProperty().addListener((obs, old, now) -> {
            FolderPhoto shown = currentPhoto();
            if (shown != null && isOnScreen(shown)) {
                shown.rated(now.intValue());
            }
        });
    }

    // ---- opening and closing ---------------------------------------------------------------

    /** Opens every photo directly inside {@code path}, reading their dates in the background; the first is shown. */
    public void openFolder(Path path) {
        listing.cancel();
        String title = "Opening the folder " + path.getFileName();
        listing = editor.activities().track(new Activity(title),
                BackgroundTask.<List<FolderPhoto>>of(title, context -> list(PhotoFolder.list(path), context))
                        .onSuccess(list -> show(path, list))
                        .onFailure(error -> editor.notices().notice(Notice.error("Could not open the folder "
                                + path.getFileName(), Notice.reason(error)))));
    }

    /** Opens the photos chosen together (several files in the open dialog, or dropped) as a folder of their own. */
    public void openPhotos(List<Path> paths) {
        listing.cancel();
        List<Path> chosen = List.copyOf(paths);
        Path parent = chosen.get(0).toAbsolutePath().getParent();
        String title = "Opening " + chosen.size() + " photos";
        listing = editor.activities().track(new Activity(title),
                BackgroundTask.<List<FolderPhoto>>of(title, context -> list(chosen, context))
                        .onSuccess(list -> show(parent, list))
                        .onFailure(error -> editor.notices().notice(Notice.error("Could not open the photos",
                                Notice.reason(error)))));
    }

    private static List<FolderPhoto> list(List<Path> files, TaskContext context) {
        List<FolderPhoto> list = new ArrayList<>(files.size());
        for (Path file : files) {
            context.checkCancelled();
            list.add(new FolderPhoto(file, null));
        }
        return list;
    }

    private void show(Path path, List<FolderPhoto> list) {
        closeWork();
        folder.set(path);
        photos.setAll(list);
        order.newPhotos();
        settings.readSidecars(List.copyOf(list));
        work = new FolderWork(executor);
        briefWork = FolderWork.brief(executor);
        queue = new LookQueue(this, work::wake);
        thumbnails = new Thumbnails(thumbnailSource, THUMBNAILS_KEPT, this::failed, work::wake, briefWork::wake);
        briefWork.add(thumbnails::cachedTask); // those in the shared cache: milliseconds, never behind a look
        work.add(thumbnails::nextTask); // the thumbnails in view first: they are what the user looks at
        work.add(queue::nextTask);
        index.set(-1);
        editor.session().recentFiles().add(path);
        editor.session().rememberPhotos(false);
        moveTo(0);
    }

    /** Closes the folder: its background work stops, its thumbnails and prepared photos are let go. */
    @Override
    public void close() {
        listing.cancel();
        closeWork();
        photos.clear();
        folder.set(null);
        index.set(-1);
        editor.session().rememberPhotos(true);
    }

    private void closeWork() {
        order.cancel();
        settings.close();
        if (queue != null) {
            work.close();
            briefWork.close();
            queue.close();
            thumbnails.close();
        }
        prepared.clear();
    }

    // ---- moving ----------------------------------------------------------------------------

    public void next() {
        moveTo(index.get() + 1);
    }

    public void previous() {
        moveTo(index.get() - 1);
    }

    /** Shows the photo at {@code i} (ignored past either end): at once when it was prepared, else opened. */
    public void moveTo(int i) {
        if (i < 0 || i >= photos.size() || i == index.get()) {
            return;
        }
        FolderPhoto leaving = currentPhoto();
        LookQueue.Ready left = null;
        if (leaving != null && isOnScreen(leaving)) {
            left = asShown(leaving, editor.photoSettings()); // its settings are kept by the editor's edits
        }
        FolderPhoto arriving = photos.get(i);
        PhotoSettings wanted = settingsOf(arriving);
        index.set(i);
        LookQueue.Ready ready = prepared.remove(arriving);
        if (arriving.state() == FolderPhoto.State.FAILED) {
            // known not to open: said in passing, not a dialog at every arrow key; the last photo stays
            editor.notices().notice(Notice.warning(arriving.name() + " cannot be opened", arriving.failureProperty().get()));
        } else if (ready != null && fits(ready, wanted)) {
            editor.show(ready.prepared(), wanted, ready.look());
        } else {
            editor.open(arriving.path(), wanted);
        }
        if (left != null && isBeside(leaving)) {
            prepared.put(leaving, left); // ← goes back to it at once, and the queue need not make it again
        }
        prepared.keySet().removeIf(p -> !isBeside(p));
        queue.wake();
    }

    /**
     * The photo on screen as it is, to keep as a prepared neighbour once the user moves on: its
     * prepared photo and the look it shows (the editor lets go of its full resolution when the
     * next is shown); null while its look is not on screen.
     */
    private LookQueue.Ready asShown(FolderPhoto photo, PhotoSettings with) {
        PreparedPhoto shown = editor.session().current();
        Look look = editor.look().lookProperty().get();
        return look != null && look.photo() == shown ? new LookQueue.Ready(photo, shown, look, with) : null;
    }

    // ---- settings --------------------------------------------------------------------------

    /** Copies the settings of the photo on screen. */
    public void copySettings() {
        settings.copy();
    }

    /** Gives {@code targets} the copied settings (the photo on screen among them takes them at once). */
    public void pasteSettings(List<FolderPhoto> targets) {
        settings.paste(targets);
    }

    /** Gives every photo of the folder the settings of the photo on screen. */
    public void sameSettingsForAll() {
        settings.sameForAll(List.copyOf(photos));
    }

    /** The settings of {@code photo}: the editor's for the photo on screen, else those kept (its sidecar's), else the default. */
    public PhotoSettings settingsOf(FolderPhoto photo) {
        return settings.of(photo);
    }

    /** Gives {@code targets} (the photo on screen, or the photos selected in the strip) {@code stars}. */
    public void rate(List<FolderPhoto> targets, int stars) {
        settings.rate(targets, stars);
    }

    /** Whether the editor shows {@code photo} now (not still the photo before it, while it opens). */
    private boolean isOnScreen(FolderPhoto photo) {
        var shown = editor.session().current();
        return shown != null && shown.path().equals(photo.path());
    }

    private boolean fits(LookQueue.Ready ready, PhotoSettings wanted) {
        return ready.settings().sameLookAs(wanted) && (wanted.kind() == TargetKind.REFERENCE
                || ready.look().transfer() == editor.look().lookTransferProperty().get());
    }

    // ---- the queue's view of the folder ----------------------------------------------------

    @Override
    public List<FolderPhoto> photos() {
        return photos;
    }

    @Override
    public int current() {
        return index.get();
    }

    @Override
    public boolean isPrepared(FolderPhoto photo) {
        LookQueue.Ready ready = prepared.get(photo);
        return ready != null && fits(ready, settingsOf(photo));
    }

    @Override
    public BackgroundTask.Work<LookQueue.Ready> prepareWork(FolderPhoto photo) {
        return looks.prepare(photo, settingsOf(photo), editor.look().lookTransferProperty().get());
    }

    @Override
    public BackgroundTask.Work<?> lookWork(FolderPhoto photo) {
        return looks.look(photo, settingsOf(photo), editor.look().lookTransferProperty().get());
    }

    @Override
    public void prepared(LookQueue.Ready ready) {
        ready.photo().lookReady();
        if (isBeside(ready.photo())) {
            prepared.put(ready.photo(), ready);
        }
    }

    @Override
    public void lookMade(FolderPhoto photo) {
        photo.lookReady();
    }

    @Override
    public void failed(FolderPhoto photo, String reason) {
        photo.failed(reason);
        prepared.remove(photo);
    }

    private boolean isBeside(FolderPhoto photo) {
        int i = photos.indexOf(photo);
        return i >= 0 && Math.abs(i - index.get()) == 1;
    }

    private void markShownLook(Look look) {
        FolderPhoto shown = currentPhoto();
        if (look != null && shown != null && look.photo().path().equals(shown.path())) {
            shown.lookReady();
        }
    }

    /** The photos were sorted: the photo on screen stays, at its new place. */
    private void sorted(FolderPhoto shown) {
        if (shown != null) {
            index.set(photos.indexOf(shown));
            prepared.keySet().removeIf(p -> !isBeside(p));
            if (queue != null) {
                queue.wake();
            }
        }
    }

    // ---- state -----------------------------------------------------------------------------

    public ObservableList<FolderPhoto> photoList() {
        return photos;
    }

    /** The photo on screen, or null. */
    public FolderPhoto currentPhoto() {
        int i = index.get();
        return i >= 0 && i < photos.size() ? photos.get(i) : null;
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The open folder (for photos chosen together, their first one's folder), or null. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ObjectProperty<PhotoOrder> orderProperty() {
        return order.property();
    }

    /** The settings copied last, or null. */
    public ReadOnlyObjectProperty<PhotoSettings> clipboardProperty() {
        return settings.clipboardProperty();
    }

    public BooleanBinding openProperty() {
        return open;
    }

    /** The filmstrip's cells ask for their photo's thumbnail as they show it. */
    public void wantThumbnail(FolderPhoto photo) {
        if (thumbnails != null) {
            thumbnails.want(photo);
        }
    }

    /** Holds back the looks while a batch export uses the cores; they go on afterwards. */
    void pauseLooks(boolean pause) {
        if (queue != null) {
            if (pause) {
                queue.pause();
            } else {
                queue.resume();
            }
        }
    }

}
