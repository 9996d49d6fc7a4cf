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
import java.util.Locale;
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
 * <p>The same checks as {@link PhotoLoader}'s come first (a missing, empty or unreadable file, an
 * unsupported format, a header that claims too much), with the same messages; the thumbnail is
 * not colour-managed (a preview, not the photo).
 */
public final class ThumbnailReader implements ThumbnailSource {

    /** A thumbnail's pixels, packed ARGB. */
    public record Thumbnail(int width, int height, int[] argb) {

        public Thumbnail {
            if (width < 1 || height < 1 || argb.length != width * height) {
                throw new IllegalArgumentException("a thumbnail of " + width + " x " + height + " with " + argb.length + " pixels");
            }
        }

        /** This thumbnail fitted inside {@code maxSide} × {@code maxSide}, its shape kept, averaged down (never enlarged). */
        public Thumbnail fittedInside(int maxSide) {
            double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
            int tw = Math.max(1, (int) Math.round(width * scale));
            int th = Math.max(1, (int) Math.round(height * scale));
            return tw == width && th == height ? this
                    : new Thumbnail(tw, th, Resample.crop(argb, width, height, 0, 0, width, height, tw, th));
        }
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
        PhotoLoader.checkFile(path);
        try (RandomAccessFile file = PhotoLoader.openFile(path)) {
            Metadata metadata = readMetadata(file);
            int orientation = PhotoLoader.orientation(metadata, new ArrayList<>());
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
            throw e instanceof ImageReadException r ? r
                    : new ImageReadException(Problem.NOT_READABLE, path, "cannot be read (" + PhotoLoader.describe(e) + ")", e);
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
        ImageReader reader = PhotoLoader.findReader(path, in);
        try {
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                throw new ImageReadException(Problem.CORRUPT, path, "the header is damaged (" + PhotoLoader.describe(e) + ")");
            }
            if (width <= 0 || height <= 0) {
                throw new ImageReadException(Problem.CORRUPT, path, "the header gives an impossible size of " + width + " × " + height);
            }
            if ((long) width * height > limits.maxPixels()) {
                throw new ImageReadException(Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                        "the photo is %d × %d (%.0f MP), over the limit of %.0f MP", width, height,
                        (long) width * height / 1e6, limits.maxPixels() / 1e6));
            }
            int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                throw new ImageReadException(Problem.CORRUPT, path, "the image data is damaged (" + PhotoLoader.describe(e) + ")");
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
