package app.retone.ui.editor;

import app.retone.core.color.ChannelHistograms;
import app.retone.core.render.TargetKind;
import app.retone.core.color.Histogram3D;
import app.retone.ui.histogram.HistogramPoints;
import app.retone.ui.histogram.HistogramRenderer;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The histogram panel: which histogram the user chose (source, target, result or source against
 * result), the selection that makes from the photo, its look and the result, and what is drawn
 * for it, made in the background once the selection has settled: the 3D cloud's points, and the
 * classic RGB histogram (256 levels per channel, with its clipping) of the display-sized result
 * on screen, or of the source when the source is chosen.
 */
public final class HistogramPanelViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HistogramPanelViewModel.class);
    static final Duration HISTOGRAM_SETTLE = Duration.ofMillis(120);
    static final Duration HISTOGRAM_MAX_WAIT = Duration.ofMillis(600);

    private final TaskExecutor executor;
    private final PhotoSession session;
    private final LookViewModel looks;
    private final PreviewViewModel preview;
    private final Adjustments adjustments;

    private final ObjectProperty<HistogramChoice> choice = new SimpleObjectProperty<>(HistogramChoice.SOURCE);
    private final ReadOnlyObjectWrapper<HistogramSelection> selection = new ReadOnlyObjectWrapper<>(HistogramSelection.NONE);
    private final ReadOnlyObjectWrapper<HistogramPoints> points = new ReadOnlyObjectWrapper<>(HistogramPoints.NONE);
    private final ReadOnlyObjectWrapper<RgbHistogram> rgb = new ReadOnlyObjectWrapper<>(RgbHistogram.NONE);
    /** How the panel draws its cloud: the points are made for it (the 3D scene's with their mesh). */
    private HistogramRenderer renderer = HistogramRenderer.SCENE_3D;

    /** The points are made one at a time, the newest selection next. */
    private boolean pointsRunning;
    /** Selection changes counted, for the debounce; when the first of those still waiting came. */
    private long selectionVersion;
    private long firstWaitingAt;
    private boolean settleScheduled;
    /** The photo and selection whose points are on display (null: none, or another photo's were cleared). */
    private PreparedPhoto pointsPhoto;
    private HistogramSelection pointsSelection;

    HistogramPanelViewModel(TaskExecutor executor, PhotoSession session, LookViewModel looks, PreviewViewModel preview,
                            Adjustments adjustments) {
        this.executor = executor;
        this.session = session;
        this.looks = looks;
        this.preview = preview;
        this.adjustments = adjustments;
        choice.addListener((obs, old, now) -> update());
    }

    /** The panel's cloud is drawn by {@code renderer}: its points are made for it from now on. */
    public void drawnBy(HistogramRenderer renderer) {
        this.renderer = renderer;
    }

    public ObjectProperty<HistogramChoice> histogramChoiceProperty() {
        return choice;
    }

    public ReadOnlyObjectProperty<HistogramSelection> histogramSelectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The points the histogram panel draws for the selection, made off the UI thread. */
    public ReadOnlyObjectProperty<HistogramPoints> histogramPointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The RGB histogram the panel draws for the selection, made off the UI thread with the points. */
    public ReadOnlyObjectProperty<RgbHistogram> rgbHistogramProperty() {
        return rgb.getReadOnlyProperty();
    }

    /** Another photo is on screen: the last photo's points go at once; this one's follow. */
    void photoChanged() {
        points.set(HistogramPoints.NONE);
        rgb.set(RgbHistogram.NONE);
        pointsPhoto = null;
        pointsSelection = null;
        update();
    }

    /** The first automatic result of a photo shown with the source chosen: show what moved. */
    void lookApplied(Look look) {
        if (choice.get() == HistogramChoice.SOURCE && look.kind() == TargetKind.MODEL
                && preview.resultHistogramProperty().get() == session.sourceHistogramProperty().get()) {
            choice.set(HistogramChoice.OVERLAY);
        }
    }

    /** The selection for what is on screen now; new points are made for it once it settles. */
    void update() {
        Histogram3D source = session.sourceHistogramProperty().get();
        if (source == null) {
            selection.set(HistogramSelection.NONE);
            return;
        }
        Histogram3D target = looks.targetHistogramProperty().get();
        Histogram3D result = preview.resultHistogramProperty().get();
        // the RGB histogram is of the result on screen, or of the source when the source is chosen
        BlendFrame onScreen = preview.afterProperty().get();
        boolean ofSource = choice.get() == HistogramChoice.SOURCE || onScreen == null;
        BlendFrame pixels = ofSource ? BlendFrame.of(session.current().before()) : onScreen;
        String pixelsOf = ofSource ? "Source" : "Result";
        HistogramSelection now = switch (choice.get()) {
            case SOURCE -> new HistogramSelection(source, null, "Source: the photo as it is", pixels, pixelsOf);
            case TARGET -> target == null
                    ? new HistogramSelection(null, null, "No target yet", pixels, pixelsOf)
                    : new HistogramSelection(target, null, "Target: " + looks.lookDescriptionProperty().get(), pixels,
                            pixelsOf);
            case RESULT -> new HistogramSelection(result, null, "Result" + resultStrength(), pixels, pixelsOf);
            case OVERLAY -> new HistogramSelection(source, result, "Source (grey) vs result" + resultStrength()
                    + " (colour)", pixels, pixelsOf);
        };
        selection.set(now);
        // by what is on display, not by the property's change: an equal selection is no change to
        // JavaFX, yet needs points when the shown ones were cleared (the same photo opened again)
        if (!pointsShown(now)) {
            selectionChanged();
        }
    }

    private String resultStrength() {
        return looks.hasLookProperty().get() ? String.format(Locale.ROOT, " at %.0f%%", adjustments.strength() * 100) : "";
    }

    /** Whether the panel shows the points of {@code shown}, made for the open photo. */
    private boolean pointsShown(HistogramSelection shown) {
        return pointsPhoto == session.current() && shown.equals(pointsSelection);
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
        makePoints(selection.get());
    }

    /**
     * Makes the panel's points for {@code wanted} in the background, one at a time: while one
     * is being made, later selections only wait, and when it is done the newest selection is made
     * next (the slider moves faster than points are drawn). Points of this photo show even if
     * the slider moved on meanwhile (during a long drag the panel follows at most
     * {@link #HISTOGRAM_MAX_WAIT} late, the newest position next), as long as the panel still
     * shows the same choice; another photo's points are dropped, so they never show, not even
     * for a frame. Selections are compared by content: an equal one needs no new points.
     */
    private void makePoints(HistogramSelection wanted) {
        if (pointsRunning) {
            return; // the running one catches up with the newest selection when it ends
        }
        pointsRunning = true;
        PreparedPhoto madeFor = session.current();
        HistogramChoice chosen = choice.get();
        HistogramRenderer drawnBy = renderer;
        try {
            executor.submit(BackgroundTask.<Made>of("Histogram points",
                            context -> new Made(HistogramPoints.forRenderer(drawnBy, wanted.first(), wanted.second()),
                                    new RgbHistogram(channels(wanted.pixels()), wanted.pixelsOf())))
                    .onSuccess(made -> {
                        if (madeFor == session.current() && (chosen == choice.get() || wanted.equals(selection.get()))) {
                            points.set(made.points());
                            pointsPhoto = madeFor;
                            pointsSelection = wanted;
                            if (mayHaveBeenRewritten(wanted.pixels())) {
                                // their RGB histogram is made again once settled, from the frame on screen now
                                pointsSelection = null;
                                update();
                            } else {
                                rgb.set(made.rgb());
                            }
                        }
                    })
                    .onFailure(error -> LOG.warn("histogram points: {}", Notice.reason(error)))
                    .onFinished(() -> {
                        pointsRunning = false;
                        HistogramSelection now = selection.get();
                        if (!settleScheduled && !pointsShown(now)) {
                            makePoints(now); // it changed while these were being made, or these were dropped
                        }
                    }));
        } catch (RejectedExecutionException e) {
            // the window is closing: a settle time that ran out meanwhile has nothing left to show
            pointsRunning = false;
            LOG.debug("histogram points not made: the executor is closing");
        }
    }

    /** The 3D points and the RGB histogram, made together. */
    private record Made(HistogramPoints points, RgbHistogram rgb) {
    }

    /** The RGB histogram of the frame as it shows on screen (its two frames mixed as the compositor mixes them). */
    private static ChannelHistograms channels(BlendFrame frame) {
        if (frame == null) {
            return ChannelHistograms.EMPTY;
        }
        PreviewFrame shown = frame.composite();
        return ChannelHistograms.of(shown.argb(), shown.width() * shown.height());
    }

    /**
     * Whether the pixels of {@code frame} may have been written over while their histogram was made:
     * a live repaint's buffer is reused two repaints later ({@link PreviewFrame#stable()}), and only
     * a repaint replaces the frame on screen, so one still on screen was not touched. The source and
     * frames rendered ahead are never written again.
     */
    private boolean mayHaveBeenRewritten(BlendFrame frame) {
        if (frame == null || frame == preview.afterProperty().get()) {
            return false;
        }
        boolean stable = frame.base().stable() && (frame.over() == null || frame.over().stable());
        boolean source = session.current() != null && frame.over() == null && frame.base() == session.current().before();
        return !stable && !source;
    }
}
