package app.retone.ui.histogram;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The histogram cloud drawn by the app itself, for displays where JavaFX has no 3D pipeline: the
 * picture of {@link CloudRasterizer} on a canvas, at the screen's own pixel density ({@link RasterCanvas}).
 *
 * <p>A change (new points, a turn, a zoom) asks for a layout pass and is drawn in it, so any
 * number of changes between two frames (a drag sends several mouse events a frame) draw once, a
 * new size draws in the same pass, and a snapshot, which lays the scene out first, shows what is
 * current. On the FX thread: drawing is this view's work, like any canvas's (a few milliseconds,
 * see {@link CloudRasterizer}); the points come ready from the background.
 */
final class CloudCanvas implements CloudDrawing {

    private final CloudCamera camera;
    private final RasterCanvas canvas = new RasterCanvas();
    private final CloudRasterizer rasterizer = new CloudRasterizer();
    private HistogramCloud cloud = HistogramCloud.empty();
    private boolean changed = true;
    private long frames;

    CloudCanvas(CloudCamera camera) {
        this.camera = camera;
        canvas.setId("histogram-canvas");
    }

    @Override
    public Node node() {
        return canvas;
    }

    @Override
    public void show(HistogramPoints shown) {
        cloud = shown.cloud();
        changed();
    }

    @Override
    public void clear() {
        cloud = HistogramCloud.empty();
        changed();
    }

    @Override
    public void viewChanged() {
        changed();
    }

    @Override
    public void layout(double width, double height) {
        canvas.relocate(0, 0);
        if (canvas.setSize(width, height) || changed) {
            changed = false;
            canvas.paint((w, h) -> rasterizer.render(cloud, camera.projection(w, h), w, h));
            frames++;
        }
    }

    /** How many times the cloud was drawn: once per layout pass that had a change, whatever the events before it. */
    long frames() {
        return frames;
    }

    private void changed() {
        changed = true;
        Parent view = canvas.getParent();
        if (view != null) {
            view.requestLayout();
        }
    }
}
