package app.retone.core.image;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads a file's metadata with metadata-extractor, for the formats Retone opens only, after
 * checking the sizes it trusts blindly ({@link SizeClaims#metadata}): it allocates whatever a
 * PNG or RIFF chunk header or a BMP profile claims before reading, so a 137-byte WebP whose
 * chunk claimed 671 MB made it allocate 671 MB (found by fuzzing). A file with such a claim has
 * no metadata worth the risk.
 *
 * <p>metadata-extractor takes every little-endian TIFF whose first directory sits at byte 8
 * ({@code II*\0 08 00 00 00}, where libtiff, PIL and exiftool put it) for a Sony ARW, whose
 * header is the same. Such a file that the TIFF decoder takes is read as the TIFF it is; no
 * other format is let in by this.
 */
final class MetadataFiles {

    /** metadata-extractor's types of the formats Retone opens ({@link ReadableFormat}). */
    private static final Set<FileType> OPENED = EnumSet.copyOf(Arrays.stream(ReadableFormat.values())
            .map(MetadataFiles::typeOf).toList());

    private MetadataFiles() {
    }

    /** metadata-extractor's name for a format Retone opens. */
    private static FileType typeOf(ReadableFormat format) {
        return switch (format) {
            case JPEG -> FileType.Jpeg;
            case PNG -> FileType.Png;
            case TIFF -> FileType.Tiff;
            case WEBP -> FileType.WebP;
            case BMP -> FileType.Bmp;
            case GIF -> FileType.Gif;
        };
    }

    /** The metadata of a file that was not decoded (a folder's dates): its format is the one the decoders take it for. */
    static Metadata read(Path path) throws IOException, ImageProcessingException {
        try (SeekableByteChannel in = Files.newByteChannel(path)) {
            return read(in, null);
        }
    }

    /**
     * The metadata of the file open as {@code in} (left open), which the decoders took for
     * {@code decodedFormat} ({@code "tiff"}, ...; null: not decoded, they are asked).
     */
    static Metadata read(SeekableByteChannel in, String decodedFormat) throws IOException, ImageProcessingException {
        FileType type = FileTypeDetector.detectFileType(from(in));
        if (type == FileType.Arw && ReadableFormat.TIFF.formatName().equals(decodedFormat != null ? decodedFormat : decoderFormat(in))) {
            type = FileType.Tiff;
        }
        // only the formats Retone opens: an .ico claiming 65353 images made it build 65353 directories
        if (!OPENED.contains(type)) {
            throw new IOException("the metadata of " + type.getName() + " files is not read");
        }
        String oversized = SizeClaims.metadata(in);
        if (oversized != null) {
            throw new IOException(oversized);
        }
        return ImageMetadataReader.readMetadata(from(in), in.size(), type);
    }

    /** The format of the decoder that takes the file (as {@link ReadableFormat#formatNameOf} names it), or null if none does. */
    private static String decoderFormat(SeekableByteChannel in) throws IOException {
        try (ImageInputStream stream = new MemoryCacheImageInputStream(from(in))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                return ReadableFormat.formatNameOf(reader.getOriginatingProvider().getFormatNames()[0]);
            } finally {
                reader.dispose();
            }
        }
    }

    /** A stream from the start of {@code in}; closing it would close the channel, so it is not closed. */
    private static InputStream from(SeekableByteChannel in) throws IOException {
        return new BufferedInputStream(Channels.newInputStream(in.position(0)), 1 << 16);
    }
}
