package app.retone.core.image;

import app.retone.core.Errors;
import app.retone.core.image.ImageReadException.Problem;
import com.drew.metadata.Metadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Loads a photo file into a {@link Photo}: decodes JPEG, PNG, BMP, GIF, TIFF and WebP
 * ({@link ReadableFormat}), converts to sRGB 8-bit (from the embedded ICC profile, if any:
 * {@link WorkingSpace}), applies the EXIF orientation, and keeps the metadata export needs.
 *
 * <p>The entry point of the steps, each in its own class: the file checked and opened once
 * ({@link PhotoFiles}), sizes its headers claim checked ({@link SizeClaims}), its pixels decoded
 * within {@link #limits()} ({@link PhotoDecoder}), its metadata read (here: {@link JpegSegments},
 * {@link MetadataFiles}, {@link ExifBlock}, the orientation by {@link ExifOrientation#of}), and
 * the pixels colour-managed and turned upright ({@link PhotoPixels}). The size is checked from the
 * header before any pixel is decoded. Every failure is an {@link ImageReadException} that names
 * the problem.
 *
 * <p><b>A damaged colour profile</b> has the same outcome in every format that embeds one (a
 * JPEG's APP2 segments, a PNG's iCCP chunk, a TIFF's tag 34675, a WebP's ICCP chunk), chosen by
 * what the decoders can safely do with it:
 * <ul>
 *   <li>A profile whose header claims more than any profile holds
 *       ({@link ColourProfiles#MAX_PROFILE_BYTES}, 16 MB: a claim of 2 GB, say) is refused as
 *       {@link Problem#CORRUPT} before any pixel is decoded ({@link SizeClaims#profileClaim}): the
 *       JPEG and WebP decoders allocate what the header claims before they read a byte of the
 *       profile. A PNG or TIFF, whose profile the loader reads without that risk, is refused
 *       alike, so that the same damage never opens in one format and not in another.</li>
 *   <li>Any other damage (a profile cut short, one the JDK cannot read) is the warning "the
 *       embedded colour profile is damaged (why); its colours are shown as sRGB": the photo opens,
 *       its values taken as sRGB, and the profile is not kept for export. Every decoder gets past
 *       it: the JPEG decoder skips such a profile itself; the loader reads a PNG's and a TIFF's
 *       ({@link ColourProfiles#stored}: the TIFF decoder drops a profile it cannot read without a
 *       word); the WebP decoder, which would refuse the whole file, is shown it with that chunk
 *       hidden ({@link EndGuardedFileImageInputStream#forDecoder}).</li>
 * </ul>
 */
public final class PhotoLoader {

    /** What a CMYK photo's user is told: the decoder turned its print colours into RGB. */
    static final String CMYK_CONVERTED = "the photo is stored in CMYK, for print: it was converted to RGB (sRGB)"
            + " to be shown and edited, and its exports are RGB, tagged as sRGB";

    private final ImageLimits limits;
    /** Decodes allowed at once, shared by the loaders made from one another; null: no limit. */
    private final Semaphore decodes;

    public PhotoLoader() {
        this(ImageLimits.DEFAULT);
    }

    public PhotoLoader(ImageLimits limits) {
        this(limits, null);
    }

    private PhotoLoader(ImageLimits limits, Semaphore decodes) {
        this.limits = limits;
        this.decodes = decodes;
    }

    /**
     * This loader, decoding one photo at a time however many threads ask (the others wait their
     * turn, in order): the app's, whose background work (a neighbour prepared ahead, a look made
     * for the folder, the shown photo's full resolution read again) would otherwise hold several
     * 24 MP decodes, about 250 MB each at their peak, at once.
     */
    public PhotoLoader oneDecodeAtATime() {
        return sharingDecodes(new Semaphore(1, true));
    }

    /** This loader, each decode taking one of {@code decodes}' permits for its length. */
    PhotoLoader sharingDecodes(Semaphore decodes) {
        return new PhotoLoader(limits, decodes);
    }

    public ImageLimits limits() {
        return limits;
    }

    public Photo load(Path path) throws ImageReadException {
        if (decodes == null) {
            return decode(path, 0);
        }
        decodes.acquireUninterruptibly();
        try {
            return decode(path, 0);
        } finally {
            decodes.release();
        }
    }

    /**
     * The photo decoded with every n-th pixel of every n-th row, n the largest that keeps at least
     * {@code minLongSide} pixels on its long side; otherwise as {@link #load} makes it (profile,
     * orientation, warnings, the same checks of the file). For work that needs only the photo's
     * colours, never for what is shown at its size or exported: it holds a few megabytes where a
     * 24 MP photo holds about 100, so it never waits for {@link #oneDecodeAtATime}'s turn.
     */
    public Photo loadReduced(Path path, int minLongSide) throws ImageReadException {
        if (minLongSide <= 0) {
            throw new IllegalArgumentException("a reduced photo keeps at least one pixel: " + minLongSide);
        }
        return decode(path, minLongSide);
    }

    private Photo decode(Path path, int minLongSide) throws ImageReadException {
        PhotoFiles.check(path);
        List<String> warnings = new ArrayList<>();
        JpegSegments.Found segments;
        int orientation;
        DecodedImage decoded;
        Metadata metadata;
        byte[] exif;
        boolean srgbChunk;
        long bytes;
        // the file is opened once: every step reads that one file, even if the path is deleted or
        // replaced meanwhile (a photo's pixels never meet another file's metadata)
        try (RandomAccessFile file = PhotoFiles.open(path)) {
            FileChannel channel = file.getChannel();
            segments = readJpegSegments(channel, warnings);
            checkSizeClaims(path, channel);
            decoded = PhotoDecoder.decode(path, file, limits, warnings, minLongSide); // metadata only of what decodes: the decoder is the stricter reader
            metadata = readMetadata(channel, decoded.format(), warnings);
            exif = exifBlock(channel, decoded.format(), segments, warnings);
            srgbChunk = decoded.format().equals(ReadableFormat.PNG.formatName()) && hasSrgbChunk(channel);
            orientation = ExifOrientation.of(metadata, warnings);
            bytes = channel.size();
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw PhotoFiles.notReadable(path, e);
        }

        if (!decoded.format().equals(ReadableFormat.JPEG.formatName())) {
            segments = JpegSegments.Found.NOTHING;
        }
        byte[] icc = segments.iccProfile() != null ? segments.iccProfile() : decoded.iccProfile();
        PhotoPixels pixels = PhotoPixels.of(path, decoded, icc, orientation, warnings);

        if (decoded.fromCmyk()) {
            warnings.add(0, CMYK_CONVERTED);
        }
        // a damaged profile describes nothing: the photo is shown as sRGB, and exported as such
        boolean damaged = ColourProfiles.foundDamaged(warnings);
        SourceInfo source = new SourceInfo(path, decoded.format(), orientation, exif, segments.xmp(), damaged ? null : icc,
                pixels.converted(), decoded.fromCmyk() || srgbChunk && (icc == null || damaged));
        // the metadata panel's facts come from this same read of this same file
        PhotoDetails details = PhotoDetailsReader.of(metadata, source, pixels.width(), pixels.height(), bytes);
        return new Photo(pixels.width(), pixels.height(), pixels.argb(), pixels.alpha(), source, warnings, details,
                pixels.samples(), pixels.deviceValues());
    }

    /** The Exif, XMP and ICC segments of a JPEG (nothing for other files: the reader stops at their first bytes). */
    private static JpegSegments.Found readJpegSegments(FileChannel channel, List<String> warnings) {
        try {
            return JpegSegments.read(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
        } catch (IOException e) {
            warnings.add("could not read the photo's metadata: " + Errors.describe(e));
            return JpegSegments.Found.NOTHING;
        }
    }

    /**
     * The JPEG and WebP decoders allocate whatever size an embedded ICC profile's header claims
     * before they find the profile truncated: a 1.8 KB JPEG claiming a 1.6 GB profile made the
     * JPEG decoder allocate 3.2 GB (found by fuzzing). No real profile is larger than what holds it.
     * The WebP decoder likewise allocates for its frame header's size, not the canvas's.
     */
    private static void checkSizeClaims(Path path, FileChannel channel) throws ImageReadException {
        String overclaim;
        try {
            overclaim = SizeClaims.beforeDecoding(channel);
        } catch (IOException e) {
            return; // decoding reports it
        }
        if (overclaim != null) {
            throw new ImageReadException(Problem.CORRUPT, path, overclaim);
        }
    }

    /** Whether a PNG says its colours are sRGB by its sRGB chunk. */
    private static boolean hasSrgbChunk(FileChannel channel) {
        try {
            return PngChunks.find(channel, "sRGB", true, 1) != null;
        } catch (IOException | IllegalArgumentException e) {
            return false; // a damaged chunk says nothing
        }
    }

    /**
     * The photo's Exif as one block ({@link ExifBlock}), whatever its format: a JPEG's APP1
     * segment, a PNG's eXIf chunk, a TIFF's own directories; null (with a warning if it was there
     * but could not be kept) when there is none.
     */
    private static byte[] exifBlock(FileChannel channel, String format, JpegSegments.Found segments, List<String> warnings) {
        try {
            if (format.equals(ReadableFormat.JPEG.formatName())) {
                return segments.exif();
            }
            if (format.equals(ReadableFormat.PNG.formatName())) {
                return ExifBlock.fromPngFile(channel);
            }
            return format.equals(ReadableFormat.TIFF.formatName()) ? ExifBlock.fromTiffFile(channel) : null;
        } catch (IOException | RuntimeException e) {
            warnings.add("could not keep the photo's Exif metadata (" + Errors.describe(e) + "); exports will not carry it");
            return null;
        }
    }

    /** The file's metadata, or null (with a warning) when it cannot be read: metadata is optional. */
    private static Metadata readMetadata(FileChannel channel, String decodedFormat, List<String> warnings) {
        try {
            return MetadataFiles.read(channel, decodedFormat);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // a photo whose pixels decode still opens
            warnings.add("could not read the photo's EXIF metadata (" + Errors.describe(e) + "); orientation assumed normal");
            return null;
        }
    }
}
