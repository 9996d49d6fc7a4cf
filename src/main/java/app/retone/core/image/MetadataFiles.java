package app.retone.core.image;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a file's metadata with metadata-extractor, for the formats Retone opens only, after
 * checking the sizes it trusts blindly ({@link SizeClaims#metadata}): it allocates whatever a
 * PNG or RIFF chunk header or a BMP profile claims before reading, so a 137-byte WebP whose
 * chunk claimed 671 MB made it allocate 671 MB (found by fuzzing). A file with such a claim has
 * no metadata worth the risk.
 */
final class MetadataFiles {

    private static final Set<FileType> OPENED =
            EnumSet.of(FileType.Jpeg, FileType.Png, FileType.Tiff, FileType.WebP, FileType.Bmp, FileType.Gif);

    private MetadataFiles() {
    }

    static Metadata read(Path path) throws IOException, ImageProcessingException {
        try (SeekableByteChannel in = Files.newByteChannel(path)) {
            return read(in);
        }
    }

    /** The metadata of the file open as {@code in} (left open). */
    static Metadata read(SeekableByteChannel in) throws IOException, ImageProcessingException {
        FileType type = FileTypeDetector.detectFileType(from(in));
        // only the formats Retone opens: an .ico claiming 65353 images made it build 65353 directories
        if (!OPENED.contains(type)) {
            throw new IOException("the metadata of " + type.getName() + " files is not read");
        }
        String oversized = SizeClaims.metadata(in);
        if (oversized != null) {
            throw new IOException(oversized);
        }
        return ImageMetadataReader.readMetadata(from(in), in.size());
    }

    /** A stream from the start of {@code in}; closing it would close the channel, so it is not closed. */
    private static InputStream from(SeekableByteChannel in) throws IOException {
        return new BufferedInputStream(Channels.newInputStream(in.position(0)), 1 << 16);
    }
}
