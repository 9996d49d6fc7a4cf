package app.retone.core.image;

import app.retone.core.image.ImageReadException.Problem;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.BufferedInputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A small copy of a photo for a filmstrip, read as cheaply as the file allows: the thumbnail a
 * camera stores in the Exif when there is one big enough, else the image decoded with source
 * subsampling (a 24 MP photo never lives in memory at full size), turned upright by its Exif
 * orientation and averaged down to fit a square of {@code maxSide}.
 *
 * <p>The same checks as {@link PhotoLoader}'s come first, by the same classes and so with the same
 * messages (a missing, empty or unreadable file: {@link PhotoFiles}; an unsupported format, a
 * damaged header, one that claims too much: {@link PhotoDecoder}); the thumbnail is not
 * colour-managed (a preview, not the photo).
 */
public final class ThumbnailReader implements ThumbnailSource {

    static {
        PhotoDecoder.setUpImageIo();
    }

    private final ImageLimits limits;

    public ThumbnailReader(ImageLimits limits) {
        this.limits = limits;
    }

    /** The thumbnail of {@code path}, fitted inside {@code maxSide} × {@code maxSide}. */
    @Override
    public Thumbnail read(Path path, int maxSide) throws ImageReadException {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide " + maxSide);
        }
        PhotoFiles.check(path);
        try (RandomAccessFile file = PhotoFiles.open(path)) {
            Metadata metadata = readMetadata(file);
            int orientation = ExifOrientation.of(metadata, new ArrayList<>());
            BufferedImage image = exifThumbnail(file, metadata, maxSide);
            if (image == null) {
                image = subsampled(path, file, maxSide);
            }
            int[] argb = PixelConversion.toArgb(image).argb();
            int w = image.getWidth();
            int h = image.getHeight();
            argb = ExifOrientation.apply(argb, w, h, orientation);
            if (ExifOrientation.swapsAxes(orientation)) {
                int t = w;
                w = h;
                h = t;
            }
            return new Thumbnail(w, h, argb).fittedInside(maxSide);
        } catch (IOException e) {
            throw e instanceof ImageReadException r ? r : PhotoFiles.notReadable(path, e);
        }
    }

    private static Metadata readMetadata(RandomAccessFile file) {
        try {
            return MetadataFiles.read(file.getChannel().position(0), null);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return null; // no orientation, no stored thumbnail: the pixels still give one
        }
    }

    /**
     * The camera's own thumbnail when it is at least half the size asked for, else null. Its
     * offset counts from the TIFF header inside the JPEG's Exif segment ("Exif\0\0" and 6 bytes on).
     */
    private static BufferedImage exifThumbnail(RandomAccessFile file, Metadata metadata, int maxSide) {
        ExifThumbnailDirectory dir = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifThumbnailDirectory.class);
        if (dir == null) {
            return null;
        }
        try {
            Integer offset = dir.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_OFFSET);
            Integer length = dir.getInteger(ExifThumbnailDirectory.TAG_THUMBNAIL_LENGTH);
            byte[] exif = JpegSegments.read(new BufferedInputStream(Channels.newInputStream(file.getChannel().position(0)),
                    1 << 16)).exif();
            int tiff = JpegSegments.EXIF_ID.length;
            if (exif == null || offset == null || length == null || length <= 0 || offset < 0
                    || tiff + (long) offset + length > exif.length) {
                return null;
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(exif, tiff + offset, length));
            return image != null && Math.max(image.getWidth(), image.getHeight()) * 2 >= maxSide ? image : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged stored thumbnail: decode the photo instead
        }
    }

    /** The image decoded with every n-th pixel of every n-th row, n chosen to keep at least twice {@code maxSide}. */
    private BufferedImage subsampled(Path path, RandomAccessFile file, int maxSide) throws IOException {
        ImageInputStream in = EndGuardedFileImageInputStream.forDecoder(file);
        ImageReader reader = PhotoDecoder.readerFor(path, in);
        try {
            reader.setInput(in, true, true);
            int[] size = PhotoDecoder.size(path, reader, PhotoDecoder.formatOf(reader), limits);
            int width = size[0];
            int height = size[1];
            int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (OutOfMemoryError e) {
                throw new ImageReadException(Problem.NO_MEMORY_NOW, path, "not enough memory to make its thumbnail now");
            } catch (IOException | RuntimeException e) {
                throw PhotoDecoder.readFailure(path, e);
            }
            if (image == null) {
                throw new ImageReadException(Problem.CORRUPT, path, "the decoder returned no image");
            }
            return image;
        } finally {
            reader.dispose();
        }
    }
}
