package app.retone.core.image;

import app.retone.core.Errors;
import app.retone.core.image.ImageReadException.Problem;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Decoding a photo's pixels within limits: the decoder that takes the file (or why none does), its
 * size read from the header and checked ({@link ImageLimits}, and the memory Java may use) before
 * any pixel is decoded, the decoder's warnings in a user's words, and a failure named as what it
 * is (a damaged header, a truncated file, damaged image data). For the loader
 * ({@link #decode}) and the thumbnails ({@link #readerFor}, {@link #size}, {@link #readFailure}).
 */
final class PhotoDecoder {

    private static boolean imageIoSetUp;

    static {
        setUpImageIo();
    }

    private PhotoDecoder() {
    }

    /** ImageIO as every read of a photo wants it, set once: decoding never spills to temporary files, every plug-in found. */
    static synchronized void setUpImageIo() {
        if (!imageIoSetUp) {
            ImageIO.setUseCache(false);
            ImageIO.scanForPlugins();
            imageIoSetUp = true;
        }
    }

    /**
     * The photo's pixels as the file encodes them, its embedded profile, and whether it was CMYK;
     * every pixel when {@code minLongSide} is 0, else every n-th pixel of every n-th row, n the
     * largest that keeps at least {@code minLongSide} pixels on the long side.
     */
    static DecodedImage decode(Path path, RandomAccessFile file, ImageLimits limits, List<String> warnings,
                               int minLongSide) throws ImageReadException {
        return decode(path, file, limits, warnings, minLongSide, PhotoDecoder::memoryIsShort);
    }

    /** The same, a plain RGB JPEG decoded into ints when {@code intsFor} says so of its pixel count. */
    static DecodedImage decode(Path path, RandomAccessFile file, ImageLimits limits, List<String> warnings,
                               int minLongSide, java.util.function.LongPredicate intsFor) throws ImageReadException {
        try {
            EndGuardedFileImageInputStream in = EndGuardedFileImageInputStream.forDecoder(file); // from the start; borrows the file, which the loader closes
            ImageReader reader = readerFor(path, in);
            try {
                reader.setInput(in, true, true);
                String format = formatOf(reader);
                int[] size = size(path, reader, format, limits);
                int step = minLongSide <= 0 ? 1 : Math.max(1, Math.max(size[0], size[1]) / minLongSide);
                int width = (size[0] + step - 1) / step;
                int height = (size[1] + step - 1) / step;
                checkMemory(path, width, height);
                IIOReadWarningListener listener = (source, warning) -> {
                    if (warning != null && (warning.contains("ICC") || in.hidesProfile() && warning.contains("JUNK"))) {
                        return; // the profile is checked, and its damage reported, once (PhotoPixels)
                    }
                    String w = userWarning(warning);
                    if (!warnings.contains(w)) { // the JPEG decoder says "premature end" once per component pass
                        warnings.add(w);
                    }
                };
                reader.addIIOReadWarningListener(listener);
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0); // the decoder keeps only these: memory for the reduced size alone
                }
                boolean cmyk = storedAsCmyk(reader);
                ImageTypeSpecifier raw = rawTypeWithProfile(reader);
                if (raw != null) {
                    param.setDestinationType(raw); // the file's own values: WorkingSpace converts them, for every format alike
                }
                boolean packed = raw == null && format.equals(ReadableFormat.JPEG.formatName()) && isPlainRgb(reader)
                        && intsFor.test((long) width * height);
                BufferedImage image;
                try {
                    if (packed) {
                        param.setDestination(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
                    }
                    image = reader.read(0, param);
                } catch (OutOfMemoryError e) {
                    throw new ImageReadException(Problem.NO_MEMORY_NOW, path, String.format(Locale.ROOT,
                            "not enough memory to decode a %d × %d photo", width, height));
                } catch (IOException | RuntimeException e) {
                    throw readFailure(path, e);
                }
                if (image == null) {
                    throw new ImageReadException(Problem.CORRUPT, path, "the decoder returned no image");
                }
                if (hasMoreImages(reader)) {
                    warnings.add("the file holds several images; only the first is used");
                }
                return new DecodedImage(image, format, embeddedProfile(file, format, image, warnings), cmyk);
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ImageReadException(Problem.NOT_FOUND, path, "the file disappeared while it was being read");
        } catch (AccessDeniedException e) {
            throw PhotoFiles.unreadable(path);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(Problem.CORRUPT, path, "cannot be read (" + Errors.describe(e) + ")", e);
        }
    }

    /** The decoder that takes the file, or why none does: a format Retone does not open, or no image at all. */
    static ImageReader readerFor(Path path, ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (readers.hasNext()) {
            return readers.next();
        }
        byte[] head = new byte[32];
        in.seek(0);
        int n = in.read(head);
        String unsupported = FileSniffer.unsupportedFormatName(head, Math.max(n, 0));
        if (unsupported != null) {
            throw new ImageReadException(Problem.UNSUPPORTED_FORMAT, path,
                    unsupported + " files are not supported (open " + ReadableFormat.names("or") + ")");
        }
        throw new ImageReadException(Problem.NOT_AN_IMAGE, path,
                "not an image: the content is not " + ReadableFormat.names("or") + ", whatever its name says");
    }

    /** The format of the decoder's file, as Retone names it ("jpeg", "tiff", …). */
    static String formatOf(ImageReader reader) throws IOException {
        return ReadableFormat.formatNameOf(reader.getOriginatingProvider() == null
                ? reader.getFormatName() : reader.getOriginatingProvider().getFormatNames()[0]);
    }

    /**
     * The first image's width and height from the header, refused when the header is damaged, the
     * size impossible, or beyond {@code limits}: before any pixel is decoded.
     */
    static int[] size(Path path, ImageReader reader, String format, ImageLimits limits) throws ImageReadException {
        int width;
        int height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(Problem.CORRUPT, path,
                    "the " + format.toUpperCase(Locale.ROOT) + " header is damaged (" + Errors.describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            // a size in the header that no check before knew of: the file cannot hold what it claims
            throw new ImageReadException(Problem.CORRUPT, path, "the " + format.toUpperCase(Locale.ROOT)
                    + " header claims more memory than Java may use; the file is damaged or hostile");
        }
        if (width <= 0 || height <= 0) {
            throw new ImageReadException(Problem.CORRUPT, path,
                    "the header gives an impossible size of " + width + " × " + height);
        }
        limits.check(path, width, height);
        return new int[] {width, height};
    }

    /** Decoding, conversion and orientation hold about three copies of 4 bytes a pixel: refused when that cannot fit. */
    private static void checkMemory(Path path, int width, int height) throws ImageReadException {
        long pixels = (long) width * height;
        long needed = pixels * 12L;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > available && needed > rt.maxMemory() / 2) {
            throw new ImageReadException(Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                    "the photo is %d × %d (%.0f MP): opening it needs about %d MB, more than the %d MB Java may use"
                            + " (give it more with -Xmx)", width, height, pixels / 1e6, needed >> 20, rt.maxMemory() >> 20));
        }
    }

    /**
     * Whether a plain RGB JPEG of {@code pixels} is decoded into ints, made ARGB where they lie
     * ({@link PixelConversion}): then a decode holds one copy of the pixels at its peak, not two
     * (24 MP: 96 MB, not 96 + 72), but takes about 60 % longer (docs/performance.md,
     * "Decoding a JPEG"). So only when Java's free room is short: under four int copies of the photo.
     */
    static boolean memoryIsShort(long pixels) {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return available < pixels * 4L * 4L;
    }

    /** A decoder's failure to read the image data: a truncated file, or damaged data. */
    static ImageReadException readFailure(Path path, Throwable e) {
        return new ImageReadException(Problem.CORRUPT, path, (isTruncation(e)
                ? "the file is truncated: it ends before the image data does"
                : "the image data is damaged") + " (" + Errors.describe(e) + ")", e);
    }

    /**
     * The raw image type when it carries an embedded RGB profile: JPEG and WebP decoders otherwise
     * convert to sRGB themselves, which would leave nothing to convert back to on export.
     */
    private static ImageTypeSpecifier rawTypeWithProfile(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_RGB
                    && ColourProfiles.embeddedIn(raw.getColorModel().getColorSpace()) != null) {
                return raw;
            }
        } catch (IOException | RuntimeException e) {
            // the read that follows reports a damaged file
        }
        return null;
    }

    /**
     * The profile the file embeds: as the decoder labelled its pixels with it, else as the file
     * stores it ({@link ColourProfiles#stored}): the JDK's PNG decoder ignores iCCP, and the TIFF
     * and WebP decoders drop a profile they cannot read without a word, which must be told. The
     * bytes are the file's own where it stores them, so an export embeds the profile as it came:
     * the decoder's copy is LittleCMS's rewriting of it (its header's CMM, platform and creator).
     */
    private static byte[] embeddedProfile(RandomAccessFile file, String format, BufferedImage image, List<String> warnings) {
        ICC_Profile inImage = ColourProfiles.embeddedIn(image.getColorModel().getColorSpace());
        if (inImage != null) {
            try {
                byte[] stored = ColourProfiles.stored(file.getChannel(), format);
                return stored != null ? stored : inImage.getData();
            } catch (IllegalArgumentException | IOException e) {
                return inImage.getData();
            }
        }
        try {
            return ColourProfiles.stored(file.getChannel(), format);
        } catch (IllegalArgumentException e) {
            warnings.add(ColourProfiles.damagedWarning(e));
        } catch (IOException e) {
            // the pixels decoded; a profile that cannot be read is no profile
        }
        return null;
    }

    /**
     * Whether the decoder gives the photo as three bytes a pixel (an 8-bit RGB photo without a
     * profile: most JPEGs), so it may write ints instead (asked of JPEGs only: the JPEG decoder
     * writes any destination, the TIFF decoder only its own types).
     */
    private static boolean isPlainRgb(ImageReader reader) {
        try {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            return types.hasNext() && types.next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
        } catch (IOException | RuntimeException e) {
            return false; // the read that follows reports a damaged file
        }
    }

    /** Whether the decoder reads the file's pixels as CMYK (a CMYK or YCCK JPEG, a CMYK TIFF) and gives them as RGB. */
    private static boolean storedAsCmyk(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            return raw != null && raw.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK;
        } catch (IOException | RuntimeException e) {
            return false; // the read that follows reports a damaged file
        }
    }

    private static boolean hasMoreImages(ImageReader reader) {
        try {
            return reader.getNumImages(false) > 1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isTruncation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Premature end") || m.contains("Unexpected end") || m.contains("EOF"))) {
                return true;
            }
        }
        return false;
    }

    private static String userWarning(String decoderWarning) {
        String lower = decoderWarning == null ? "" : decoderWarning.toLowerCase(Locale.ROOT);
        if (lower.contains("premature end") || lower.contains("truncated") || lower.contains("missing eoi")) {
            return "the file is truncated: the bottom of the photo is missing and shows as gray";
        }
        return "decoder warning: " + Errors.printable(decoderWarning);
    }
}
