package app.retone.ui.editor;

import app.retone.core.render.PhotoRender;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.CubeFile;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.Resample;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.HistogramPredictor;
import app.retone.predict.LookTransfer;
import app.retone.ui.histogram.HistogramPoints;
import app.retone.ui.settings.RecentFiles;
import app.retone.ui.settings.Settings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editor's state and commands, free of any {@code Node}: the photo and its display copy, the
 * look to apply (the model's prediction or a reference photo's), the strength, the histograms,
 * the background activities, and what the user must be told.
 *
 * <p>All methods and properties belong to the UI thread. Background work goes through the
 * {@link TaskExecutor}; a loaded photo is shown only if no other was asked for since, and every
 * later result is checked against the photo on screen, so a stale result never reaches it.
 */
public final class EditorViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EditorViewModel.class);
    private static final Logger TIMING = LoggerFactory.getLogger("app.retone.timing");

    public static final double MAX_STRENGTH = app.retone.core.render.Strength.MAX;
    public static final double DEFAULT_STRENGTH = app.retone.core.render.Strength.DEFAULT;
    /** The settings key of the automatic look's transfer, by {@link LookTransfer#id()}. */
    static final String TRANSFER_KEY = "lookTransfer";

    /** A loaded photo with everything derived from it once. */
    private record Session(long generation, Photo photo, PhotoDetails details, PreviewFrame before,
                           Histogram3D sourceHistogram, int[] modelCopy) {
    }

    /**
     * A look ready to apply: where it came from (and, for the model's, the transfer that made
     * its LUT; a reference's is always the services' full Pitié transfer, null here), its target
     * histogram, the LUT, and the slider's fast paths: the display copy at any strength, and the
     * model-sized copy's repaint (whose histogram is shown).
     */
    private record Look(TargetKind kind, String name, LookTransfer transfer, Histogram3D target, ColorLut3D lut,
                        StrengthView display, StrengthPreview modelCopyPreview) {
    }

    /**
     * A rendered detail region: its original pixels, their repaint (for regrain) and view at any
     * strength (both null without a look), and the result.
     */
    private record DetailPixels(PreviewFrame original, StrengthPreview preview, StrengthView view, BlendFrame result,
                                boolean regrained) {
    }

    private final EditorServices services;
    private final TaskExecutor executor;
    private final Settings settings;
    private final RecentFiles recentFiles;

    private final ReadOnlyObjectWrapper<Photo> photo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PhotoDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PreviewFrame> before = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BlendFrame> after = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DetailFrame> detail = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty adjusting = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Histogram3D> sourceHistogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram3D> targetHistogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram3D> resultHistogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HistogramSelection> histogramSelection =
            new ReadOnlyObjectWrapper<>(HistogramSelection.NONE);
    private final ReadOnlyObjectWrapper<HistogramPoints> histogramPoints = new ReadOnlyObjectWrapper<>(HistogramPoints.NONE);
    private final ReadOnlyObjectWrapper<TargetKind> targetKind = new ReadOnlyObjectWrapper<>(TargetKind.MODEL);
    private final ReadOnlyObjectWrapper<LookTransfer> lookTransfer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lookDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> referencePath = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty strength = new SimpleDoubleProperty(DEFAULT_STRENGTH);
    private final BooleanProperty regrain = new SimpleBooleanProperty(true);
    private final ObjectProperty<CompareMode> compareMode = new SimpleObjectProperty<>(CompareMode.RESULT);
    private final BooleanProperty showOriginal = new SimpleBooleanProperty(false);
    private final ObjectProperty<HistogramChoice> histogramChoice = new SimpleObjectProperty<>(HistogramChoice.SOURCE);
    private final ObservableList<Activity> activities = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a photo to begin (Ctrl+O, or drop it here)");
    private final List<Consumer<Notice>> noticeListeners = new CopyOnWriteArrayList<>();

    private final BooleanBinding hasPhoto = photo.isNotNull();
    private final ReadOnlyBooleanWrapper hasLook = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding busy = Bindings.isNotEmpty(activities);
    private final StringBinding windowTitle = Bindings.createStringBinding(
            () -> details.get() == null ? "Retone" : details.get().fileName() + " — Retone", details);

    private Session session;
    private Look modelLook;
    private Look referenceLook;
    private long generation;
    private TaskHandle loading = TaskHandle.NONE;
    private TaskHandle lookWork = TaskHandle.NONE;
    private TaskHandle renderWork = TaskHandle.NONE;
    private TaskHandle refineWork = TaskHandle.NONE;
    /** The points of the histogram panel: made one at a time, the newest selection next. */
    private boolean pointsRunning;
    static final Duration HISTOGRAM_SETTLE = Duration.ofMillis(120);
    static final Duration HISTOGRAM_MAX_WAIT = Duration.ofMillis(600);
    /** Selection changes counted, for the debounce; when the first of those still waiting came. */
    private long selectionVersion;
    private long firstWaitingAt;
    private boolean settleScheduled;
    /** The session and selection whose points are on display (null: none, or another photo's were cleared). */
    private Session pointsSession;
    private HistogramSelection pointsSelection;
    /** What makes the open photo's look again if another photo's open stopped it and then failed; null when none is due. */
    private Runnable lookRestart;
    /** Whether that look work is the model's prediction (else a reference's matching). */
    private boolean lookWorkPredicts;
    /** A region of the photo, in photo pixels, and the scale its pixels are rendered at. */
    private record DetailRegion(int x, int y, int width, int height, double scale) {
        int pixelWidth() {
            return Math.max(1, (int) Math.round(width * scale));
        }

        int pixelHeight() {
            return Math.max(1, (int) Math.round(height * scale));
        }
    }

    /** The region asked for last, and the fast path for its pixels under the current look. */
    private DetailRegion detailRegion;
    private StrengthPreview detailPreview;
    private StrengthView detailView;
    private int[] smallBuffer;
    private long openStarted;

    public EditorViewModel(EditorServices services, TaskExecutor executor, Settings settings) {
        this.services = services;
        this.executor = executor;
        this.settings = settings;
        this.recentFiles = new RecentFiles(settings);
        // a value this version does not know (a later one's, or a typo) gives the default
        lookTransfer.set(settings.get(TRANSFER_KEY).flatMap(LookTransfer::fromId).orElse(LookTransfer.DEFAULT));
        strength.addListener((obs, old, now) -> {
            if (Double.isNaN(now.doubleValue())) {
                strength.set(old.doubleValue()); // no strength at all: keep the last one
                return;
            }
            double clamped = Math.max(0, Math.min(MAX_STRENGTH, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                strength.set(clamped);
                return;
            }
            repaint();
        });
        histogramChoice.addListener((obs, old, now) -> updateHistogramSelection());
        regrain.addListener((obs, old, now) -> refineDetail());
        adjusting.addListener((obs, old, now) -> {
            if (!now) {
                refineDetail(); // the slider came to rest: put the grain back into the detail
            }
        });
    }

    // ---- commands -------------------------------------------------------------------------

    /** Opens a photo: shows it as soon as it is decoded, then starts the look in the background. */
    public void open(Path path) {
        loading.cancel();
        renderWork.cancel();
        refineWork.cancel();
        // the open photo's look is of no use once another opens; if that open fails, it is made again
        lookWork.cancel();
        long gen = ++generation;
        openStarted = System.nanoTime();
        String name = String.valueOf(path.getFileName());
        settings.put("lastFolder", String.valueOf(path.toAbsolutePath().getParent()));
        Activity activity = new Activity("Opening " + name);
        loading = track(activity, BackgroundTask.<Session>of(activity.title(), context -> {
            context.progress(-1, "Decoding " + name + "…");
            Photo loaded = services.loader().load(path);
            context.checkCancelled();
            context.progress(0.6, "Preparing the preview…");
            int[] size = services.preview().fit(loaded.width(), loaded.height());
            int[] display = size[0] == loaded.width() && size[1] == loaded.height()
                    ? loaded.argb()
                    : Resample.crop(loaded.argb(), loaded.width(), loaded.height(), 0, 0, loaded.width(), loaded.height(),
                            size[0], size[1]);
            context.checkCancelled();
            context.progress(0.8, "Reading metadata…");
            PhotoDetails photoDetails = PhotoDetailsReader.read(loaded);
            int[] modelCopy = AutoEnhancer.modelCopy(loaded.argb(), loaded.width(), loaded.height());
            Histogram3D source = Histogram3D.of(modelCopy, Histogram3D.DEFAULT_BINS);
            return new Session(gen, loaded, photoDetails, new PreviewFrame(size[0], size[1], display, !loaded.hasAlpha()),
                    source, modelCopy);
        }).onSuccess(loaded -> {
            if (loaded.generation() == generation) {
                showSession(loaded, path);
            }
        }).onFailure(error -> {
            if (gen == generation) {
                notice(Notice.error("Could not open " + name, describe(error)));
                status.set("Could not open " + name);
                restartLook();
            }
        }).onFinished(() -> {
            if (gen == generation && (session == null || session.generation() != gen)) {
                restartLook(); // cancelled: the photo still on screen gets back the look its opening stopped
            }
        }));
    }

    /** Starts again the look work that opening another photo stopped, if the user did not cancel it. */
    private void restartLook() {
        Runnable restart = lookRestart;
        lookRestart = null;
        if (restart != null) {
            restart.run();
        }
    }

    /** Chooses another photo's look as the target instead of the model's prediction. */
    public void matchReference(Path path) {
        if (session == null) {
            notice(Notice.info("Open a photo first", "A reference photo's look is matched onto the open photo."));
            return;
        }
        lookWork.cancel();
        Session current = session;
        lookRestart = () -> matchReference(path);
        lookWorkPredicts = false;
        String name = String.valueOf(path.getFileName());
        Activity activity = new Activity("Matching " + name);
        lookWork = track(activity, BackgroundTask.<Look>of(activity.title(), context -> {
            context.progress(-1, "Opening " + name + "…");
            Photo reference = services.loader().load(path);
            context.checkCancelled();
            context.progress(0.5, "Matching the look of " + name + "…");
            Histogram3D target = app.retone.predict.ReferenceLook.histogram(reference);
            return lookFor(context, current, TargetKind.REFERENCE, name, null, target,
                    services.pdfTransfer().transfer(current.sourceHistogram(), target));
        }).onSuccess(look -> {
            if (current == session) {
                lookRestart = null;
                referenceLook = look;
                referencePath.set(path);
                applyLook(look);
            }
        }).onFailure(error -> {
            if (current == session) {
                lookRestart = null;
                notice(Notice.error("Could not use " + name + " as a reference", describe(error)));
            }
        }));
    }

    /** Goes back to the model's prediction (computing it if it is not there yet, or was made with another transfer). */
    public void useModel() {
        if (session == null) {
            targetKind.set(TargetKind.MODEL);
            return;
        }
        if (modelLook != null && modelLook.transfer() == lookTransfer.get()) {
            applyLook(modelLook);
        } else {
            predict(session);
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
        if (session != null && automatic) {
            predict(session);
        }
    }

    /** Strength back to 100 %, regrain on, the model's look, the result view. */
    public void reset() {
        strength.set(DEFAULT_STRENGTH);
        regrain.set(true);
        compareMode.set(CompareMode.RESULT);
        showOriginal.set(false);
        useModel();
    }

    /**
     * Renders the full-resolution result (with regrain when on) and writes it, in the background.
     * An export belongs to the photo it started from: opening another photo does not stop it.
     */
    public void export(Path destination, ExportOptions options) {
        Look look = currentLook();
        if (session == null || look == null) {
            notice(Notice.info("Nothing to export yet", "The result appears once the prediction is ready."));
            return;
        }
        Photo source = session.photo();
        ColorLut3D lut = look.lut();
        double atStrength = strength.get();
        boolean withRegrain = regrain.get();
        String name = String.valueOf(destination.getFileName());
        settings.put("lastExportFolder", String.valueOf(destination.toAbsolutePath().getParent()));
        Activity activity = new Activity("Exporting " + name, true);
        track(activity, BackgroundTask.<ImageFormat>of(activity.title(), context -> {
            context.progress(0.05, withRegrain ? "Applying the colours at full resolution, then regrain…"
                    : "Applying the colours at full resolution…");
            Photo rendered = PhotoRender.render(services.colorTransfer(), source, lut, atStrength, withRegrain);
            context.checkCancelled();
            context.progress(0.8, "Writing " + name + "…");
            return services.exporter().export(rendered, destination, options);
        }).onSuccess(format -> {
            notice(Notice.info("Exported", destination + " (" + format.name().toLowerCase(Locale.ROOT) + ")"));
            status.set("Exported " + name);
        }).onFailure(error -> notice(Notice.error("Export failed: nothing was written to " + name, describe(error)))));
    }

    /** Writes the current look, at the current strength, as a .cube LUT other tools can use. */
    public void exportLut(Path destination) {
        Look look = currentLook();
        if (look == null) {
            notice(Notice.info("No look to export yet", "The LUT exists once the prediction is ready."));
            return;
        }
        ColorLut3D lut = look.lut().withStrength(strength.get());
        String title = "Retone " + look.name() + String.format(Locale.ROOT, " %.0f%%", strength.get() * 100);
        String name = String.valueOf(destination.getFileName());
        Activity activity = new Activity("Exporting " + name, true);
        track(activity, BackgroundTask.<Path>of(activity.title(), context -> {
            CubeFile.write(lut, title, destination);
            return destination;
        }).onSuccess(path -> notice(Notice.info("LUT exported", path.toString())))
                .onFailure(error -> notice(Notice.error("Could not write " + name, describe(error)))));
    }

    /**
     * Asks for the pixels of a region of the photo (x, y, width, height in photo pixels) from the
     * full-resolution original, at {@code zoom} screen pixels per photo pixel: for a zoom the
     * display copy cannot show sharply. Below 100 % the region is rendered at the screen's
     * resolution, never more, so its cost follows the view's size, not the photo's. A margin is
     * added so that small pans need nothing new; the answer arrives in {@link #detailProperty()}.
     */
    public void requestDetail(double x, double y, double width, double height, double zoom) {
        if (session == null || !(zoom > 0)) {
            return;
        }
        double scale = Math.min(1.0, zoom);
        DetailFrame shown = detail.get();
        if (shown != null && shown.covers(x, y, width, height) && shown.scale() >= scale * 0.99
                && shown.scale() <= scale * 2) {
            return;
        }
        Photo full = session.photo();
        double marginX = width * 0.25;
        double marginY = height * 0.25;
        int x0 = (int) Math.max(0, Math.floor(x - marginX));
        int y0 = (int) Math.max(0, Math.floor(y - marginY));
        int x1 = (int) Math.min(full.width(), Math.ceil(x + width + marginX));
        int y1 = (int) Math.min(full.height(), Math.ceil(y + height + marginY));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        detailRegion = new DetailRegion(x0, y0, x1 - x0, y1 - y0, scale);
        renderDetail();
    }

    /** Back at a zoom the display copy serves: the detail and its buffers are dropped. */
    public void clearDetail() {
        renderWork.cancel();
        refineWork.cancel();
        detailRegion = null;
        detailPreview = null;
        detailView = null;
        detail.set(null);
    }

    /** Cancels all background work (the status bar's cancel button). */
    public void cancelAll() {
        lookRestart = null; // the user stopped it: a failed open later must not start it again
        List.copyOf(activities).forEach(Activity::cancel);
        renderWork.cancel();
        refineWork.cancel();
    }

    public void addNoticeListener(Consumer<Notice> listener) {
        noticeListeners.add(listener);
    }

    // ---- state ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Photo> photoProperty() {
        return photo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PhotoDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The original, display-sized. */
    public ReadOnlyObjectProperty<PreviewFrame> beforeProperty() {
        return before.getReadOnlyProperty();
    }

    /**
     * The result at the current strength, display-sized (the original until a look is ready): two
     * frames rendered ahead and the opacity that mixes them, so a slider move repaints nothing.
     */
    public ReadOnlyObjectProperty<BlendFrame> afterProperty() {
        return after.getReadOnlyProperty();
    }

    /** Full-resolution pixels of the region last asked for, or null. */
    public ReadOnlyObjectProperty<DetailFrame> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** True while the user drags the slider: costly refinements (regrain of the detail) wait for the release. */
    public BooleanProperty adjustingProperty() {
        return adjusting;
    }

    public ReadOnlyObjectProperty<Histogram3D> sourceHistogramProperty() {
        return sourceHistogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram3D> targetHistogramProperty() {
        return targetHistogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram3D> resultHistogramProperty() {
        return resultHistogram.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HistogramSelection> histogramSelectionProperty() {
        return histogramSelection.getReadOnlyProperty();
    }

    /** The points the histogram panel draws for the selection, made off the UI thread. */
    public ReadOnlyObjectProperty<HistogramPoints> histogramPointsProperty() {
        return histogramPoints.getReadOnlyProperty();
    }

    public ObjectProperty<HistogramChoice> histogramChoiceProperty() {
        return histogramChoice;
    }

    public ReadOnlyObjectProperty<TargetKind> targetKindProperty() {
        return targetKind.getReadOnlyProperty();
    }

    /** How the automatic look moves the colours onto the prediction ({@link #useTransfer} chooses it). */
    public ReadOnlyObjectProperty<LookTransfer> lookTransferProperty() {
        return lookTransfer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> referencePathProperty() {
        return referencePath.getReadOnlyProperty();
    }

    /** "Predicted by histonet-v1" or "Matching beach.jpg". */
    public ReadOnlyStringProperty lookDescriptionProperty() {
        return lookDescription.getReadOnlyProperty();
    }

    /** Within {@link app.retone.core.render.Strength}'s range; 1 is the full transfer. */
    public DoubleProperty strengthProperty() {
        return strength;
    }

    public BooleanProperty regrainProperty() {
        return regrain;
    }

    public ObjectProperty<CompareMode> compareModeProperty() {
        return compareMode;
    }

    /** True while the user holds the compare key: the view shows the original. */
    public BooleanProperty showOriginalProperty() {
        return showOriginal;
    }

    public ObservableList<Activity> activities() {
        return activities;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles.files();
    }

    public void clearRecentFiles() {
        recentFiles.clear();
    }

    public BooleanBinding hasPhotoProperty() {
        return hasPhoto;
    }

    public ReadOnlyBooleanProperty hasLookProperty() {
        return hasLook.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    public Optional<Path> lastFolder() {
        return settings.get("lastFolder").map(Path::of).filter(Files::isDirectory);
    }

    public Optional<Path> lastExportFolder() {
        return settings.get("lastExportFolder").map(Path::of).filter(Files::isDirectory);
    }

    /** A file name for the export of the open photo: "name-retone.jpg" beside the original's name. */
    public String suggestedExportName(ImageFormat format) {
        String base = details.get() == null ? "photo" : details.get().fileName();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        return base + "-retone." + format.defaultExtension();
    }

    /**
     * Whether writing to {@code destination} would replace the open photo's own file, by the file
     * system's judgement (links, case-insensitive names), not by comparing names.
     */
    public boolean isOpenPhoto(Path destination) {
        Optional<Path> original = photoPath();
        if (original.isEmpty() || !Files.exists(destination)) {
            return false;
        }
        try {
            return Files.isSameFile(original.get(), destination);
        } catch (java.io.IOException e) {
            return original.get().toAbsolutePath().normalize().equals(destination.toAbsolutePath().normalize());
        }
    }

    /** True while an export is being written: quitting now would lose it. */
    public boolean isExporting() {
        return activities.stream().anyMatch(Activity::writesFile);
    }

    /**
     * The name of the open photo's own colour space when it has one other than sRGB (its pixels
     * were converted from it on load, and export may keep it); empty otherwise.
     */
    public Optional<String> sourceColourSpace() {
        return session == null || !session.photo().source().convertedToSrgb() ? Optional.empty()
                : Optional.of(session.details() == null ? "embedded profile" : session.details().colorProfile());
    }

    /** The open photo's file, if it came from one. */
    public Optional<Path> photoPath() {
        return session == null ? Optional.empty() : session.photo().source().file();
    }

    // ---- inner workings -------------------------------------------------------------------

    private void showSession(Session loaded, Path path) {
        lookWork.cancel(); // the previous photo's look is of no use now
        lookRestart = null;
        clearDetail();
        session = loaded;
        modelLook = null;
        Look keptReference = referenceLook;
        referenceLook = null;
        photo.set(loaded.photo());
        details.set(loaded.details());
        before.set(loaded.before());
        after.set(BlendFrame.of(loaded.before()));
        sourceHistogram.set(loaded.sourceHistogram());
        targetHistogram.set(null);
        resultHistogram.set(loaded.sourceHistogram());
        hasLook.set(false);
        histogramPoints.set(HistogramPoints.NONE); // the last photo's points go at once; this one's follow
        pointsSession = null;
        pointsSelection = null;
        updateHistogramSelection();
        recentFiles.add(path);
        status.set(loaded.details().fileName() + " — " + loaded.photo().width() + " × " + loaded.photo().height());
        TIMING.info("photo on screen {} ms after open ({} x {})", elapsedMs(), loaded.photo().width(),
                loaded.photo().height());
        loaded.photo().warnings().forEach(w -> notice(Notice.warning(loaded.details().fileName(), w)));
        if (targetKind.get() == TargetKind.REFERENCE && keptReference != null && referencePath.get() != null) {
            matchReference(referencePath.get()); // the same look onto the new photo
        } else {
            predict(loaded);
        }
    }

    private void predict(Session current) {
        lookWork.cancel();
        lookRestart = () -> predict(current);
        lookWorkPredicts = true;
        LookTransfer transfer = lookTransfer.get();
        Activity activity = new Activity("Predicting the look");
        lookWork = track(activity, BackgroundTask.<Look>of(activity.title(), context -> {
            context.progress(-1, "Loading the model…");
            HistogramPredictor predictor = services.predictors().predictor();
            context.checkCancelled();
            context.progress(0.4, "Predicting the target histogram and the transfer…");
            AutoEnhancer.Result result = new AutoEnhancer(predictor, transfer.create(services.pdfTransfer().lutSize()))
                    .enhance(current.sourceHistogram());
            context.checkCancelled();
            return lookFor(context, current, TargetKind.MODEL, "the model", transfer, result.target(), result.lut());
        }).onSuccess(look -> {
            if (current == session && transfer == lookTransfer.get()) {
                lookRestart = null;
                modelLook = look;
                applyLook(look);
                TIMING.info("prediction on screen {} ms after open", elapsedMs());
            }
        }).onFailure(error -> {
            if (current == session && transfer == lookTransfer.get()) {
                lookRestart = null;
                notice(Notice.error("Automatic correction unavailable", describe(error)
                        + "\nThe photo stays open; you can still match a reference photo's look (File ▸ Match Reference…)."));
                status.set("No prediction: " + describe(error));
            }
        }));
    }

    /** A look from its target and LUT, with the slider's fast paths for the display and model-sized copies. */
    private Look lookFor(app.retone.ui.task.TaskContext context, Session current, TargetKind kind, String name,
                         LookTransfer transfer, Histogram3D target, ColorLut3D lut) {
        StrengthPreview preview = new StrengthPreview(current.before().argb(), lut, services.interpolation());
        StrengthPreview small = new StrengthPreview(current.modelCopy(), lut, services.interpolation());
        return new Look(kind, name, transfer, target, lut, StrengthView.of(current.before(), preview,
                context::checkCancelled), small);
    }

    private void applyLook(Look look) {
        targetKind.set(look.kind());
        lookDescription.set(look.kind() == TargetKind.MODEL ? "Automatic (predicted by the model)" : "Matching " + look.name());
        targetHistogram.set(look.target());
        hasLook.set(true);
        if (histogramChoice.get() == HistogramChoice.SOURCE && look.kind() == TargetKind.MODEL && modelLook == look
                && resultHistogram.get() == sourceHistogram.get()) {
            histogramChoice.set(HistogramChoice.OVERLAY); // first result of this photo: show what moved
        }
        detailPreview = null;
        detailView = null;
        repaint();
        renderDetail();
    }

    private Look currentLook() {
        if (session == null) {
            return null;
        }
        return targetKind.get() == TargetKind.REFERENCE && referenceLook != null ? referenceLook : modelLook;
    }

    /**
     * The slider's path: a blend of frames rendered ahead for the screen to mix (or, for a photo
     * with transparency, a repaint of the display copy); no prediction, no full resolution.
     */
    private void repaint() {
        Look look = currentLook();
        if (session == null || look == null) {
            return;
        }
        after.set(look.display().at(strength.get()));
        updateResultHistogram(look);
        repaintDetail();
    }

    /**
     * The result's histogram, of the model-sized copy like the source's, through that copy's own
     * fast path, so it follows the slider on the same frame (a repaint and a histogram of the
     * small copy: most of what a move costs the view model).
     */
    private void updateResultHistogram(Look look) {
        int[] small = smallBuffer;
        if (small == null || small.length != session.modelCopy().length) {
            small = new int[session.modelCopy().length];
            smallBuffer = small;
        }
        look.modelCopyPreview().render(strength.get(), small);
        resultHistogram.set(Histogram3D.of(small, Histogram3D.DEFAULT_BINS));
        updateHistogramSelection();
    }

    /** The detail region at the current strength through its fast path (no regrain while the slider moves). */
    private void repaintDetail() {
        if (repaintDetailFast() && !adjusting.get()) {
            refineDetail();
        }
    }

    private boolean repaintDetailFast() {
        DetailFrame shown = detail.get();
        if (shown == null || detailView == null) {
            return false;
        }
        detail.set(shown.withAfter(detailView.at(strength.get()), false));
        return true;
    }

    /** Renders the region asked for: the original's pixels, the look's fast path for them, and regrain when due. */
    private void renderDetail() {
        Look look = currentLook();
        DetailRegion region = detailRegion;
        if (session == null || region == null) {
            return;
        }
        renderWork.cancel();
        refineWork.cancel();
        Session current = session;
        double s = strength.get();
        boolean withRegrain = regrain.get() && !adjusting.get() && region.scale() == 1;
        renderWork = executor.submit(BackgroundTask.<DetailPixels>of("Detail", context -> {
            Photo full = current.photo();
            int[] original = Resample.crop(full.argb(), full.width(), full.height(), region.x(), region.y(),
                    region.width(), region.height(), region.pixelWidth(), region.pixelHeight());
            context.checkCancelled();
            int w = region.pixelWidth();
            int h = region.pixelHeight();
            PreviewFrame originalFrame = new PreviewFrame(w, h, original, !full.hasAlpha());
            if (look == null) {
                return new DetailPixels(originalFrame, null, null, BlendFrame.of(originalFrame), false);
            }
            StrengthPreview preview = new StrengthPreview(original, look.lut(), services.interpolation());
            context.checkCancelled();
            StrengthView view = StrengthView.of(originalFrame, preview, context::checkCancelled);
            context.checkCancelled();
            if (withRegrain && s > 0) {
                int[] colored = new int[original.length];
                preview.render(s, colored);
                context.checkCancelled();
                PreviewFrame grained = new PreviewFrame(w, h, services.regrain().apply(original, colored, w, h),
                        originalFrame.opaque());
                return new DetailPixels(originalFrame, preview, view, view.alone(grained), true);
            }
            return new DetailPixels(originalFrame, preview, view, view.at(s), false);
        }).onSuccess(out -> {
            if (current != session || region != detailRegion || look != currentLook()) {
                return; // asked for something else meanwhile
            }
            detailPreview = out.preview();
            detailView = out.view();
            detail.set(new DetailFrame(region.x(), region.y(), region.width(), region.height(), region.scale(),
                    out.original(), out.result(), out.regrained()));
            if (s != strength.get() && detailView != null) {
                repaintDetail(); // the slider moved while this was rendered
            }
        }).onFailure(error -> detailFailed(current, error)));
    }

    /** Puts the grain back into the detail once the slider rests: only at 100 % and beyond, where the pixels are the photo's own. */
    private void refineDetail() {
        DetailFrame shown = detail.get();
        DetailRegion region = detailRegion;
        if (shown == null || detailPreview == null || adjusting.get() || region == null || !renderWork.isDone()
                || shown.scale() != 1 || shown.x() != region.x() || shown.y() != region.y()) {
            return; // nothing to refine, or a new region is on its way (its render includes the grain)
        }
        if (!regrain.get() || strength.get() == 0) {
            if (shown.regrained()) {
                repaintDetailFast();
            }
            return;
        }
        refineWork.cancel();
        Session current = session;
        StrengthPreview preview = detailPreview;
        StrengthView view = detailView;
        int[] original = shown.before().argb();
        double s = strength.get();
        int w = shown.before().width();
        int h = shown.before().height();
        refineWork = executor.submit(BackgroundTask.<int[]>of("Regrain detail", context -> {
            int[] colored = new int[original.length];
            preview.render(s, colored);
            context.checkCancelled();
            return services.regrain().apply(original, colored, w, h);
        }).onSuccess(pixels -> {
            DetailFrame now = detail.get();
            if (current == session && preview == detailPreview && s == strength.get() && regrain.get() && now != null) {
                PreviewFrame grained = new PreviewFrame(w, h, pixels, now.before().opaque());
                detail.set(now.withAfter(view.alone(grained), true));
            }
        }).onFailure(error -> detailFailed(current, error)));
    }

    private void detailFailed(Session current, Throwable error) {
        if (current == session) {
            clearDetail();
            notice(Notice.warning("Full-resolution detail unavailable", describe(error)
                    + "\nThe view shows the display copy instead."));
        }
    }

    private void updateHistogramSelection() {
        Histogram3D source = sourceHistogram.get();
        if (source == null) {
            histogramSelection.set(HistogramSelection.NONE);
            return;
        }
        Histogram3D target = targetHistogram.get();
        Histogram3D result = resultHistogram.get();
        HistogramSelection selection = switch (histogramChoice.get()) {
            case SOURCE -> new HistogramSelection(source, null, "Source: the photo as it is");
            case TARGET -> target == null
                    ? new HistogramSelection(null, null, "No target yet")
                    : new HistogramSelection(target, null, "Target: " + lookDescription.get());
            case RESULT -> new HistogramSelection(result, null, "Result" + resultStrength());
            case OVERLAY -> new HistogramSelection(source, result, "Source (grey) vs result" + resultStrength()
                    + " (colour)");
        };
        histogramSelection.set(selection);
        // by what is on display, not by the property's change: an equal selection is no change to
        // JavaFX, yet needs points when the shown ones were cleared (the same photo opened again)
        if (!pointsShown(selection)) {
            selectionChanged();
        }
    }

    /** Whether the panel shows the points of {@code selection}, made for the open photo. */
    private boolean pointsShown(HistogramSelection selection) {
        return pointsSession == session && selection.equals(pointsSelection);
    }

    /**
     * The histogram panel follows a selection once it has settled: every new set of points makes
     * the 3D view draw again, which without a GPU costs more than the photo's own repaint. So
     * while the slider moves, the photo follows every frame and the points wait until no change
     * came for {@link #HISTOGRAM_SETTLE} (or {@link #HISTOGRAM_MAX_WAIT} has passed). Executors
     * without a clock (the tests') run the delayed step at once.
     */
    private void selectionChanged() {
        long version = ++selectionVersion;
        if (!settleScheduled) {
            settleScheduled = true;
            firstWaitingAt = executor.nanoTime();
            executor.runOnUiThreadAfter(HISTOGRAM_SETTLE, () -> settled(version));
        }
    }

    private void settled(long version) {
        boolean waitedLongEnough = executor.nanoTime() - firstWaitingAt >= HISTOGRAM_MAX_WAIT.toNanos();
        if (version != selectionVersion && !waitedLongEnough) {
            long latest = selectionVersion;
            executor.runOnUiThreadAfter(HISTOGRAM_SETTLE, () -> settled(latest)); // changed meanwhile: wait on
            return;
        }
        settleScheduled = false;
        makePoints(histogramSelection.get());
    }

    /**
     * Makes the panel's points for {@code selection} in the background, one at a time: while one
     * is being made, later selections only wait, and when it is done the newest selection is made
     * next (the slider moves faster than points are drawn). Points of this photo show even if
     * the slider moved on meanwhile (during a long drag the panel follows at most
     * {@link #HISTOGRAM_MAX_WAIT} late, the newest position next), as long as the panel still
     * shows the same choice; another photo's points are dropped, so they never show, not even
     * for a frame. Selections are compared by content: an equal one needs no new points.
     */
    private void makePoints(HistogramSelection selection) {
        if (pointsRunning) {
            return; // the running one catches up with the newest selection when it ends
        }
        pointsRunning = true;
        Session madeFor = session;
        HistogramChoice choice = histogramChoice.get();
        try {
            executor.submit(BackgroundTask.<HistogramPoints>of("Histogram points",
                            context -> HistogramPoints.of(selection.first(), selection.second()))
                    .onSuccess(points -> {
                        if (madeFor == session && (choice == histogramChoice.get() || selection.equals(histogramSelection.get()))) {
                            histogramPoints.set(points);
                            pointsSession = madeFor;
                            pointsSelection = selection;
                        }
                    })
                    .onFailure(error -> LOG.warn("histogram points: {}", describe(error)))
                    .onFinished(() -> {
                        pointsRunning = false;
                        HistogramSelection now = histogramSelection.get();
                        if (!settleScheduled && !pointsShown(now)) {
                            makePoints(now); // it changed while these were being made, or these were dropped
                        }
                    }));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the window is closing: a settle time that ran out meanwhile has nothing left to show
            pointsRunning = false;
            LOG.debug("histogram points not made: the executor is closing");
        }
    }

    private String resultStrength() {
        return hasLook.get() ? String.format(Locale.ROOT, " at %.0f%%", strength.get() * 100) : "";
    }

    private <T> TaskHandle track(Activity activity, BackgroundTask<T> task) {
        activities.add(activity);
        task.onProgress(p -> activity.update(p.fraction(), p.message()));
        BackgroundTask<T> withCleanup = task.onFinished(() -> activities.remove(activity));
        TaskHandle handle = executor.submit(withCleanup);
        activity.attach(handle, () -> activities.remove(activity));
        // cancelled by the view model (another photo, another look): gone from the status bar at once too
        return new TaskHandle() {
            @Override
            public void cancel() {
                activity.cancel();
            }

            @Override
            public boolean isDone() {
                return handle.isDone();
            }
        };
    }

    private void notice(Notice notice) {
        if (notice.severity() == Notice.Severity.ERROR) {
            LOG.warn("{}: {}", notice.title(), notice.text());
        }
        noticeListeners.forEach(listener -> listener.accept(notice));
    }

    private long elapsedMs() {
        return (System.nanoTime() - openStarted) / 1_000_000;
    }

    /** A user's one-line reason for a failure: the typed exceptions already say it well. */
    static String describe(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "not enough memory for this photo (the app's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB)";
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message;
    }
}
