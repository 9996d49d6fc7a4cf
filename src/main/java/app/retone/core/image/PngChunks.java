package app.retone.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Finds a chunk in a PNG file by walking the chunk headers, each length checked against the file. */
final class PngChunks {

    private PngChunks() {
    }

    /**
     * The data of the first chunk of {@code type}, or null when there is none (before the image
     * data only, if {@code beforeImageData}: where the PNG spec puts iCCP; eXIf may come anywhere).
     *
     * @throws IllegalArgumentException when the chunk holds more than {@code maxBytes}
     */
    static byte[] find(FileChannel channel, String type, boolean beforeImageData, int maxBytes) throws IOException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(8);
        long at = 8; // after the signature
        while (at + 8 <= size) {
            head.clear();
            if (channel.read(head, at) < 8) {
                return null;
            }
            long length = head.getInt(0) & 0xFFFFFFFFL;
            String found = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
            if (found.equals("IEND") || (beforeImageData && found.equals("IDAT")) || at + 12 + length > size) {
                return null;
            }
            if (found.equals(type)) {
                if (length > maxBytes) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s chunk holds %d bytes, more than the %d it may",
                            type, length, maxBytes));
                }
                ByteBuffer data = ByteBuffer.allocate((int) length);
                while (data.hasRemaining() && channel.read(data, at + 8 + data.position()) > 0) {
                    // a short read only if the file shrank meanwhile
                }
                return data.hasRemaining() ? null : data.array();
            }
            at += 12 + length;
        }
        return null;
    }
}
