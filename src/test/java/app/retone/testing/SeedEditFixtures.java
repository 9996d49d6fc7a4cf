package app.retone.testing;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The seed project's own random edit, run step by step on three small real photos
 * ({@code src/test/resources/app/retone/core/edit/seed-edits/}, see its README): six cases, each
 * with the photo and the image after each step.
 */
public final class SeedEditFixtures {

    public static final int CASES = 6;
    public static final String[] STEPS = {"0-input", "1-contrast", "2-gamma", "3-hsv", "4-spill"};

    private SeedEditFixtures() {
    }

    /** A case's image after a step (0 = the photo): raw samples, not colour-converted (the photos carry an ICC profile). */
    public static Image image(int caseIndex, int step) {
        try (InputStream in = open("case" + caseIndex + "-" + STEPS[step] + ".png")) {
            BufferedImage image = ImageIO.read(in);
            Raster raster = image.getRaster();
            int w = image.getWidth();
            int h = image.getHeight();
            int[] argb = new int[w * h];
            int[] s = new int[raster.getNumBands()];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    raster.getPixel(x, y, s);
                    argb[y * w + x] = 0xFF000000 | s[0] << 16 | s[1] << 8 | s[2];
                }
            }
            return new Image(w, h, argb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream open(String name) {
        InputStream in = SeedEditFixtures.class.getResourceAsStream("/app/retone/core/edit/seed-edits/" + name);
        if (in == null) {
            throw new IllegalStateException("missing seed-edit fixture " + name);
        }
        return in;
    }

    public record Image(int width, int height, int[] argb) {
    }
}
