package app.retone.ui;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/** Photo files for the app's tests, generated: a colourful scene with a warm cast to fix, and a broken file. */
public final class UiFixtures {

    private UiFixtures() {
    }

    /** A {@code width × height} JPEG of a generated landscape with a warm, faded cast. */
    public static Path castPhoto(Path dir, String name, int width, int height, long seed) throws IOException {
        int[] argb = SyntheticPhoto.landscape(width, height, seed).argb();
        int[] cast = Pixels.cast(argb, new double[] {0.85, 0.1, 0.0, 0.05, 0.8, 0.05, 0.0, 0.1, 0.6},
                new double[] {30, 20, 10});
        return TestImages.write(dir.resolve(name), TestImages.jpeg(TestImages.fromArgb(cast, width, height, false), 0.92f));
    }

    /** {@link #castPhoto}'s scene as a PNG whose left half is half transparent (a cut-out). */
    public static Path cutoutPhoto(Path dir, String name, int width, int height, long seed) throws IOException {
        int[] argb = SyntheticPhoto.landscape(width, height, seed).argb();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width / 2; x++) {
                argb[y * width + x] = argb[y * width + x] & 0x00FFFFFF | 0x80000000;
            }
        }
        int[] cast = Pixels.cast(argb, new double[] {0.85, 0.1, 0.0, 0.05, 0.8, 0.05, 0.0, 0.1, 0.6},
                new double[] {30, 20, 10});
        return TestImages.write(dir.resolve(name), TestImages.fromArgb(cast, width, height, true), "png");
    }

    /** A generated landscape without a cast, as PNG: a reference look. */
    public static Path cleanPhoto(Path dir, String name, int width, int height, long seed) throws IOException {
        int[] argb = SyntheticPhoto.landscape(width, height, seed).argb();
        return TestImages.write(dir.resolve(name), TestImages.fromArgb(argb, width, height, false), "png");
    }

    /** Random bytes behind a JPEG's first marker: a file that claims to be a photo and is not. */
    public static Path brokenJpeg(Path dir, String name) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(11).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return TestImages.write(dir.resolve(name), bytes);
    }
}
