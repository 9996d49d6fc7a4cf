package app.retone.ui.photo;

import app.retone.ui.editor.CompareMode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
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
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1);
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting", true);
    private final ReadOnlyObjectWrapper<Rectangle2D> visibleRegion = new ReadOnlyObjectWrapper<>(this, "visibleRegion");
    private Image detailBefore;
    private Image detailAfter;
    private Image detailAfterOver;
    private Rectangle2D detailRegion;

    private double photoWidth = 1;
    private double photoHeight = 1;
    private double centerX = 0.5;
    private double centerY = 0.5;

    private final Pane mainPort = new Pane();
    private final Pane secondPort = new Pane();
    private final ImageView mainImage = new ImageView();
    private final ImageView splitImage = new ImageView();
    private final ImageView secondImage = new ImageView();
    private final ImageView mainDetail = new ImageView();
    private final ImageView splitDetail = new ImageView();
    private final ImageView secondDetail = new ImageView();
    /** Over each view that can show the result: the second image of its blend. */
    private final ImageView mainOver = new ImageView();
    private final ImageView splitOver = new ImageView();
    private final ImageView secondOver = new ImageView();
    private final ImageView mainDetailOver = new ImageView();
    private final ImageView splitDetailOver = new ImageView();
    private final ImageView secondDetailOver = new ImageView();
    private final ImageView[] photoViews = {mainImage, mainOver, splitImage, splitOver, secondImage, secondOver};
    private final ImageView[] detailViews = {mainDetail, mainDetailOver, splitDetail, splitDetailOver, secondDetail,
            secondDetailOver};
    private final Group splitLayer = new Group(splitImage, splitOver, splitDetail, splitDetailOver);
    private final Rectangle mainClip = new Rectangle();
    private final Rectangle secondClip = new Rectangle();
    private final Rectangle splitClip = new Rectangle();
    private final Region divider = new Region();
    private final Label leftTag = tag("Before");
    private final Label rightTag = tag("After");
    private final Label placeholder = new Label("Open a photo (Ctrl+O) or drop one here");

    private Point2D dragFrom;

    public PhotoView() {
        getStyleClass().add("photo-view");
        setId("photo-view");
        for (ImageView[] views : new ImageView[][] {photoViews, detailViews}) {
            for (ImageView view : views) {
                view.setSmooth(true);
                view.setPreserveRatio(false);
            }
        }
        for (ImageView over : new ImageView[] {mainOver, splitOver, secondOver}) {
            over.opacityProperty().bind(afterOpacity);
            over.setMouseTransparent(true);
        }
        for (ImageView over : new ImageView[] {mainDetailOver, splitDetailOver, secondDetailOver}) {
            over.opacityProperty().bind(detailOpacity);
            over.setMouseTransparent(true);
        }
        mainOver.setId("photo-main-over");
        splitOver.setId("photo-split-over");
        secondOver.setId("photo-second-over");
        mainDetailOver.setId("detail-main-over");
        splitDetailOver.setId("detail-split-over");
        secondDetailOver.setId("detail-second-over");
        mainDetail.setId("detail-main");
        splitDetail.setId("detail-split");
        secondDetail.setId("detail-second");
        mainImage.setId("photo-main");
        splitImage.setId("photo-split");
        secondImage.setId("photo-second");
        mainPort.setClip(mainClip);
        secondPort.setClip(secondClip);
        splitLayer.setClip(splitClip);
        splitLayer.setManaged(false);
        mainPort.getChildren().addAll(mainImage, mainOver, mainDetail, mainDetailOver, splitLayer);
        secondPort.getChildren().addAll(secondImage, secondOver, secondDetail, secondDetailOver);
        divider.getStyleClass().add("split-divider");
        divider.setId("split-divider");
        divider.setCursor(Cursor.H_RESIZE);
        placeholder.getStyleClass().add("photo-placeholder");
        getChildren().addAll(mainPort, secondPort, divider, leftTag, rightTag, placeholder);

        before.addListener((o, a, b) -> refresh());
        after.addListener((o, a, b) -> refresh());
        afterOver.addListener((o, a, b) -> refresh());
        mode.addListener((o, a, b) -> {
            if (fitting.get()) {
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
                if (fitting.get()) {
                    zoomAround(1.0, e.getX(), e.getY());
                } else {
                    fit();
                }
            }
        });
        divider.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            Point2D local = sceneToLocal(e.getSceneX(), e.getSceneY());
            split.set(Math.max(0, Math.min(1, local.getX() / Math.max(1, getWidth()))));
            e.consume();
        });
        divider.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        refresh();
    }

    private static Label tag(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-tag");
        label.setMouseTransparent(true);
        return label;
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
        return zoom.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** The part of the photo in view (of one half, side by side), in full-resolution pixels. */
    public ReadOnlyObjectProperty<Rectangle2D> visibleRegionProperty() {
        return visibleRegion.getReadOnlyProperty();
    }

    /** True when the zoom shows more pixels than the display copy has: full-resolution detail would be sharper. */
    public boolean needsDetail() {
        Image image = before.get();
        return image != null && deviceZoom() > image.getWidth() / photoWidth * 1.05;
    }

    /** Device pixels per full-resolution photo pixel: the zoom times the screen's output scale (HiDPI). */
    public double deviceZoom() {
        double deviceScale = getScene() == null || getScene().getWindow() == null
                ? 1 : Math.max(1, getScene().getWindow().getOutputScaleX());
        return zoom.get() * deviceScale;
    }

    /**
     * Shows full-resolution pixels for a region of the photo (x, y, width, height in photo
     * pixels) over the display copy: the original, and the result as {@code result} with {@code
     * resultOver} drawn on it at {@code overOpacity}; nulls remove it.
     */
    public void setDetail(Image original, Image result, Image resultOver, double overOpacity, Rectangle2D region) {
        detailOpacity.set(resultOver == null ? 0 : overOpacity);
        if (original == detailBefore && result == detailAfter && resultOver == detailAfterOver
                && java.util.Objects.equals(region, detailRegion)) {
            return; // only the mix changed
        }
        detailBefore = original;
        detailAfter = result;
        detailAfterOver = resultOver;
        detailRegion = region;
        refresh();
    }

    /** The full-resolution size of the photo shown (the images may be smaller copies). Fits it to the window. */
    public void setPhotoSize(double width, double height) {
        boolean same = width == photoWidth && height == photoHeight;
        photoWidth = Math.max(1, width);
        photoHeight = Math.max(1, height);
        if (!same) {
            fit();
        }
    }

    /** The photo point at the centre of the view, in full-resolution pixels. */
    public Point2D center() {
        return new Point2D(centerX * photoWidth, centerY * photoHeight);
    }

    public void fit() {
        fitting.set(true);
        centerX = 0.5;
        centerY = 0.5;
        zoom.set(fitZoom());
        requestLayout();
    }

    /** Zooms to {@code newZoom}, keeping the photo point under the view's centre. */
    public void setZoom(double newZoom) {
        zoomAround(newZoom, portWidth() / 2, getHeight() / 2);
    }

    public void zoomIn() {
        setZoom(zoom.get() * 1.25);
    }

    public void zoomOut() {
        setZoom(zoom.get() / 1.25);
    }

    /** Zoom about a point of this view (e.g. the cursor): the photo point under it stays put. */
    public void zoomAround(double newZoom, double x, double y) {
        double z = Math.max(Math.min(MIN_ZOOM, fitZoom()), Math.min(MAX_ZOOM, newZoom));
        double portX = x >= portWidth() + GAP && mode.get() == CompareMode.SIDE_BY_SIDE ? x - portWidth() - GAP : x;
        double old = zoom.get();
        double px = centerX * photoWidth + (portX - portWidth() / 2) / old;
        double py = centerY * photoHeight + (y - getHeight() / 2) / old;
        centerX = (px - (portX - portWidth() / 2) / z) / photoWidth;
        centerY = (py - (y - getHeight() / 2) / z) / photoHeight;
        zoom.set(z);
        fitting.set(false);
        clampCenter();
        requestLayout();
    }

    /** Moves the photo by a screen offset (a drag). */
    public void panBy(double dx, double dy) {
        centerX -= dx / zoom.get() / photoWidth;
        centerY -= dy / zoom.get() / photoHeight;
        fitting.set(false);
        clampCenter();
        requestLayout();
    }

    // ---- behaviour ------------------------------------------------------------------------

    private void onScroll(ScrollEvent e) {
        if (before.get() == null || e.getDeltaY() == 0) {
            return;
        }
        zoomAround(zoom.get() * Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
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

    private void clampCenter() {
        centerX = Math.max(0, Math.min(1, centerX));
        centerY = Math.max(0, Math.min(1, centerY));
    }

    private double portWidth() {
        double w = getWidth();
        return mode.get() == CompareMode.SIDE_BY_SIDE ? Math.max(1, (w - GAP) / 2) : Math.max(1, w);
    }

    private double fitZoom() {
        double w = portWidth();
        double h = Math.max(1, getHeight());
        if (getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        // "fit" never enlarges: a small photo is shown at 100 %, sharp
        return Math.min(1, Math.min(w / photoWidth, h / photoHeight));
    }

    /** Which image goes where, for the mode. */
    private void refresh() {
        Image originalImage = before.get();
        Image result = after.get() != null ? after.get() : originalImage;
        boolean empty = originalImage == null;
        placeholder.setVisible(empty);
        CompareMode m = mode.get();
        // a blend's second image shows only where the result does, and only with its own base
        Image over = after.get() != null ? afterOver.get() : null;
        boolean original = showOriginal.get();
        switch (m) {
            case RESULT -> {
                mainImage.setImage(original ? originalImage : result);
                splitImage.setImage(null);
                secondImage.setImage(null);
                leftTag.setText(original ? "Original" : "");
            }
            case SIDE_BY_SIDE -> {
                mainImage.setImage(originalImage);
                splitImage.setImage(null);
                secondImage.setImage(showOriginal.get() ? originalImage : result);
                leftTag.setText("Before");
                rightTag.setText("After");
            }
            case SPLIT -> {
                mainImage.setImage(originalImage);
                splitImage.setImage(showOriginal.get() ? originalImage : result);
                secondImage.setImage(null);
                leftTag.setText("Before");
                rightTag.setText("After");
            }
        }
        mainOver.setImage(m == CompareMode.RESULT && !original ? over : null);
        splitOver.setImage(m == CompareMode.SPLIT && !original ? over : null);
        secondOver.setImage(m == CompareMode.SIDE_BY_SIDE && !original ? over : null);
        boolean hasDetail = detailRegion != null && detailBefore != null;
        Image detailResult = detailAfter != null ? detailAfter : detailBefore;
        Image detailOver = hasDetail && detailAfter != null ? detailAfterOver : null;
        mainDetail.setImage(!hasDetail ? null : m == CompareMode.RESULT && !original ? detailResult : detailBefore);
        splitDetail.setImage(!hasDetail || m != CompareMode.SPLIT ? null : original ? detailBefore : detailResult);
        secondDetail.setImage(!hasDetail || m != CompareMode.SIDE_BY_SIDE ? null : original ? detailBefore : detailResult);
        mainDetailOver.setImage(m == CompareMode.RESULT && !original ? detailOver : null);
        splitDetailOver.setImage(m == CompareMode.SPLIT && !original ? detailOver : null);
        secondDetailOver.setImage(m == CompareMode.SIDE_BY_SIDE && !original ? detailOver : null);
        secondPort.setVisible(m == CompareMode.SIDE_BY_SIDE);
        divider.setVisible(m == CompareMode.SPLIT && !empty);
        leftTag.setVisible(!empty && !leftTag.getText().isEmpty());
        rightTag.setVisible(!empty && m != CompareMode.RESULT);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (fitting.get()) {
            zoom.set(fitZoom());
        }
        double pw = portWidth();
        mainPort.resizeRelocate(0, 0, pw, h);
        mainClip.setWidth(pw);
        mainClip.setHeight(h);
        secondPort.resizeRelocate(pw + GAP, 0, pw, h);
        secondClip.setWidth(pw);
        secondClip.setHeight(h);

        double z = zoom.get();
        double imageW = photoWidth * z;
        double imageH = photoHeight * z;
        double x = Math.round(pw / 2 - centerX * photoWidth * z);
        double y = Math.round(h / 2 - centerY * photoHeight * z);
        for (ImageView view : photoViews) {
            view.setFitWidth(imageW);
            view.setFitHeight(imageH);
            view.relocate(x, y);
        }
        boolean crisp = z >= 2; // from 200 % on, show the pixels themselves, not a blur of them
        for (ImageView view : detailViews) {
            if (detailRegion != null) {
                view.setFitWidth(detailRegion.getWidth() * z);
                view.setFitHeight(detailRegion.getHeight() * z);
                view.relocate(x + detailRegion.getMinX() * z, y + detailRegion.getMinY() * z);
            }
            view.setSmooth(!crisp);
        }
        double splitX = Math.round(split.get() * w);
        splitClip.setX(splitX);
        splitClip.setY(0);
        splitClip.setWidth(Math.max(0, w - splitX));
        splitClip.setHeight(h);
        double visibleW = pw / z;
        double visibleH = h / z;
        double left = Math.max(0, centerX * photoWidth - visibleW / 2);
        double top = Math.max(0, centerY * photoHeight - visibleH / 2);
        Rectangle2D region = new Rectangle2D(left, top, Math.max(1, Math.min(photoWidth, left + visibleW) - left),
                Math.max(1, Math.min(photoHeight, top + visibleH) - top));
        if (!region.equals(visibleRegion.get())) {
            visibleRegion.set(region);
        }
        divider.resizeRelocate(splitX - 3, 0, 6, h);

        double pad = 10;
        leftTag.autosize();
        rightTag.autosize();
        leftTag.relocate(pad, pad);
        rightTag.relocate(mode.get() == CompareMode.SIDE_BY_SIDE ? pw + GAP + pad : w - rightTag.getWidth() - pad, pad);
        placeholder.autosize();
        placeholder.relocate((w - placeholder.getWidth()) / 2, (h - placeholder.getHeight()) / 2);
    }
}
