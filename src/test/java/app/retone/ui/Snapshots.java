package app.retone.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** What a person would see: snapshots of nodes as pixels, taken on the FX thread. */
public final class Snapshots {

    /** A snapshot's pixels, 0xAARRGGBB, with its size. */
    public record Shot(int width, int height, int[] argb) {
        public int at(int x, int y) {
            return argb[y * width + x];
        }
    }

    private Snapshots() {
    }

    public static Shot of(Node node) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        return pixels(image);
    }

    static Shot pixels(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Shot(w, h, argb);
    }

    /** Saves a node's snapshot under target/screenshots, for a person to look at. */
    static Path save(Node node, String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Path out = Path.of("target", "screenshots", name);
        Files.createDirectories(out.getParent());
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
        } catch (IOException e) {
            throw new IOException("could not save " + out, e);
        }
        return out;
    }

    /** Pixels whose strongest channel beats the weakest by {@code margin}: coloured, not grey or black. */
    static int colouredPixels(Shot shot, int margin) {
        int n = 0;
        for (int p : shot.argb()) {
            int r = p >>> 16 & 0xFF;
            int g = p >>> 8 & 0xFF;
            int b = p & 0xFF;
            if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= margin) {
                n++;
            }
        }
        return n;
    }

    static double meanAbsDiff(Shot a, Shot b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("sizes differ");
        }
        long sum = 0;
        for (int i = 0; i < a.argb().length; i++) {
            int p = a.argb()[i];
            int q = b.argb()[i];
            sum += Math.abs((p >>> 16 & 0xFF) - (q >>> 16 & 0xFF)) + Math.abs((p >>> 8 & 0xFF) - (q >>> 8 & 0xFF))
                    + Math.abs((p & 0xFF) - (q & 0xFF));
        }
        return sum / (3.0 * a.argb().length);
    }
}
