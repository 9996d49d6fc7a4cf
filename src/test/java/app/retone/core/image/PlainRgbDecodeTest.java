package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain 8-bit RGB JPEG (no profile) may be decoded into ints and made ARGB where it lies, when
 * Java's free room is short: the pixels are the ones the decoder gives in its own three-byte
 * form, whole and reduced, whichever form is taken.
 */
class PlainRgbDecodeTest {

    @TempDir
    Path dir;

    private static int[] asDecoderGivesThem(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType(), "the decoder's own form of a plain RGB photo");
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int[] decoded(Path file, boolean intoInts, int minLongSide) throws Exception {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            DecodedImage decoded = PhotoDecoder.decode(file, in, ImageLimits.DEFAULT, new ArrayList<>(), minLongSide,
                    pixels -> intoInts);
            assertEquals(intoInts ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_3BYTE_BGR, decoded.image().getType());
            return PixelConversion.toArgb(decoded.image()).argb();
        }
    }

    private Path jpeg(String name, int width, int height, long seed) throws Exception {
        BufferedImage image = TestImages.fromArgb(SyntheticPhoto.landscape(width, height, seed).argb(), width, height, false);
        return TestImages.write(dir.resolve(name), TestImages.jpeg(image, 0.9f));
    }

    @Test
    void aJpegsPixelsAreTheDecodersOwnInEitherForm() throws Exception {
        Path jpeg = jpeg("plain.jpg", 640, 427, 11);
        int[] own = asDecoderGivesThem(jpeg);
        assertArrayEquals(own, decoded(jpeg, true, 0), "decoded into ints");
        assertArrayEquals(own, decoded(jpeg, false, 0), "decoded into three bytes");
        assertArrayEquals(own, new PhotoLoader().load(jpeg).argb(), "as the loader gives them");
    }

    @Test
    void aReducedJpegIsEveryNthOfTheDecodersPixelsInEitherForm() throws Exception {
        Path jpeg = jpeg("reduced.jpg", 900, 600, 13);
        int[] whole = asDecoderGivesThem(jpeg);
        for (boolean intoInts : new boolean[] {true, false}) {
            int[] reduced = decoded(jpeg, intoInts, 300);
            assertEquals(300 * 200, reduced.length);
            for (int y = 0; y < 200; y += 7) {
                for (int x = 0; x < 300; x += 5) {
                    assertEquals(whole[3 * y * 900 + 3 * x], reduced[y * 300 + x], "pixel " + x + ", " + y + (intoInts ? ", ints" : ""));
                }
            }
        }
    }

    @Test
    void aTruncatedJpegShowsTheSameInEitherForm() throws Exception {
        Path whole = jpeg("whole.jpg", 640, 480, 14);
        byte[] bytes = java.nio.file.Files.readAllBytes(whole);
        Path cut = TestImages.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        int[] intoInts = decoded(cut, true, 0);
        assertArrayEquals(decoded(cut, false, 0), intoInts, "the rows the file lacks are filled alike");
        assertEquals(intoInts[0], decoded(whole, true, 0)[0], "the top, which the file holds, is the photo's");
    }

    @Test
    void intsAreTakenOnlyWhenJavasFreeRoomIsShort() {
        assertFalse(PhotoDecoder.memoryIsShort(1), "a pixel always fits");
        assertTrue(PhotoDecoder.memoryIsShort(Runtime.getRuntime().maxMemory()), "a photo of as many pixels as Java has bytes never does");
    }
}
