package app.retone.ui.editor;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.PhotoDetails;
import app.retone.ui.settings.RecentFiles;
import app.retone.ui.settings.Settings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The photo on screen and its lifetime: opening one in the background, and what follows from the
 * one that is shown. The {@link PreparedPhoto} is the one source of truth; its photo, details,
 * display copy and histogram are views of it. An open shows its photo only if no other photo was
 * asked for since.
 */
public final class PhotoSession {

    private final PhotoPipeline pipeline;
    private final Settings settings;
    private final Activities activities;
    private final Notices notices;
    private final RecentFiles recentFiles;
    private boolean rememberPhotos = true;

    private final ReadOnlyObjectWrapper<PreparedPhoto> shown = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<PhotoDetails> details = part(PreparedPhoto::details);
    private final ObjectBinding<PreviewFrame> before = part(PreparedPhoto::before);
    private final ObjectBinding<Histogram3D> sourceHistogram = part(PreparedPhoto::sourceHistogram);
    private final BooleanBinding hasPhoto = shown.isNotNull();
    private final StringBinding windowTitle = Bindings.createStringBinding(
            () -> details.get() == null ? "Retone" : details.get().fileName() + " — Retone", details);

    /** Photos asked for, counted; the count the one on screen was asked for at. */
    private long generation;
    private long shownGeneration;
    private TaskHandle loading = TaskHandle.NONE;
    private long openStarted;

    PhotoSession(PhotoPipeline pipeline, Settings settings, Activities activities, Notices notices) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.activities = activities;
        this.notices = notices;
        this.recentFiles = new RecentFiles(settings);
    }

    private <T> ObjectBinding<T> part(Function<PreparedPhoto, T> of) {
        return Bindings.createObjectBinding(() -> shown.get() == null ? null : of.apply(shown.get()), shown);
    }

    /**
     * Prepares {@code path} in the background and hands it to {@code show} if it is still the
     * photo asked for last; when it is not shown (it failed, or was cancelled), {@code notShown}
     * runs (the photo on screen gets back what the open stopped).
     */
    void open(Path path, Consumer<PreparedPhoto> show, Runnable notShown) {
        long gen = nextGeneration();
        String name = String.valueOf(path.getFileName());
        settings.put("lastFolder", String.valueOf(path.toAbsolutePath().getParent()));
        Activity activity = new Activity("Opening " + name);
        loading = activities.track(activity, BackgroundTask.<PreparedPhoto>of(activity.title(),
                context -> pipeline.prepare(path, context)).onSuccess(prepared -> {
                    if (gen == generation) {
                        show.accept(prepared);
                    }
                }).onFailure(error -> {
                    if (gen == generation) {
                        notices.notice(Notice.error("Could not open " + name, Notice.reason(error)));
                        notices.status("Could not open " + name);
                    }
                }).onFinished(() -> {
                    // failed or cancelled (onFinished follows both): the photo still on screen gets
                    // back, once, what its opening stopped
                    if (gen == generation && shownGeneration != gen) {
                        notShown.run();
                    }
                }));
    }

    /** Another photo is asked for: the open under way (if any) is of no use now. */
    long nextGeneration() {
        loading.cancel();
        openStarted = System.nanoTime();
        return ++generation;
    }

    /**
     * Whether photos shown are remembered among the recent files: not while a folder is open (the
     * folder is remembered instead, not each of its photos).
     */
    public void rememberPhotos(boolean remember) {
        rememberPhotos = remember;
    }

    /**
     * Puts {@code prepared} on screen (every view of it follows) and remembers it among the recent
     * files. Only the photo on screen holds its full-resolution pixels: the one it replaces lets go
     * of them (an export of it under way keeps what it has; anything else decodes them again).
     */
    void show(PreparedPhoto prepared) {
        shownGeneration = generation;
        PreparedPhoto previous = shown.get();
        prepared.keepFullResolution();
        shown.set(prepared);
        if (previous != null && previous != prepared) {
            previous.releaseFullResolution();
        }
        if (rememberPhotos) {
            recentFiles.add(prepared.path());
        }
        notices.status(prepared.details().fileName() + " — " + prepared.width() + " × " + prepared.height());
    }

    /** The photo on screen, or null. */
    public PreparedPhoto current() {
        return shown.get();
    }

    public ReadOnlyObjectProperty<PreparedPhoto> preparedProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObjectBinding<PhotoDetails> detailsProperty() {
        return details;
    }

    /** The original, display-sized. */
    public ObjectBinding<PreviewFrame> beforeProperty() {
        return before;
    }

    /** The histogram of the model-sized copy: the model's input, and the panel's source. */
    public ObjectBinding<Histogram3D> sourceHistogramProperty() {
        return sourceHistogram;
    }

    public BooleanBinding hasPhotoProperty() {
        return hasPhoto;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }

    /** The folder a photo was last opened from, if it is still there. */
    public Optional<Path> lastFolder() {
        return settings.get("lastFolder").map(Path::of).filter(Files::isDirectory);
    }

    /** The open photo's file, if it came from one. */
    public Optional<Path> photoPath() {
        return current() == null ? Optional.empty() : current().source().file();
    }

    /**
     * The name of the open photo's own colour space when it has one other than sRGB (its pixels
     * were converted from it on load, and export may keep it); empty otherwise.
     */
    public Optional<String> sourceColourSpace() {
        PreparedPhoto open = current();
        return open == null || !open.source().convertedToSrgb() ? Optional.empty()
                : Optional.of(open.details() == null ? "embedded profile" : open.details().colorProfile());
    }

    /** Milliseconds since the photo on screen (or on its way) was asked for: for the timing log. */
    long elapsedMs() {
        return (System.nanoTime() - openStarted) / 1_000_000;
    }
}
