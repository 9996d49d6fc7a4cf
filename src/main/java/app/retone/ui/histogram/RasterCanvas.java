package app.retone.ui.histogram;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

/**
 * A canvas that shows a picture computed pixel by pixel, one raster pixel per device pixel (sharp
 * on a HiDPI screen): the surface of both software-drawn histograms.
 */
final class RasterCanvas extends Canvas {

    /** Computes the picture for a raster of the given size in device pixels: opaque 0xAARRGGBB, row by row. */
    @FunctionalInterface
    interface Picture {
        int[] render(int width, int height);
    }

    private WritableImage image;

    RasterCanvas() {
        setManaged(false);
        setMouseTransparent(true);
    }

    /** Draws {@code picture} over the whole canvas, replacing what was there. */
    void paint(Picture picture) {
        double width = getWidth();
        double height = getHeight();
        getGraphicsContext2D().clearRect(0, 0, width, height);
        double scale = renderScale();
        int pixelsWide = (int) Math.ceil(width * scale);
        int pixelsHigh = (int) Math.ceil(height * scale);
        if (pixelsWide <= 0 || pixelsHigh <= 0) {
            return;
        }
        int[] raster = picture.render(pixelsWide, pixelsHigh);
        if (image == null || image.getWidth() != pixelsWide || image.getHeight() != pixelsHigh) {
            image = new WritableImage(pixelsWide, pixelsHigh);
        }
        image.getPixelWriter().setPixels(0, 0, pixelsWide, pixelsHigh, PixelFormat.getIntArgbPreInstance(), raster, 0,
                pixelsWide);
        getGraphicsContext2D().drawImage(image, 0, 0, pixelsWide / scale, pixelsHigh / scale);
    }

    /** Sets the size; whether it changed. */
    boolean setSize(double width, double height) {
        if (width == getWidth() && height == getHeight()) {
            return false;
        }
        setWidth(width);
        setHeight(height);
        return true;
    }

    /** Device pixels per layout unit where the canvas shows (1 before it is in a window). */
    private double renderScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1 : Math.max(1, window.getRenderScaleX());
    }
}
