package app.retone.core.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG file's text: the key/value pairs of its {@code tEXt}, {@code zTXt} and {@code iTXt}
 * chunks, read from the whole file (wherever they stand, before or after the image data), and
 * {@code tEXt} chunks put into a PNG after its header. Reading checks the file's structure as it
 * goes (the signature, every chunk's length and checksum, the header first, the end), so a cut or
 * damaged file is refused rather than half read.
 */
final class PngText {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Text longer than this is not a thumbnail's key (a compressed chunk is never inflated beyond it). */
    private static final int MAX_TEXT = 1 << 16;

    /** A PNG's header: its size, as the header says. */
    record Header(int width, int height) {
    }

    private PngText() {
    }

    /** The width and height {@code png}'s header gives, checking only that it is there. */
    static Header header(byte[] png) throws IOException {
        if (png.length < 33 || !Arrays.equals(png, 0, 8, SIGNATURE, 0, 8) || !type(png, 12).equals("IHDR")) {
            throw new IOException("not a PNG file");
        }
        ByteBuffer b = ByteBuffer.wrap(png);
        return new Header(b.getInt(16), b.getInt(20));
    }

    /** Every text key of {@code png} and its value (the first one's, for a key written twice). */
    static Map<String, String> read(byte[] png) throws IOException {
        header(png);
        ByteBuffer b = ByteBuffer.wrap(png);
        Map<String, String> text = new LinkedHashMap<>();
        int at = 8;
        CRC32 crc = new CRC32();
        while (true) {
            if (at + 12 > png.length) {
                throw new IOException("the PNG file is cut short");
            }
            int length = b.getInt(at);
            if (length < 0 || length > png.length - at - 12) {
                throw new IOException("a PNG chunk claims more bytes than the file holds");
            }
            String type = type(png, at + 4);
            crc.reset();
            crc.update(png, at + 4, 4 + length);
            if ((int) crc.getValue() != b.getInt(at + 8 + length)) {
                throw new IOException("the PNG chunk " + type + " is damaged (its checksum differs)");
            }
            int data = at + 8;
            switch (type) {
                case "tEXt" -> keep(text, latin1(png, data, length));
                case "zTXt" -> keep(text, compressed(png, data, length));
                case "iTXt" -> keep(text, international(png, data, length));
                case "IEND" -> {
                    return text;
                }
                default -> {
                }
            }
            at = data + length + 4;
        }
    }

    /** {@code png} with {@code text} as {@code tEXt} chunks just after its header (keys and values in Latin-1). */
    static byte[] withText(byte[] png, Map<String, String> text) throws IOException {
        header(png);
        int afterHeader = 8 + 12 + ByteBuffer.wrap(png).getInt(8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + 64 * text.size());
        out.write(png, 0, afterHeader);
        for (Map.Entry<String, String> entry : text.entrySet()) {
            byte[] key = entry.getKey().getBytes(StandardCharsets.ISO_8859_1);
            byte[] value = entry.getValue().getBytes(StandardCharsets.ISO_8859_1);
            if (key.length < 1 || key.length > 79) {
                throw new IllegalArgumentException("a PNG text key has 1 to 79 characters: " + entry.getKey());
            }
            byte[] data = new byte[key.length + 1 + value.length];
            System.arraycopy(key, 0, data, 0, key.length);
            System.arraycopy(value, 0, data, key.length + 1, value.length);
            writeChunk(out, "tEXt", data);
        }
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** One PNG chunk: length, type, data, and the CRC of type and data (also the tests' PNG writer). */
    static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static String type(byte[] png, int at) {
        return new String(png, at, 4, StandardCharsets.US_ASCII);
    }

    private static void keep(Map<String, String> text, String[] pair) {
        if (pair != null) {
            text.putIfAbsent(pair[0], pair[1]);
        }
    }

    /** tEXt: key, a zero, the value; both Latin-1. */
    private static String[] latin1(byte[] png, int at, int length) {
        int zero = zero(png, at, at + length);
        return zero < 0 ? null : new String[] {new String(png, at, zero - at, StandardCharsets.ISO_8859_1),
                new String(png, zero + 1, at + length - zero - 1, StandardCharsets.ISO_8859_1)};
    }

    /** zTXt: key, a zero, the method (0, deflate), the value deflated. */
    private static String[] compressed(byte[] png, int at, int length) throws IOException {
        int zero = zero(png, at, at + length);
        if (zero < 0 || zero + 2 > at + length || png[zero + 1] != 0) {
            return null;
        }
        return new String[] {new String(png, at, zero - at, StandardCharsets.ISO_8859_1),
                new String(inflate(png, zero + 2, at + length - zero - 2), StandardCharsets.ISO_8859_1)};
    }

    /**
     * iTXt: key, a zero, the compression flag and method, the language and the translated key (each
     * ended by a zero), the value in UTF-8.
     */
    private static String[] international(byte[] png, int at, int length) throws IOException {
        int end = at + length;
        int zero = zero(png, at, end);
        if (zero < 0 || zero + 3 > end) {
            return null;
        }
        boolean deflated = png[zero + 1] != 0;
        int language = zero(png, zero + 3, end);
        int translated = language < 0 ? -1 : zero(png, language + 1, end);
        if (translated < 0) {
            return null;
        }
        int from = translated + 1;
        byte[] value = deflated ? inflate(png, from, end - from) : Arrays.copyOfRange(png, from, end);
        return new String[] {new String(png, at, zero - at, StandardCharsets.ISO_8859_1),
                new String(value, StandardCharsets.UTF_8)};
    }

    private static int zero(byte[] png, int from, int to) {
        for (int i = from; i < to; i++) {
            if (png[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] inflate(byte[] png, int at, int length) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(png, at, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("a compressed PNG text is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_TEXT) {
                    throw new IOException("a compressed PNG text is longer than " + MAX_TEXT + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("a compressed PNG text is damaged", e);
        } finally {
            inflater.end();
        }
    }
}
