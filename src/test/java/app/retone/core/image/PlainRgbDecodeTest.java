package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.retone.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain 8-bit RGB photo (no profile) is decoded into ints and made ARGB where it lies: the
 * pixels are the ones the decoder gives in its own three-byte form, JPEG and PNG, whole and reduced.
 */
class PlainRgbDecodeTest {

    @TempDir
    Path dir;

    private static int[] asDecoderGivesThem(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType(), "the decoder's own form of a plain RGB photo");
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aJpegsPixelsAreTheDecodersOwn() throws Exception {
        BufferedImage image = TestImages.fromArgb(SyntheticPhoto.landscape(640, 427, 11).argb(), 640, 427, false);
        Path jpeg = TestImages.write(dir.resolve("plain.jpg"), TestImages.jpeg(image, 0.9f));
        Photo photo = new PhotoLoader().load(jpeg);
        assertEquals(640, photo.width());
        assertArrayEquals(asDecoderGivesThem(jpeg), photo.argb());
    }

    @Test
    void aPngsPixelsAreItsOwnValues() throws Exception {
        int[] argb = SyntheticPhoto.landscape(300, 200, 12).argb();
        Path png = TestImages.write(dir.resolve("plain.png"), TestImages.fromArgb(argb, 300, 200, false), "png");
        assertArrayEquals(argb, new PhotoLoader().load(png).argb());
    }

    @Test
    void aReducedJpegIsEveryNthOfTheDecodersPixels() throws Exception {
        BufferedImage image = TestImages.fromArgb(SyntheticPhoto.landscape(900, 600, 13).argb(), 900, 600, false);
        Path jpeg = TestImages.write(dir.resolve("reduced.jpg"), TestImages.jpeg(image, 0.9f));
        int[] whole = asDecoderGivesThem(jpeg);
        Photo reduced = new PhotoLoader().loadReduced(jpeg, 300);
        assertEquals(300, reduced.width());
        for (int y = 0; y < reduced.height(); y += 7) {
            for (int x = 0; x < reduced.width(); x += 5) {
                assertEquals(whole[3 * y * 900 + 3 * x], reduced.argb()[y * 300 + x], "pixel " + x + ", " + y);
            }
        }
    }
}
