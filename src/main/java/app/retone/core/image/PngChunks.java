package app.retone.core.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
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
    static byte[] find(SeekableByteChannel channel, String type, boolean beforeImageData, int maxBytes) throws IOException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(8);
        long at = 8; // after the signature
        while (at + 8 <= size) {
            head.clear();
            channel.position(at);
            while (head.hasRemaining() && channel.read(head) > 0) {
                // a short read only at the end of the file
            }
            if (head.hasRemaining()) {
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
                channel.position(at + 8);
                while (data.hasRemaining() && channel.read(data) > 0) {
                    // a short read only if the file shrank meanwhile
                }
                return data.hasRemaining() ? null : data.array();
            }
            at += 12 + length;
        }
        return null;
    }
}
