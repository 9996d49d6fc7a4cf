package app.retone.core.image;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a file's metadata with metadata-extractor, for the formats Retone opens only, after
 * checking the one thing it trusts blindly: the lengths of PNG and RIFF (WebP) chunks. It allocates whatever a chunk header
 * claims before reading, so a 137-byte WebP whose chunk claimed 671 MB made it allocate 671 MB
 * (found by fuzzing). A file with such a chunk has no metadata worth the risk.
 */
final class MetadataFiles {

    private static final Set<FileType> OPENED =
            EnumSet.of(FileType.Jpeg, FileType.Png, FileType.Tiff, FileType.WebP, FileType.Bmp, FileType.Gif);

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private MetadataFiles() {
    }

    static Metadata read(Path path) throws IOException, ImageProcessingException {
        FileType type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            type = FileTypeDetector.detectFileType(in);
        }
        // only the formats Retone opens: an .ico claiming 65353 images made it build 65353 directories
        if (!OPENED.contains(type)) {
            throw new IOException("the metadata of " + type.getName() + " files is not read");
        }
        String oversized = oversizedChunk(path);
        if (oversized != null) {
            throw new IOException(oversized);
        }
        return ImageMetadataReader.readMetadata(path.toFile());
    }

    /** Describes the first PNG or RIFF chunk that claims more bytes than the whole file holds; null if none does. */
    static String oversizedChunk(Path path) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(path)) {
            long size = in.size();
            ByteBuffer head = read(in, 0, 12);
            boolean png = head.remaining() >= 8 && head.slice(0, 8).equals(ByteBuffer.wrap(PNG_SIGNATURE));
            boolean riff = head.remaining() >= 12 && ascii(head, 0).equals("RIFF");
            if (!png && !riff) {
                return null;
            }
            // PNG: length (big-endian), type, data, CRC; RIFF: id, length (little-endian), data, pad to even
            long pos = png ? 8 : 12;
            while (pos + 8 <= size) {
                ByteBuffer chunk = read(in, pos, 8).order(png ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                long length = Integer.toUnsignedLong(chunk.getInt(png ? 0 : 4));
                String type = ascii(chunk, png ? 4 : 0);
                if (length > size) {
                    return String.format(Locale.ROOT, "the %s chunk '%s' claims %d bytes, more than the whole file (%d bytes)",
                            png ? "PNG" : "RIFF", type, length, size);
                }
                pos += png ? 12 + length : 8 + length + (length & 1);
            }
            return null;
        }
    }

    private static ByteBuffer read(SeekableByteChannel in, long pos, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        in.position(pos);
        while (buffer.hasRemaining() && in.read(buffer) > 0) {
            // a short read only near the end of the file
        }
        return buffer.flip();
    }

    /** Four bytes of a chunk name as printable ASCII. */
    private static String ascii(ByteBuffer buffer, int at) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = at; i < at + 4 && i < buffer.limit(); i++) {
            int c = buffer.get(i) & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return sb.toString();
    }
}
