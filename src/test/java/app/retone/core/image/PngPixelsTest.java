package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The quick decoder of thumbnail PNGs, against ImageIO and against rows filtered each of PNG's five ways. */
class PngPixelsTest {

    /** Noise over a gradient, with transparency: every filter has something to do. */
    private static int[] pixels(int w, int h, boolean alpha) {
        Random random = new Random(5);
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = alpha ? (x * 7 + y * 3) & 0xFF : 0xFF;
                argb[y * w + x] = a << 24 | ((x * 255 / w + random.nextInt(9)) & 0xFF) << 16
                        | ((y * 255 / h + random.nextInt(9)) & 0xFF) << 8 | random.nextInt(256);
            }
        }
        return argb;
    }

    @Test
    void decodesWhatImageIoWritesExactly() throws Exception {
        for (boolean alpha : new boolean[] {true, false}) {
            int[] argb = pixels(256, 171, alpha);
            BufferedImage image = new BufferedImage(256, 171, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 256, 171, argb, 0, 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);

            assertArrayEquals(argb, PngPixels.decode(out.toByteArray()), alpha ? "RGBA" : "RGB");
        }
    }

    @Test
    void undoesEachOfTheFiveFilters() throws Exception {
        int w = 37;
        int h = 25;
        for (int channels : new int[] {3, 4}) {
            int[] argb = pixels(w, h, channels == 4);
            byte[] png = filtered(argb, w, h, channels);

            assertArrayEquals(argb, PngPixels.decode(png), channels + " channels");
        }
    }

    @Test
    void otherKindsAreLeftToImageIoAndDamagedDataIsRefused() throws Exception {
        BufferedImage grey = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", out);
        assertNull(PngPixels.decode(out.toByteArray()), "grey: ImageIO's");

        byte[] png = filtered(pixels(37, 25, true), 37, 25, 4);
        byte[] shorter = filtered(pixels(37, 24, true), 37, 24, 4);
        ByteBuffer.wrap(shorter).putInt(20, 25); // claims a row more than its data holds
        fixHeaderCrc(shorter);
        assertThrows(IOException.class, () -> PngPixels.decode(shorter));
        byte[] longer = filtered(pixels(37, 26, true), 37, 26, 4);
        ByteBuffer.wrap(longer).putInt(20, 25); // holds a row more than it claims
        fixHeaderCrc(longer);
        assertThrows(IOException.class, () -> PngPixels.decode(longer));
        assertArrayEquals(ImageIO.read(new ByteArrayInputStream(png)).getRGB(0, 0, 37, 25, null, 0, 37), PngPixels.decode(png));
    }

    /** A PNG whose row y is filtered with filter y mod 5 (none, sub, up, average, Paeth). */
    private static byte[] filtered(int[] argb, int w, int h, int channels) throws IOException {
        int stride = w * channels;
        byte[][] rows = new byte[h][stride];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                rows[y][x * channels] = (byte) (p >> 16);
                rows[y][x * channels + 1] = (byte) (p >> 8);
                rows[y][x * channels + 2] = (byte) p;
                if (channels == 4) {
                    rows[y][x * channels + 3] = (byte) (p >>> 24);
                }
            }
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            int filter = y % 5;
            raw.write(filter);
            for (int i = 0; i < stride; i++) {
                int x = rows[y][i] & 0xFF;
                int a = i >= channels ? rows[y][i - channels] & 0xFF : 0;
                int b = y > 0 ? rows[y - 1][i] & 0xFF : 0;
                int c = y > 0 && i >= channels ? rows[y - 1][i - channels] & 0xFF : 0;
                int predicted = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    default -> {
                        int p = a + b - c;
                        int pa = Math.abs(p - a);
                        int pb = Math.abs(p - b);
                        int pc = Math.abs(p - c);
                        yield pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    }
                };
                raw.write((x - predicted) & 0xFF);
            }
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            raw.writeTo(z);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        PngText.writeChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h)
                .put(new byte[] {8, (byte) (channels == 4 ? 6 : 2), 0, 0, 0}).array());
        byte[] data = idat.toByteArray();
        int half = data.length / 2; // the data in two chunks, as encoders split it
        PngText.writeChunk(png, "IDAT", java.util.Arrays.copyOfRange(data, 0, half));
        PngText.writeChunk(png, "IDAT", java.util.Arrays.copyOfRange(data, half, data.length));
        PngText.writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }


    private static void fixHeaderCrc(byte[] png) {
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
    }
}
