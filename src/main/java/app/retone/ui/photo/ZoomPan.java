package app.retone.ui.photo;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where the photo sits in a port (the view, or one half of it side by side): the zoom (screen
 * pixels per full-resolution photo pixel), whether it fits, and the photo point at the port's
 * centre. Plain arithmetic on the full-resolution size; the port's size is given with each call,
 * so one model serves both halves side by side, in step.
 */
final class ZoomPan {

    private final ReadOnlyDoubleWrapper zoom;
    private final ReadOnlyBooleanWrapper fitting;
    private double photoWidth = 1;
    private double photoHeight = 1;
    /** The photo point at the port's centre, as fractions of the photo's width and height. */
    private double centerX = 0.5;
    private double centerY = 0.5;

    /** @param bean the properties' bean (the view they describe) */
    ZoomPan(Object bean) {
        zoom = new ReadOnlyDoubleWrapper(bean, "zoom", 1);
        fitting = new ReadOnlyBooleanWrapper(bean, "fitting", true);
    }

    ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    double zoom() {
        return zoom.get();
    }

    boolean isFitting() {
        return fitting.get();
    }

    double photoWidth() {
        return photoWidth;
    }

    double photoHeight() {
        return photoHeight;
    }

    /** The full-resolution size (at least 1 × 1); true when it changed. */
    boolean setPhotoSize(double width, double height) {
        boolean same = width == photoWidth && height == photoHeight;
        photoWidth = Math.max(1, width);
        photoHeight = Math.max(1, height);
        return !same;
    }

    /** The photo point at the port's centre, in full-resolution pixels. */
    Point2D center() {
        return new Point2D(centerX * photoWidth, centerY * photoHeight);
    }

    /** The zoom that shows the whole photo in a port of this size; "fit" never enlarges, a small photo is shown at 100 %. */
    double fitZoom(double portWidth, double portHeight) {
        return Math.min(1, Math.min(portWidth / photoWidth, portHeight / photoHeight));
    }

    /** Fits at {@code fitZoom}, centred. */
    void fit(double fitZoom) {
        fitting.set(true);
        centerX = 0.5;
        centerY = 0.5;
        zoom.set(fitZoom);
    }

    /** While fitting, follows a new fit zoom (the port changed size). */
    void refit(double fitZoom) {
        if (fitting.get()) {
            zoom.set(fitZoom);
        }
    }

    /**
     * Zooms to {@code newZoom} (kept within {@code minZoom} and {@code maxZoom}) so that the photo
     * point {@code dx, dy} screen pixels from the port's centre stays there.
     */
    void zoomAround(double newZoom, double minZoom, double maxZoom, double dx, double dy) {
        double z = Math.max(minZoom, Math.min(maxZoom, newZoom));
        double old = zoom.get();
        double px = centerX * photoWidth + dx / old;
        double py = centerY * photoHeight + dy / old;
        centerX = (px - dx / z) / photoWidth;
        centerY = (py - dy / z) / photoHeight;
        zoom.set(z);
        fitting.set(false);
        clampCenter();
    }

    /** Moves the photo by a screen offset (a drag). */
    void panBy(double dx, double dy) {
        centerX -= dx / zoom.get() / photoWidth;
        centerY -= dy / zoom.get() / photoHeight;
        fitting.set(false);
        clampCenter();
    }

    private void clampCenter() {
        centerX = Math.max(0, Math.min(1, centerX));
        centerY = Math.max(0, Math.min(1, centerY));
    }

    /** Where the photo's left edge is drawn in a port this wide, in whole screen pixels. */
    double imageX(double portWidth) {
        return Math.round(portWidth / 2 - centerX * photoWidth * zoom.get());
    }

    /** Where the photo's top edge is drawn in a port this high, in whole screen pixels. */
    double imageY(double portHeight) {
        return Math.round(portHeight / 2 - centerY * photoHeight * zoom.get());
    }

    /** The part of the photo in a port of this size, in full-resolution pixels (at least 1 × 1). */
    Rectangle2D visibleRegion(double portWidth, double portHeight) {
        double z = zoom.get();
        double visibleW = portWidth / z;
        double visibleH = portHeight / z;
        double left = Math.max(0, centerX * photoWidth - visibleW / 2);
        double top = Math.max(0, centerY * photoHeight - visibleH / 2);
        return new Rectangle2D(left, top, Math.max(1, Math.min(photoWidth, left + visibleW) - left),
                Math.max(1, Math.min(photoHeight, top + visibleH) - top));
    }
}
