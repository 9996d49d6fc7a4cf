package app.retone.ui.histogram;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/**
 * The histogram cloud drawn by the app itself, for displays where JavaFX has no 3D pipeline: the
 * picture of {@link CloudRasterizer} on a canvas, at the screen's own pixel density ({@link RasterCanvas}).
 *
 * <p>Any number of changes between two frames (a drag sends several mouse events a frame) draw
 * once, on the next frame; a new size draws at once, during layout, so the panel never shows a
 * stretched or empty frame. On the FX thread: drawing is this view's work, like any canvas's
 * (a few milliseconds, see {@link CloudRasterizer}); the points come ready from the background.
 */
final class CloudCanvas implements CloudDrawing {

    private final CloudCamera camera;
    private final RasterCanvas canvas = new RasterCanvas();
    private final CloudRasterizer rasterizer = new CloudRasterizer();
    private final AnimationTimer nextFrame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            draw();
        }
    };
    private HistogramCloud cloud = HistogramCloud.empty();
    private boolean drawPending;
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
        drawNextFrame();
    }

    @Override
    public void clear() {
        cloud = HistogramCloud.empty();
        drawNextFrame();
    }

    @Override
    public void viewChanged() {
        drawNextFrame();
    }

    @Override
    public void resize(double width, double height) {
        canvas.relocate(0, 0);
        if (canvas.setSize(width, height)) {
            draw();
        }
    }

    /** How many times the cloud was drawn: one per frame that changed, whatever the events in between. */
    long frames() {
        return frames;
    }

    private void drawNextFrame() {
        if (!drawPending) {
            drawPending = true;
            nextFrame.start();
        }
    }

    private void draw() {
        drawPending = false;
        nextFrame.stop();
        canvas.paint((width, height) -> rasterizer.render(cloud, camera.projection(width, height), width, height));
        frames++;
    }
}
