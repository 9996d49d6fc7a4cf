package app.retone.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The pixels of a PNG of the kind thumbnails are written in, decoded directly: 8 bits per
 * channel, RGB or RGBA, not interlaced (what the thumbnail standard asks for, and what GNOME and
 * Retone write). About three times quicker than ImageIO for a thumbnail, which counts when a
 * folder of a thousand photos opens with its thumbnails cached. Any other kind of PNG gives null,
 * for ImageIO to read; a damaged one an {@link IOException}.
 */
final class PngPixels {

    private PngPixels() {
    }

    /** The pixels, packed ARGB row by row (alpha 255 without an alpha channel); null for a PNG of another kind. */
    static int[] decode(byte[] png) throws IOException {
        PngText.Header header = PngText.header(png);
        int width = header.width();
        int height = header.height();
        int depth = png[24];
        int colourType = png[25];
        if (depth != 8 || (colourType != 2 && colourType != 6) || png[26] != 0 || png[27] != 0 || png[28] != 0
                || width < 1 || height < 1 || (long) width * height > 1 << 22) {
            return null;
        }
        int channels = colourType == 6 ? 4 : 3;
        int stride = width * channels;
        byte[] filtered = inflate(png, height * (stride + 1));
        int[] argb = new int[width * height];
        byte[] previous = new byte[stride];
        byte[] row = new byte[stride];
        for (int y = 0; y < height; y++) {
            int at = y * (stride + 1);
            unfilter(filtered[at], filtered, at + 1, row, previous, channels);
            for (int x = 0, i = 0, o = y * width; x < width; x++, i += channels, o++) {
                int alpha = channels == 4 ? row[i + 3] & 0xFF : 0xFF;
                argb[o] = alpha << 24 | (row[i] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | row[i + 2] & 0xFF;
            }
            byte[] done = previous;
            previous = row;
            row = done;
        }
        return argb;
    }

    /** The image data: every IDAT chunk's bytes in turn, inflated, exactly {@code size} bytes. */
    private static byte[] inflate(byte[] png, int size) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(png);
        byte[] out = new byte[size];
        int filled = 0;
        Inflater inflater = new Inflater();
        try {
            int at = 8;
            while (at + 12 <= png.length) {
                int length = b.getInt(at);
                if (length < 0 || length > png.length - at - 12) {
                    throw new IOException("a PNG chunk claims more bytes than the file holds");
                }
                String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
                if (type.equals("IDAT")) {
                    inflater.setInput(png, at + 8, length);
                    while (!inflater.needsInput() && !inflater.finished()) {
                        // once full, one byte more may only be the stream's end (its checksum read), never data
                        int n = filled < size ? inflater.inflate(out, filled, size - filled) : inflater.inflate(new byte[1]);
                        if (filled == size && n > 0) {
                            throw new IOException("the PNG's image data is longer than its size");
                        }
                        if (n == 0 && inflater.needsDictionary()) {
                            throw new IOException("the PNG's image data asks for a dictionary");
                        }
                        filled += n;
                    }
                } else if (type.equals("IEND")) {
                    break;
                }
                at += 12 + length;
            }
        } catch (DataFormatException e) {
            throw new IOException("the PNG's image data is damaged", e);
        } finally {
            inflater.end();
        }
        if (filled != size) {
            throw new IOException("the PNG's image data is cut short");
        }
        return out;
    }

    /** One row's bytes with its filter undone (PNG's five filters), against the row above. */
    private static void unfilter(byte filter, byte[] data, int from, byte[] row, byte[] above, int bpp) throws IOException {
        int n = row.length;
        switch (filter) {
            case 0 -> System.arraycopy(data, from, row, 0, n);
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = (byte) (data[from + i] + (i >= bpp ? row[i - bpp] : 0));
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    row[i] = (byte) (data[from + i] + above[i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < n; i++) {
                    int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
                    row[i] = (byte) (data[from + i] + ((left + (above[i] & 0xFF)) >>> 1));
                }
            }
            case 4 -> {
                for (int i = 0; i < n; i++) {
                    int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
                    int b = above[i] & 0xFF;
                    int c = i >= bpp ? above[i - bpp] & 0xFF : 0;
                    int p = a + b - c;
                    int pa = Math.abs(p - a);
                    int pb = Math.abs(p - b);
                    int pc = Math.abs(p - c);
                    row[i] = (byte) (data[from + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c));
                }
            }
            default -> throw new IOException("a PNG row has the unknown filter " + filter);
        }
    }
}
