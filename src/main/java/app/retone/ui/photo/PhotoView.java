package app.retone.ui.photo;

import app.retone.ui.editor.CompareMode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The photo, before and after: fit to the window or at any zoom (100 % = one photo pixel per
 * screen pixel of the full-resolution photo), zoom with the wheel around the cursor, pan by
 * dragging. Three comparison modes: the result alone (or the original while {@link
 * #showOriginalProperty()} is held), side by side with zoom and pan in step, and a split view
 * with a draggable divider.
 *
 * <p>The images are display-sized copies; {@link #setPhotoSize} tells the view the full size so
 * that zoom percentages mean what a photographer expects. The result may be two images, one
 * drawn over the other at an opacity ({@link #setAfter}): the screen mixes them, so changing the
 * mix costs a frame's composition and nothing else.
 *
 * <p>Made of: a {@link ZoomPan} (zoom, fit and centre, shared by both halves side by side), three
 * {@link BlendLayer}s (the places the photo is drawn, each keeping its photo, second image and
 * detail in step) in clipped ports, and the {@link CompareMarks} over them.
 */
public final class PhotoView extends Region {

    public static final double MIN_ZOOM = 0.01;
    public static final double MAX_ZOOM = 16;
    private static final double GAP = 2;

    private final ObjectProperty<Image> before = new SimpleObjectProperty<>(this, "before");
    private final ReadOnlyObjectWrapper<Image> after = new ReadOnlyObjectWrapper<>(this, "after");
    private final ReadOnlyObjectWrapper<Image> afterOver = new ReadOnlyObjectWrapper<>(this, "afterOver");
    private final ReadOnlyDoubleWrapper afterOpacity = new ReadOnlyDoubleWrapper(this, "afterOpacity", 0);
    private final DoubleProperty detailOpacity = new SimpleDoubleProperty(this, "detailOpacity", 0);
    private final ObjectProperty<CompareMode> mode = new SimpleObjectProperty<>(this, "mode", CompareMode.RESULT);
    private final BooleanProperty showOriginal = new SimpleBooleanProperty(this, "showOriginal", false);
    private final DoubleProperty split = new SimpleDoubleProperty(this, "split", 0.5);
    private final ReadOnlyObjectWrapper<Rectangle2D> visibleRegion = new ReadOnlyObjectWrapper<>(this, "visibleRegion");
    private final ZoomPan zoomPan = new ZoomPan(this);
    private BlendLayer.Images detail = BlendLayer.Images.NONE;
    private Rectangle2D detailRegion;

    /** The whole view (the left half side by side, under the split); the split's right part; the right half. */
    private final BlendLayer mainLayer = new BlendLayer("main", afterOpacity, detailOpacity);
    private final BlendLayer splitLayer = new BlendLayer("split", afterOpacity, detailOpacity);
    private final BlendLayer secondLayer = new BlendLayer("second", afterOpacity, detailOpacity);
    private final Pane mainPort = new Pane();
    private final Pane secondPort = new Pane();
    private final Group splitGroup = new Group();
    private final Rectangle mainClip = new Rectangle();
    private final Rectangle secondClip = new Rectangle();
    private final Rectangle splitClip = new Rectangle();
    private final CompareMarks marks = new CompareMarks(this, split);

    private Point2D dragFrom;

    public PhotoView() {
        getStyleClass().add("photo-view");
        setId("photo-view");
        mainPort.setClip(mainClip);
        secondPort.setClip(secondClip);
        splitGroup.setClip(splitClip);
        splitGroup.setManaged(false);
        splitGroup.getChildren().addAll(splitLayer.nodes());
        mainPort.getChildren().addAll(mainLayer.nodes());
        mainPort.getChildren().add(splitGroup);
        secondPort.getChildren().addAll(secondLayer.nodes());
        getChildren().addAll(mainPort, secondPort);
        getChildren().addAll(marks.nodes());

        before.addListener((o, a, b) -> refresh());
        after.addListener((o, a, b) -> refresh());
        afterOver.addListener((o, a, b) -> refresh());
        mode.addListener((o, a, b) -> {
            if (zoomPan.isFitting()) {
                fit();
            }
            refresh();
        });
        showOriginal.addListener((o, a, b) -> refresh());
        split.addListener((o, a, b) -> requestLayout());

        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragFrom = null;
            setCursor(Cursor.DEFAULT);
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            // double-click toggles between fit and 100 % at the cursor
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && before.get() != null) {
                if (zoomPan.isFitting()) {
                    zoomAround(1.0, e.getX(), e.getY());
                } else {
                    fit();
                }
            }
        });
        refresh();
    }

    // ---- API ------------------------------------------------------------------------------

    public ObjectProperty<Image> beforeProperty() {
        return before;
    }

    /** The result; with {@link #afterOverProperty()} at {@link #afterOpacityProperty()} over it, when that is set. */
    public ReadOnlyObjectProperty<Image> afterProperty() {
        return after.getReadOnlyProperty();
    }

    /** The image drawn over the result at {@link #afterOpacityProperty()}, or null (set by {@link #setAfter}). */
    public ReadOnlyObjectProperty<Image> afterOverProperty() {
        return afterOver.getReadOnlyProperty();
    }

    /** 0..1: how much of {@link #afterOverProperty()} shows over {@link #afterProperty()}. */
    public ReadOnlyDoubleProperty afterOpacityProperty() {
        return afterOpacity.getReadOnlyProperty();
    }

    /**
     * The result as {@code base} with {@code over} drawn on it at {@code opacity} (0..1; over may
     * be null): the three always change together, so a second image never sits on another base.
     */
    public void setAfter(Image base, Image over, double opacity) {
        afterOpacity.set(over == null ? 0 : Math.max(0, Math.min(1, opacity)));
        after.set(base);
        afterOver.set(over);
    }

    public ObjectProperty<CompareMode> modeProperty() {
        return mode;
    }

    public BooleanProperty showOriginalProperty() {
        return showOriginal;
    }

    /** Where the split divider stands, 0 (left edge) to 1 (right edge). */
    public DoubleProperty splitProperty() {
        return split;
    }

    /** Screen pixels per full-resolution photo pixel: 1 is 100 %. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoomPan.zoomProperty();
    }

    public ReadOnlyBooleanProperty fittingProperty() {
        return zoomPan.fittingProperty();
    }

    /** The part of the photo in view (of one half, side by side), in full-resolution pixels. */
    public ReadOnlyObjectProperty<Rectangle2D> visibleRegionProperty() {
        return visibleRegion.getReadOnlyProperty();
    }

    /** True when the zoom shows more pixels than the display copy has: full-resolution detail would be sharper. */
    public boolean needsDetail() {
        Image image = before.get();
        return image != null && deviceZoom() > image.getWidth() / zoomPan.photoWidth() * 1.05;
    }

    /** Device pixels per full-resolution photo pixel: the zoom times the screen's output scale (HiDPI). */
    public double deviceZoom() {
        double deviceScale = getScene() == null || getScene().getWindow() == null
                ? 1 : Math.max(1, getScene().getWindow().getOutputScaleX());
        return zoomPan.zoom() * deviceScale;
    }

    /**
     * Shows full-resolution pixels for a region of the photo (x, y, width, height in photo
     * pixels) over the display copy: the original, and the result as {@code result} with {@code
     * resultOver} drawn on it at {@code overOpacity}; nulls remove it.
     */
    public void setDetail(Image original, Image result, Image resultOver, double overOpacity, Rectangle2D region) {
        detailOpacity.set(resultOver == null ? 0 : overOpacity);
        if (original == detail.original() && result == detail.base() && resultOver == detail.over()
                && java.util.Objects.equals(region, detailRegion)) {
            return; // only the mix changed
        }
        detail = new BlendLayer.Images(original, result, resultOver);
        detailRegion = region;
        refresh();
    }

    /** The full-resolution size of the photo shown (the images may be smaller copies). Fits it to the window. */
    public void setPhotoSize(double width, double height) {
        if (zoomPan.setPhotoSize(width, height)) {
            fit();
        }
    }

    /** The photo point at the centre of the view, in full-resolution pixels. */
    public Point2D center() {
        return zoomPan.center();
    }

    public void fit() {
        zoomPan.fit(fitZoom());
        requestLayout();
    }

    /** Zooms to {@code newZoom}, keeping the photo point under the view's centre. */
    public void setZoom(double newZoom) {
        zoomAround(newZoom, portWidth() / 2, getHeight() / 2);
    }

    public void zoomIn() {
        setZoom(zoomPan.zoom() * 1.25);
    }

    public void zoomOut() {
        setZoom(zoomPan.zoom() / 1.25);
    }

    /** Zoom about a point of this view (e.g. the cursor): the photo point under it stays put. */
    public void zoomAround(double newZoom, double x, double y) {
        double portX = x >= portWidth() + GAP && mode.get() == CompareMode.SIDE_BY_SIDE ? x - portWidth() - GAP : x;
        zoomPan.zoomAround(newZoom, Math.min(MIN_ZOOM, fitZoom()), MAX_ZOOM, portX - portWidth() / 2, y - getHeight() / 2);
        requestLayout();
    }

    /** Moves the photo by a screen offset (a drag). */
    public void panBy(double dx, double dy) {
        zoomPan.panBy(dx, dy);
        requestLayout();
    }

    // ---- behaviour ------------------------------------------------------------------------

    private void onScroll(ScrollEvent e) {
        if (before.get() == null || e.getDeltaY() == 0) {
            return;
        }
        zoomAround(zoomPan.zoom() * Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
            dragFrom = new Point2D(e.getX(), e.getY());
            setCursor(Cursor.CLOSED_HAND);
            requestFocus();
        }
    }

    private void onDragged(MouseEvent e) {
        if (dragFrom == null || before.get() == null) {
            return;
        }
        panBy(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
        dragFrom = new Point2D(e.getX(), e.getY());
    }

    private double portWidth() {
        double w = getWidth();
        return mode.get() == CompareMode.SIDE_BY_SIDE ? Math.max(1, (w - GAP) / 2) : Math.max(1, w);
    }

    private double fitZoom() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        return zoomPan.fitZoom(portWidth(), Math.max(1, getHeight()));
    }

    /** Which side of the photo each layer shows, for the mode. */
    private void refresh() {
        CompareMode m = mode.get();
        BlendLayer.Side result = showOriginal.get() ? BlendLayer.Side.ORIGINAL : BlendLayer.Side.RESULT;
        BlendLayer.Images photo = new BlendLayer.Images(before.get(), after.get(), afterOver.get());
        mainLayer.show(m == CompareMode.RESULT ? result : BlendLayer.Side.ORIGINAL, photo, detail, detailRegion);
        splitLayer.show(m == CompareMode.SPLIT ? result : BlendLayer.Side.NOTHING, photo, detail, detailRegion);
        secondLayer.show(m == CompareMode.SIDE_BY_SIDE ? result : BlendLayer.Side.NOTHING, photo, detail, detailRegion);
        secondPort.setVisible(m == CompareMode.SIDE_BY_SIDE);
        marks.show(m, showOriginal.get(), before.get() == null);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        zoomPan.refit(fitZoom());
        double pw = portWidth();
        mainPort.resizeRelocate(0, 0, pw, h);
        mainClip.setWidth(pw);
        mainClip.setHeight(h);
        secondPort.resizeRelocate(pw + GAP, 0, pw, h);
        secondClip.setWidth(pw);
        secondClip.setHeight(h);

        double x = zoomPan.imageX(pw);
        double y = zoomPan.imageY(h);
        for (BlendLayer layer : new BlendLayer[] {mainLayer, splitLayer, secondLayer}) {
            layer.place(x, y, zoomPan.zoom(), zoomPan.photoWidth(), zoomPan.photoHeight());
        }
        double splitX = Math.round(split.get() * w);
        splitClip.setX(splitX);
        splitClip.setY(0);
        splitClip.setWidth(Math.max(0, w - splitX));
        splitClip.setHeight(h);
        Rectangle2D region = zoomPan.visibleRegion(pw, h);
        if (!region.equals(visibleRegion.get())) {
            visibleRegion.set(region);
        }
        marks.layout(w, h, splitX, mode.get() == CompareMode.SIDE_BY_SIDE ? pw + GAP : Double.NaN);
    }
}
