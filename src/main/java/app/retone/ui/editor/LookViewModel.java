package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import app.retone.core.color.Histogram3D;
import app.retone.core.render.LookTransfer;
import app.retone.ui.settings.Settings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskHandle;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The look applied to the photo on screen: the model's prediction or a reference photo's, made in
 * the background by {@link PhotoPipeline}. The applied {@link Look} is the one source of truth for
 * what is on screen ({@link #hasLookProperty}, the target histogram follow it); each photo keeps
 * its model's and its reference's look, so switching back needs no new work. A look made for
 * another photo, or with a transfer no longer chosen, never shows.
 */
public final class LookViewModel {

    private static final Logger TIMING = LoggerFactory.getLogger("app.retone.timing");
    /** The settings key of the automatic look's transfer, by {@link LookTransfer#id()}. */
    static final String TRANSFER_KEY = "lookTransfer";

    private final PhotoPipeline pipeline;
    private final Settings settings;
    private final Activities activities;
    private final Notices notices;
    private final PhotoSession session;
    private final Consumer<Look> applied;
    /** Whether the user wants regrain: the looks' display copies are regrained as the export will be. */
    private final java.util.function.BooleanSupplier regrain;

    private final ReadOnlyObjectWrapper<Look> look = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TargetKind> targetKind = new ReadOnlyObjectWrapper<>(TargetKind.MODEL);
    private final ReadOnlyObjectWrapper<LookTransfer> lookTransfer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> referencePath = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final BooleanBinding hasLook = look.isNotNull();
    private final ObjectBinding<Histogram3D> targetHistogram =
            Bindings.createObjectBinding(() -> look.get() == null ? null : look.get().target(), look);

    /** The photo's looks made so far: the model's and the reference's. */
    private Look modelLook;
    private Look referenceLook;
    private TaskHandle lookWork = TaskHandle.NONE;
    private TaskHandle previewWork = TaskHandle.NONE;
    /** What makes the open photo's look again if another photo's open stopped it and then failed; null when none is due. */
    private Runnable lookRestart;
    /** Whether that look work is the model's prediction (else a reference's matching). */
    private boolean lookWorkPredicts;

    LookViewModel(PhotoPipeline pipeline, Settings settings, Activities activities, Notices notices, PhotoSession session,
                  java.util.function.BooleanSupplier regrain, Consumer<Look> applied) {
        this.regrain = regrain;
        this.pipeline = pipeline;
        this.settings = settings;
        this.activities = activities;
        this.notices = notices;
        this.session = session;
        this.applied = applied;
        // a value this version does not know (a later one's, or a typo) gives the default
        lookTransfer.set(settings.get(TRANSFER_KEY).flatMap(LookTransfer::fromId).orElse(LookTransfer.DEFAULT));
    }

    // ---- commands -------------------------------------------------------------------------

    /** Chooses another photo's look as the target instead of the model's prediction. */
    public void matchReference(Path path) {
        PreparedPhoto current = session.current();
        if (current == null) {
            notices.notice(Notice.info("Open a photo first", "A reference photo's look is matched onto the open photo."));
            return;
        }
        lookWork.cancel();
        lookRestart = () -> matchReference(path);
        lookWorkPredicts = false;
        String name = String.valueOf(path.getFileName());
        Activity activity = new Activity("Matching " + name);
        lookWork = activities.track(activity, BackgroundTask.<Look>of(activity.title(),
                context -> pipeline.matchLook(current, path, regrain.getAsBoolean(), context)).onSuccess(made -> {
                    if (current == session.current()) {
                        lookRestart = null;
                        useReferenceLook(made);
                    }
                }).onFailure(error -> {
                    if (current == session.current()) {
                        lookRestart = null;
                        notices.notice(Notice.error("Could not use " + name + " as a reference", Notice.reason(error)));
                    }
                }));
    }

    /** Goes back to the model's prediction (computing it if it is not there yet, or was made with another transfer). */
    public void useModel() {
        PreparedPhoto current = session.current();
        if (current == null) {
            targetKind.set(TargetKind.MODEL);
            return;
        }
        if (modelLook != null && modelLook.transfer() == lookTransfer.get()) {
            apply(modelLook);
        } else {
            predict(current);
        }
    }

    /**
     * Chooses how the automatic look moves the photo's colours onto the prediction, and remembers
     * it. With the automatic look on screen (or on its way), it is made again in the background:
     * the look work under way stops, strength and regrain stay, and a result of the transfer
     * chosen before never shows. With a reference look (on screen or on its way) nothing changes
     * until the automatic look is used again.
     */
    public void useTransfer(LookTransfer transfer) {
        if (transfer == null || transfer == lookTransfer.get()) {
            return;
        }
        lookTransfer.set(transfer);
        settings.put(TRANSFER_KEY, transfer.id());
        // the automatic look is what the user asked for last: the look work under way, or else the look shown
        boolean automatic = lookRestart != null ? lookWorkPredicts : targetKind.get() == TargetKind.MODEL;
        if (session.current() != null && automatic) {
            predict(session.current());
        }
    }

    // ---- the editor's steps ---------------------------------------------------------------

    /**
     * Makes the preview of the look on screen what its export will be, in the background: when
     * regrain was switched, quickly from the display copy first (nothing is predicted again), then
     * from the photo's full-resolution values reduced to the screen's size (the export's own pixels,
     * seconds for a large photo with regrain). Each step shows when it is ready; a look for another
     * photo, or for other settings since, never does.
     */
    void previewFollows() {
        Look shown = look.get();
        boolean wanted = regrain.getAsBoolean();
        if (shown == null || (shown.regrained() == wanted && shown.exact())) {
            return;
        }
        previewWork.cancel();
        PreparedPhoto current = session.current();
        boolean quick = shown.regrained() != wanted;
        String title = quick ? (wanted ? "Adding the photo's grain" : "Showing the look without regrain")
                : "Refining the preview at full resolution";
        Activity activity = new Activity(title);
        previewWork = activities.track(activity, BackgroundTask.<Look>of(activity.title(),
                context -> pipeline.previewed(shown, wanted, !quick, context)).onSuccess(made -> {
                    if (current == session.current() && look.get() == shown && regrain.getAsBoolean() == wanted) {
                        remember(made);
                        apply(made);
                    }
                }).onFailure(error -> notices.notice(Notice.warning("The preview could not be refined", Notice.reason(error)))));
    }

    /** Keeps a look made again (with other regrain) as the photo's model or reference look it replaces. */
    private void remember(Look made) {
        if (made.kind() == TargetKind.MODEL) {
            modelLook = made;
        } else {
            referenceLook = made;
        }
    }

    /**
     * The look a newly shown photo gets: {@code ready} when it was made for that photo and fits
     * {@code chosen} (the model's with the current transfer, or that reference's); else it is made.
     */
    void start(PreparedPhoto photo, TargetKind chosen, Path reference, Look ready) {
        boolean fits = ready != null && ready.photo() == photo && ready.kind() == chosen
                && (chosen == TargetKind.MODEL ? ready.transfer() == lookTransfer.get() : ready.reference().equals(reference));
        if (fits && chosen == TargetKind.MODEL) {
            modelLook = ready;
            apply(ready);
        } else if (fits) {
            useReferenceLook(ready);
        } else if (chosen == TargetKind.REFERENCE) {
            matchReference(reference);
        } else {
            predict(photo);
        }
    }

    /** The reference photo the next photo's look is matched to: the one on screen, if its look is made. */
    Path carriedReference() {
        return targetKind.get() == TargetKind.REFERENCE && referenceLook != null ? referencePath.get() : null;
    }

    /** Another photo comes: this one's looks and the work on them go. */
    void clear() {
        lookWork.cancel(); // the previous photo's look is of no use now
        previewWork.cancel();
        lookRestart = null;
        modelLook = null;
        referenceLook = null;
        look.set(null);
    }

    /** Another photo is being opened: the look work stops, and is made again if that open fails. */
    void pause() {
        lookWork.cancel();
    }

    /** Starts again the look work that opening another photo stopped, if the user did not cancel it. */
    void resume() {
        Runnable restart = lookRestart;
        lookRestart = null;
        if (restart != null) {
            restart.run();
        }
    }

    /** The user stopped all work: a failed open later must not start the look again. */
    void forgetPaused() {
        lookRestart = null;
    }

    private void predict(PreparedPhoto current) {
        lookWork.cancel();
        lookRestart = () -> predict(current);
        lookWorkPredicts = true;
        LookTransfer transfer = lookTransfer.get();
        Activity activity = new Activity("Predicting the look");
        lookWork = activities.track(activity, BackgroundTask.<Look>of(activity.title(),
                context -> pipeline.predictLook(current, transfer, regrain.getAsBoolean(), context)).onSuccess(made -> {
                    if (current == session.current() && transfer == lookTransfer.get()) {
                        lookRestart = null;
                        modelLook = made;
                        apply(made);
                        TIMING.info("prediction on screen {} ms after open", session.elapsedMs());
                    }
                }).onFailure(error -> {
                    if (current == session.current() && transfer == lookTransfer.get()) {
                        lookRestart = null;
                        notices.notice(Notice.error("Automatic correction unavailable", Notice.reason(error)
                                + "\nThe photo stays open; you can still match a reference photo's look (File ▸ Match Reference…)."));
                        notices.status("No prediction: " + Notice.reason(error));
                    }
                }));
    }

    private void useReferenceLook(Look made) {
        referenceLook = made;
        referencePath.set(made.reference());
        apply(made);
    }

    private void apply(Look made) {
        targetKind.set(made.kind());
        description.set(made.description());
        look.set(made);
        applied.accept(made);
        previewFollows(); // a look made quickly, or with the other regrain, becomes the export's preview
    }

    // ---- state ----------------------------------------------------------------------------

    /** The look on screen, made for the photo on screen; null while none is ready. */
    public ReadOnlyObjectProperty<Look> lookProperty() {
        return look.getReadOnlyProperty();
    }

    public BooleanBinding hasLookProperty() {
        return hasLook;
    }

    /** The look's target histogram; null while none is ready. */
    public ObjectBinding<Histogram3D> targetHistogramProperty() {
        return targetHistogram;
    }

    /** Which look the user chose: the kind of the look applied last (or the model, asked for with no photo). */
    public ReadOnlyObjectProperty<TargetKind> targetKindProperty() {
        return targetKind.getReadOnlyProperty();
    }

    /** How the automatic look moves the colours onto the prediction ({@link #useTransfer} chooses it). */
    public ReadOnlyObjectProperty<LookTransfer> lookTransferProperty() {
        return lookTransfer.getReadOnlyProperty();
    }

    /** The reference photo matched last. */
    public ReadOnlyObjectProperty<Path> referencePathProperty() {
        return referencePath.getReadOnlyProperty();
    }

    /** The look applied last, in {@link Look#description()}'s words,, kept while the next is made. */
    public ReadOnlyStringProperty lookDescriptionProperty() {
        return description.getReadOnlyProperty();
    }
}
