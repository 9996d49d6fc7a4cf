package app.retone.ui.editor;

import app.retone.core.color.StrengthPreview;
import app.retone.core.image.Photo;
import app.retone.core.image.Resample;
import app.retone.core.render.PreviewRender;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Full-resolution pixels of the region in view, for zoom levels the display copy cannot show
 * sharply: rendered in the background as the export renders them (the look, and regrain when it is
 * on, on the photo's full-resolution values: {@link PreviewRender}), reduced to the scale they show
 * at, and repainted at each slider move through their own fast path (the look's correction is
 * linear in strength, regrained or not).
 */
public final class DetailViewModel {

    /** A region of the photo, in photo pixels, and the scale its pixels are rendered at. */
    private record DetailRegion(int x, int y, int width, int height, double scale) {
        int pixelWidth() {
            return Math.max(1, (int) Math.round(width * scale));
        }

        int pixelHeight() {
            return Math.max(1, (int) Math.round(height * scale));
        }
    }

    /** A rendered region: its original pixels, its view at any strength (null without a look), and the result. */
    private record DetailPixels(PreviewFrame original, StrengthView view, BlendFrame result, boolean regrained) {
    }

    private final EditorServices services;
    private final TaskExecutor executor;
    private final Notices notices;
    private final PhotoSession session;
    private final LookViewModel looks;
    private final Adjustments adjustments;
    private final java.util.function.Supplier<app.retone.core.render.Recipe> recipe;

    private final ReadOnlyObjectWrapper<DetailFrame> detail = new ReadOnlyObjectWrapper<>();
    /** The region asked for last, and the fast path for its pixels under the current look. */
    private DetailRegion region;
    private StrengthView detailView;
    private boolean detailRegrained;
    /** The recipe the detail was rendered with when it has adjustments (its view is then that recipe's alone); else null. */
    private app.retone.core.render.Recipe detailFolded;
    private TaskHandle renderWork = TaskHandle.NONE;
    /** The half-size copy of the region's original a drag paints from. */
    private HalfFrame half;

    DetailViewModel(EditorServices services, TaskExecutor executor, Notices notices, PhotoSession session,
                    LookViewModel looks, Adjustments adjustments, java.util.function.Supplier<app.retone.core.render.Recipe> recipe) {
        this.recipe = recipe;
        this.services = services;
        this.executor = executor;
        this.notices = notices;
        this.session = session;
        this.looks = looks;
        this.adjustments = adjustments;
    }

    /** Full-resolution pixels of the region last asked for, or null. */
    public ReadOnlyObjectProperty<DetailFrame> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /**
     * Asks for the pixels of a region of the photo (x, y, width, height in photo pixels) from the
     * full-resolution original, at {@code zoom} screen pixels per photo pixel: for a zoom the
     * display copy cannot show sharply. Below 100 % the region is rendered at the screen's
     * resolution, never more, so its cost follows the view's size, not the photo's. A margin is
     * added so that small pans need nothing new; the answer arrives in {@link #detailProperty()}.
     */
    public void requestDetail(double x, double y, double width, double height, double zoom) {
        if (session.current() == null || !(zoom > 0)) {
            return;
        }
        double scale = Math.min(1.0, zoom);
        DetailFrame shown = detail.get();
        if (shown != null && shown.covers(x, y, width, height) && shown.scale() >= scale * 0.99
                && shown.scale() <= scale * 2) {
            return;
        }
        PreparedPhoto current = session.current();
        double marginX = width * 0.25;
        double marginY = height * 0.25;
        int x0 = (int) Math.max(0, Math.floor(x - marginX));
        int y0 = (int) Math.max(0, Math.floor(y - marginY));
        int x1 = (int) Math.min(current.width(), Math.ceil(x + width + marginX));
        int y1 = (int) Math.min(current.height(), Math.ceil(y + height + marginY));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        region = new DetailRegion(x0, y0, x1 - x0, y1 - y0, scale);
        render();
    }

    /** Back at a zoom the display copy serves: the detail and its buffers are dropped. */
    public void clearDetail() {
        cancelWork();
        region = null;
        detailView = null;
        detailFolded = null;
        detail.set(null);
    }

    void cancelWork() {
        renderWork.cancel();
    }

    /** Another look is on screen: the region is rendered again under it. */
    void lookChanged() {
        detailView = null;
        detailFolded = null;
    }

    /**
     * The detail region at the current settings: through its fast path when there are no
     * adjustments (the look's correction is linear in strength), else rendered again.
     */
    void repaint() {
        DetailFrame shown = detail.get();
        app.retone.core.render.Recipe now = recipe.get();
        if (shown == null || now == null) {
            return;
        }
        if (now.develop().isNeutral() && detailFolded == null && detailView != null) {
            detail.set(shown.withAfter(detailView.at(adjustments.strength()), detailRegrained));
        } else if (!now.equals(detailFolded)) {
            // with adjustments: the coarse LUT on the region's original at once, as the display copy
            // gets it; the export's own pixels of the region follow from the background at rest
            PreviewFrame original = shown.before();
            var lut = now.screenLut(adjustments.adjusting());
            PreviewFrame source = original;
            if (adjustments.adjusting()) { // a drag: the half-size copy, shown scaled, as the display copy is
                half = HalfFrame.of(original, half);
                source = half.frame();
            }
            int[] quick = lut.apply(source.argb(), services.interpolation());
            detail.set(shown.withAfter(BlendFrame.of(new PreviewFrame(source.width(), source.height(), quick,
                    original.opaque(), true)), false));
            if (!adjustments.adjusting()) {
                render();
            }
        }
    }

    /** Renders the region asked for: the original's pixels and the look's fast path for them, regrained when regrain is on. */
    void render() {
        Look look = looks.lookProperty().get();
        DetailRegion asked = region;
        PreparedPhoto current = session.current();
        if (current == null || asked == null) {
            return;
        }
        cancelWork();
        double s = adjustments.strength();
        boolean withRegrain = adjustments.regrain();
        app.retone.core.render.Recipe settings = recipe.get();
        // with adjustments the strength is folded in: the view shows that recipe alone, at 1
        app.retone.core.render.Recipe folded = settings != null && !settings.develop().isNeutral() ? settings : null;
        renderWork = executor.submit(BackgroundTask.<DetailPixels>of("Detail", context -> {
            Photo full = current.fullResolution(context); // decoded again if the photo came prepared
            context.checkCancelled();
            int[] original = Resample.crop(full.argb(), full.width(), full.height(), asked.x(), asked.y(),
                    asked.width(), asked.height(), asked.pixelWidth(), asked.pixelHeight());
            context.checkCancelled();
            int w = asked.pixelWidth();
            int h = asked.pixelHeight();
            PreviewFrame originalFrame = new PreviewFrame(w, h, original, !full.hasAlpha());
            if (look == null) {
                return new DetailPixels(originalFrame, null, BlendFrame.of(originalFrame), false);
            }
            // the export's own pixels of the region, reduced to the scale they show at
            StrengthPreview preview = PreviewRender.of(full, asked.x(), asked.y(), asked.width(), asked.height(), w, h,
                    folded != null ? folded.lut() : look.lut(), withRegrain, services.regrain(), context::checkCancelled);
            context.checkCancelled();
            StrengthView view = StrengthViews.of(originalFrame, preview, context::checkCancelled);
            context.checkCancelled();
            return new DetailPixels(originalFrame, view, view.at(folded != null ? 1.0 : s), withRegrain);
        }).onSuccess(out -> {
            if (current != session.current() || asked != region || look != looks.lookProperty().get()
                    || withRegrain != adjustments.regrain()) {
                return; // asked for something else meanwhile
            }
            detailView = out.view();
            detailRegrained = out.regrained();
            detailFolded = folded;
            detail.set(new DetailFrame(asked.x(), asked.y(), asked.width(), asked.height(), asked.scale(),
                    out.original(), out.result(), out.regrained()));
            if (!java.util.Objects.equals(recipe.get(), settings) && detailView != null) {
                repaint(); // a slider moved while this was rendered
            }
        }).onFailure(error -> failed(current, error)));
    }

    private void failed(PreparedPhoto current, Throwable error) {
        if (current == session.current()) {
            clearDetail();
            notices.notice(Notice.warning("Full-resolution detail unavailable", Notice.reason(error)
                    + "\nThe view shows the display copy instead."));
        }
    }
}
