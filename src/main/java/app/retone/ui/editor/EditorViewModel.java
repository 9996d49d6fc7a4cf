package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import app.retone.core.render.TargetKind;
import app.retone.ui.settings.Settings;
import app.retone.ui.task.TaskContext;
import app.retone.ui.task.TaskExecutor;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editor, free of any {@code Node}: it puts together the view models of its jobs and keeps
 * their data flowing one way: the {@link PhotoSession} (the photo on screen) → its
 * {@link LookViewModel look} with the user's {@link Adjustments} → the {@link PreviewViewModel
 * preview}, the full-resolution {@link DetailViewModel detail} and the {@link HistogramPanelViewModel
 * histogram panel} → the views; {@link ExportViewModel export} beside them.
 *
 * <p>Opening is two steps: {@link PhotoPipeline#prepare} on any background thread, then
 * {@link #show} on the UI thread; {@link #open} does both. A look may be made ahead of time too
 * ({@link PhotoPipeline#predictLook}) and given to {@link #show}, so a photo prepared in advance
 * appears with its look at once.
 *
 * <p>All methods and properties belong to the UI thread, except {@link #pipeline()}'s. Background
 * work goes through the {@link TaskExecutor}; every result is checked against the photo on
 * screen, so a stale result never reaches it.
 */
public final class EditorViewModel {

    private static final Logger TIMING = LoggerFactory.getLogger("app.retone.timing");

    private final TaskExecutor executor;
    private final PhotoPipeline pipeline;
    private final Activities activities;
    private final Notices notices = new Notices();
    private final PhotoEdits edits;
    private final UndoRedo undoRedo;
    /** Set while settings are applied as a whole (a photo's own, an undo): no step of history in between. */
    private boolean applying;
    private final PhotoSession session;
    private final Adjustments adjustments = new Adjustments(this::settingsChanged, this::regrainChanged, this::released);
    private final DevelopViewModel develop = new DevelopViewModel(this::settingsChanged);
    private final javafx.beans.property.IntegerProperty rating = new javafx.beans.property.SimpleIntegerProperty(0);
    private final LookViewModel look;
    private final ScreenRecipe recipe;
    private final ScreenSettings screen;
    private final PreviewViewModel preview;
    private final SettledPreview settled;
    private final DetailViewModel detail;
    private final HistogramPanelViewModel histogram;
    private final ExportViewModel export;
    private final ObjectProperty<CompareMode> compareMode = new SimpleObjectProperty<>(CompareMode.RESULT);
    private final BooleanProperty showOriginal = new SimpleBooleanProperty(false);

    public EditorViewModel(EditorServices services, TaskExecutor executor, Settings settings) {
        this.executor = executor;
        this.pipeline = new PhotoPipeline(services);
        this.activities = new Activities(executor);
        this.edits = new PhotoEdits(executor, notices);
        this.session = new PhotoSession(pipeline, settings, activities, notices);
        this.look = new LookViewModel(pipeline, settings, activities, notices, session, adjustments::regrain, this::lookApplied);
        this.recipe = new ScreenRecipe(look, adjustments, develop);
        this.screen = new ScreenSettings(session, look, adjustments, develop, rating);
        this.undoRedo = new UndoRedo(session, edits, this::applyAsAWhole);
        this.preview = new PreviewViewModel(services.interpolation());
        this.settled = new SettledPreview(services, executor);
        this.detail = new DetailViewModel(services, executor, notices, session, look, adjustments, recipe);
        this.histogram = new HistogramPanelViewModel(executor, session, look, preview, adjustments);
        this.export = new ExportViewModel(services, settings, activities, notices, session, look, recipe);
        adjustments.regrainProperty().set(look.lookTransferProperty().get().regrainByDefault());
        rating.addListener((obs, old, now) -> settingsMoved());
        edits.onMergedIn((path, merged) -> {
            if (session.current() != null && session.current().path().equals(path)) {
                applyAsAWhole(merged); // another window's edits of this photo, kept beside ours
            }
        });
    }

    // ---- opening and showing --------------------------------------------------------------

    /**
     * Opens a photo: prepares it in the background and shows it as soon as it is ready, with the
     * strength, regrain and look kind of the photo on screen (a matched reference is matched onto
     * it too). Its look follows in the background.
     */
    public void open(Path path) {
        open(path, null);
    }

    /**
     * Opens a photo as {@link #open(Path)} does, with {@code settings} instead of those of the
     * photo on screen (null: those): a folder gives each photo its own.
     */
    public void open(Path path, PhotoSettings settings) {
        detail.cancelWork();
        // the open photo's look is of no use once another opens; if that open fails, it is made again
        look.pause();
        session.open(path, prepared -> display(prepared, settings == null ? screen.carried() : settings, null),
                look::resume);
    }

    /**
     * Shows an already prepared photo at once, with {@code settings} (strength and regrain set,
     * the model's look or that reference's), stopping any open under way. The look is made in the
     * background, unless {@code ready} is a look made for this very photo that fits
     * {@code settings} (the model's with the current transfer, or that reference's): then it is
     * applied as it is, with nothing predicted again.
     *
     * @param ready a look from {@link PhotoPipeline#predictLook} or {@link PhotoPipeline#matchLook}
     *              for {@code prepared}, or null
     */
    public void show(PreparedPhoto prepared, PhotoSettings settings, Look ready) {
        session.nextGeneration();
        detail.cancelWork();
        display(prepared, settings, ready);
    }

    /** {@link #show(PreparedPhoto, PhotoSettings, Look)} with the look made in the background. */
    public void show(PreparedPhoto prepared, PhotoSettings settings) {
        show(prepared, settings, null);
    }

    /**
     * The background steps (prepare a photo, make its look), usable from any thread and ahead of
     * time; they touch no view-model state.
     */
    public PhotoPipeline pipeline() {
        return pipeline;
    }

    /** {@link PhotoPipeline#prepare}: decodes and prepares a photo, on any background thread. */
    public PreparedPhoto prepare(Path path, TaskContext context) throws Exception {
        return pipeline.prepare(path, context);
    }

    /** What the user chose for the photo on screen: its look's kind (and reference), strength, regrain, adjustments, stars. */
    public PhotoSettings photoSettings() {
        return screen.current();
    }

    /**
     * Applies {@code settings} to the photo on screen: the controls at once, then the model's look
     * or that reference's (matched in the background unless it is the one on screen).
     */
    public void apply(PhotoSettings settings) {
        screen.apply(settings);
    }

    private void display(PreparedPhoto prepared, PhotoSettings wanted, Look ready) {
        // a photo's own edits (its sidecar, or edits made in this run) before what the caller carried over
        var unread = edits.stored(prepared.path(), prepared.stored());
        if (unread != null) {
            edits.sayUnread(java.util.List.of(unread));
        }
        PhotoSettings settings = edits.known(prepared.path()).orElse(wanted);
        applying = true;
        look.clear();
        detail.clearDetail();
        session.show(prepared);
        preview.showOriginal(prepared);
        histogram.photoChanged();
        TIMING.info("photo on screen {} ms after open ({} x {})", session.elapsedMs(), prepared.width(),
                prepared.height());
        prepared.warnings().forEach(w -> notices.notice(Notice.warning(prepared.details().fileName(), w)));
        screen.setControls(settings);
        look.start(prepared, settings.kind(), settings.reference(), ready);
        applying = false;
        edits.shown(prepared.path(), settings);
        undoRedo.refresh();
    }

    // ---- commands -------------------------------------------------------------------------

    /** Strength back to 100 %, no adjustments, the model's look with its regrain default, the result view (the rating stays). */
    public void reset() {
        adjustments.strengthProperty().set(app.retone.core.render.Strength.DEFAULT);
        develop.resetAll();
        compareMode.set(CompareMode.RESULT);
        showOriginal.set(false);
        useModelLook();
    }

    /**
     * The user chooses the model's look: regrain goes to that look's default (off for the tone
     * curves, on for Pitié's 3D transfer: {@link app.retone.core.render.LookTransfer#regrainByDefault}).
     */
    public void useModelLook() {
        adjustments.regrainProperty().set(look.lookTransferProperty().get().regrainByDefault());
        look.useModel();
    }

    /** The user chooses a reference photo's look: matched with Pitié's 3D transfer, so regrain goes on by default. */
    public void matchReference(Path reference) {
        adjustments.regrainProperty().set(app.retone.core.render.LookTransfer.PITIE.regrainByDefault());
        look.matchReference(reference);
    }

    /** The user chooses how the automatic look is made; with the automatic look on screen, regrain follows its default. */
    public void useTransfer(app.retone.core.render.LookTransfer transfer) {
        if (transfer == null || transfer == look.lookTransferProperty().get()) {
            return;
        }
        if (look.targetKindProperty().get() == TargetKind.MODEL) {
            adjustments.regrainProperty().set(transfer.regrainByDefault());
        }
        look.useTransfer(transfer);
    }

    /** Cancels all background work (the status bar's cancel button). */
    public void cancelAll() {
        look.forgetPaused(); // the user stopped it: a failed open later must not start it again
        activities.cancelAll();
        detail.cancelWork();
    }

    // ---- the flow from the look to the views ----------------------------------------------

    private void lookApplied(Look applied) {
        histogram.lookApplied(applied);
        detail.lookChanged();
        repaint();
        detail.render();
        settingsMoved(); // a new look kind or reference is a step of the photo's edits
    }

    // ---- the photo's edits: history and sidecar ----------------------------------------------

    /** The settings of the photo on screen changed: at rest, that is one step of its history, and its sidecar is saved. */
    private void settingsMoved() {
        PreparedPhoto current = session.current();
        if (applying || adjustments.adjusting() || current == null) {
            return;
        }
        edits.changed(current.path(), photoSettings());
        undoRedo.refresh();
    }

    /** Back to the photo's settings before its last change (Edit ▸ Undo). */
    public void undo() {
        undoRedo.undo();
    }

    /** Forward again to the settings undone last (Edit ▸ Redo). */
    public void redo() {
        undoRedo.redo();
    }

    public javafx.beans.value.ObservableBooleanValue undoableProperty() {
        return undoRedo.undoable();
    }

    public javafx.beans.value.ObservableBooleanValue redoableProperty() {
        return undoRedo.redoable();
    }

    /** Every photo's settings, their history and their sidecars. */
    public PhotoEdits edits() {
        return edits;
    }

    /** Gives the photo on screen {@code stars} (0 to 5). */
    public void rate(int stars) {
        if (session.current() != null) {
            rating.set(Math.max(0, Math.min(PhotoSettings.MAX_RATING, stars)));
        }
    }

    private void applyAsAWhole(PhotoSettings settings) {
        applying = true;
        try {
            apply(settings);
        } finally {
            applying = false;
        }
    }

    /** The recipe the photo on screen is rendered with now: its look, strength, adjustments and regrain; null without a look. */
    public app.retone.core.render.Recipe recipe() {
        return recipe.get();
    }

    /** A slider or a switch moved: the preview follows, and at rest it is one step of the photo's edits. */
    private void settingsChanged() {
        repaint();
        settingsMoved();
    }

    /** The sliders' path: the preview, its histogram and the detail follow the strength and the adjustments. */
    private void repaint() {
        PreparedPhoto current = session.current();
        Look shown = look.lookProperty().get();
        settled.cancel();
        if (current == null || shown == null) {
            return;
        }
        app.retone.core.render.Recipe recipe = recipe();
        preview.repaint(current, shown, recipe, adjustments.adjusting());
        histogram.update();
        detail.repaint();
        if (!adjustments.adjusting() && !recipe.develop().isNeutral()) {
            // at rest with adjustments: the export's own pixels, reduced, replace the repaint when ready
            settled.settle(current, recipe, preview::showSettled);
        }
    }

    /** A slider came to rest: the preview at the export's LUT, then its own pixels; the drag is one step of history. */
    private void released() {
        settingsChanged();
    }

    /** Regrain switched: the look's preview and the detail are made again with it on or off. */
    private void regrainChanged() {
        look.previewFollows();
        detail.render();
        settingsChanged();
    }

    // ---- the parts --------------------------------------------------------------------------

    public PhotoSession session() {
        return session;
    }

    public LookViewModel look() {
        return look;
    }

    public Adjustments adjustments() {
        return adjustments;
    }

    public DevelopViewModel develop() {
        return develop;
    }

    /** The photo on screen's stars, 0 (unrated) to 5. */
    public javafx.beans.property.IntegerProperty ratingProperty() {
        return rating;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public HistogramPanelViewModel histogram() {
        return histogram;
    }

    public ExportViewModel export() {
        return export;
    }

    public Activities activities() {
        return activities;
    }

    public Notices notices() {
        return notices;
    }

    public ObjectProperty<CompareMode> compareModeProperty() {
        return compareMode;
    }

    /** True while the user holds the compare key: the view shows the original. */
    public BooleanProperty showOriginalProperty() {
        return showOriginal;
    }
}
