package app.retone.core.image;

import app.retone.core.image.ImageReadException.Problem;
import app.retone.core.color.RgbSpace;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Loads a photo file into a {@link Photo}: decodes JPEG, PNG, BMP, GIF, TIFF and WebP,
 * converts to sRGB 8-bit (from the embedded ICC profile, if any: {@link WorkingSpace}), applies the
 * EXIF orientation, and keeps the metadata export needs.
 *
 * <p>The size is checked from the header before any pixel is decoded. Every failure is an
 * {@link ImageReadException} that names the problem.
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

    static {
        ImageIO.setUseCache(false); // decoding never spills to temporary files
        ImageIO.scanForPlugins();
    }

    private final ImageLimits limits;

    public PhotoLoader() {
        this(ImageLimits.DEFAULT);
    }

    public PhotoLoader(ImageLimits limits) {
        this.limits = limits;
    }

    public ImageLimits limits() {
        return limits;
    }

    public Photo load(Path path) throws ImageReadException {
        checkFile(path);
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
        try (RandomAccessFile file = openFile(path)) {
            FileChannel channel = file.getChannel();
            segments = readJpegSegments(channel, warnings);
            checkSizeClaims(path, channel);
            decoded = decode(path, file, warnings);   // metadata only of what decodes: the decoder is the stricter reader
            metadata = readMetadata(channel, decoded.format(), warnings);
            exif = exifBlock(channel, decoded.format(), segments, warnings);
            srgbChunk = decoded.format().equals("png") && hasSrgbChunk(channel);
            orientation = orientation(metadata, warnings);
            bytes = channel.size();
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException(Problem.NOT_READABLE, path, "cannot be read (" + describe(e) + ")", e);
        }

        int width = decoded.image().getWidth();
        int height = decoded.image().getHeight();
        if (!decoded.format().equals("jpeg")) {
            segments = JpegSegments.Found.NOTHING;
        }
        byte[] icc = segments.iccProfile() != null ? segments.iccProfile() : decoded.iccProfile();
        BufferedImage image = decoded.image();
        boolean alpha = image.getColorModel().hasAlpha();
        boolean converted = false;
        int[] argb;
        Samples samples;
        try {
            ICC_Profile profile = usableProfile(icc, image, warnings);
            RgbSpace space = exactSpace(profile, warnings);
            if (space != null) {
                // the file's own values, kept as they are; the screen's sRGB pixels converted from them exactly
                int[] values = PixelConversion.toArgb(image).argb(); // 8 bits (and alpha), grey replicated
                if (WorkingSpace.isDeep(image)) {
                    short[] deep = ExifOrientation.apply(WorkingSpace.toSrgbDeep(image, null), width, height, orientation);
                    int[] alphaFrom = alpha ? ExifOrientation.apply(values, width, height, orientation) : null;
                    samples = new Samples(space, null, deep);
                    argb = samples.toSrgb8(alphaFrom);
                } else {
                    samples = new Samples(space, ExifOrientation.apply(values, width, height, orientation), null);
                    argb = samples.toSrgb8(null);
                }
                converted = !space.isSrgb();
            } else {
                // a device profile with lookup tables: LittleCMS converts, clipping to sRGB (export converts back)
                short[] deep = WorkingSpace.isDeep(image) ? deepPixels(image, profile, warnings) : null;
                if (deep != null) {
                    deep = ExifOrientation.apply(deep, width, height, orientation);
                    int[] alphaFrom = alpha ? ExifOrientation.apply(PixelConversion.toArgb(image).argb(), width, height,
                            orientation) : null;
                    argb = DeepPixels.toArgb(deep, alphaFrom);
                    samples = new Samples(RgbSpace.SRGB, null, deep);
                    converted = true;
                } else {
                    int[] pixels = null;
                    try {
                        pixels = WorkingSpace.toSrgbArgb(image, profile);
                        converted = true;
                    } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
                        warnings.add(damagedProfile(e));
                    }
                    if (pixels == null) {
                        PixelConversion.Result values = PixelConversion.toArgb(image);
                        pixels = values.argb();
                        alpha = values.hasAlpha();
                    }
                    argb = ExifOrientation.apply(pixels, width, height, orientation);
                    samples = Samples.srgb8(argb);
                }
            }
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                    "not enough memory to open a %d × %d photo (give Java more with -Xmx)", width, height));
        }
        if (ExifOrientation.swapsAxes(orientation)) {
            int t = width;
            width = height;
            height = t;
        }

        if (decoded.fromCmyk()) {
            warnings.add(0, CMYK_CONVERTED);
        }
        // a damaged profile describes nothing: the photo is shown as sRGB, and exported as such
        boolean damaged = foundDamaged(warnings);
        SourceInfo source = new SourceInfo(path, decoded.format(), orientation, exif, segments.xmp(), damaged ? null : icc,
                converted, decoded.fromCmyk() || srgbChunk && (icc == null || damaged));
        // the metadata panel's facts come from this same read of this same file
        PhotoDetails details = PhotoDetailsReader.of(metadata, source, width, height, bytes);
        return new Photo(width, height, argb, alpha, source, warnings, details, samples);
    }

    /**
     * The space the photo's values are in when Retone can convert it exactly (sRGB without a
     * profile, or a matrix/TRC or grey profile: {@link IccSpaces}); null for a device profile with
     * lookup tables, which LittleCMS converts. A profile whose tags are damaged is a warning, and
     * the values are taken as sRGB.
     */
    private static RgbSpace exactSpace(ICC_Profile profile, List<String> warnings) {
        if (profile == null) {
            return RgbSpace.SRGB;
        }
        try {
            return IccSpaces.of(profile.getData(), "the photo's embedded profile").orElse(null);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            warnings.add(damagedProfile(e));
            return RgbSpace.SRGB;
        }
    }

    /** The 16-bit sRGB pixels, converted from the profile if there is one, or null when that fails (with a warning). */
    private static short[] deepPixels(BufferedImage image, ICC_Profile profile, List<String> warnings) {
        try {
            return WorkingSpace.toSrgbDeep(image, profile);
        } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
            warnings.add(damagedProfile(e));
            return profile == null ? null : deepPixels(image, null, warnings);
        }
    }

    /**
     * What the decoder gave: the pixels as encoded in the file, the ICC profile it embeds (null if
     * none), and whether the file stored them in CMYK (the decoder gave them as RGB).
     */
    private record DecodedImage(BufferedImage image, String format, byte[] iccProfile, boolean fromCmyk) {
    }

    static final String DAMAGED_PROFILE = "the embedded colour profile is damaged";

    /** What a CMYK photo's user is told: the decoder turned its print colours into RGB. */
    static final String CMYK_CONVERTED = "the photo is stored in CMYK, for print: it was converted to RGB (sRGB)"
            + " to be shown and edited, and its exports are RGB, tagged as sRGB";

    /** The one warning a profile that cannot be used gives, whichever step found it. */
    private static String damagedProfile(Throwable e) {
        return DAMAGED_PROFILE + " (" + describe(e) + "); its colours are shown as sRGB";
    }

    /** Whether a step found the embedded profile damaged ({@link #damagedProfile}). */
    private static boolean foundDamaged(List<String> warnings) {
        return warnings.stream().anyMatch(w -> w.startsWith(DAMAGED_PROFILE));
    }

    /**
     * The embedded profile when the pixels must be converted from it to sRGB: an RGB profile on
     * an RGB photo that is not sRGB itself, or a grey profile on a grey photo; null otherwise.
     * A profile that cannot be read is a warning, and the photo's values are taken as sRGB.
     */
    private static ICC_Profile usableProfile(byte[] icc, BufferedImage image, List<String> warnings) {
        if (icc == null) {
            return null;
        }
        ICC_Profile profile;
        try {
            profile = ColourProfiles.read(icc);
        } catch (IllegalArgumentException | ProfileDataException e) {
            warnings.add(damagedProfile(e));
            return null;
        }
        int colours = image.getColorModel().getNumColorComponents();
        int space = profile.getColorSpaceType();
        if (colours == 3 && space == ColorSpace.TYPE_RGB) {
            try {
                return ColourProfiles.isSrgbEquivalent(profile) ? null : profile;
            } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
                warnings.add(damagedProfile(e));
                return null;
            }
        }
        return colours == 1 && space == ColorSpace.TYPE_GRAY ? profile : null;
    }

    /** The Exif, XMP and ICC segments of a JPEG (nothing for other files: the reader stops at their first bytes). */
    private static JpegSegments.Found readJpegSegments(FileChannel channel, List<String> warnings) {
        try {
            return JpegSegments.read(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
        } catch (IOException e) {
            warnings.add("could not read the photo's metadata: " + describe(e));
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

    /** Refusals said alike wherever they are found: before opening, when opening, while reading. */
    private static ImageReadException folder(Path path) {
        return new ImageReadException(Problem.NOT_A_FILE, path, "is a folder, not a photo file");
    }

    /**
     * A file that cannot be read: for want of permission, or because it went away between two
     * checks (one deleted while it opens is not readable either, and must not read as a permission).
     */
    private static ImageReadException unreadable(Path path) {
        if (!Files.exists(path)) {
            return new ImageReadException(Problem.NOT_FOUND, path, "the file disappeared while it was being opened");
        }
        return new ImageReadException(Problem.NOT_READABLE, path, "permission denied: the file cannot be read");
    }

    static void checkFile(Path path) throws ImageReadException {
        if (Files.isDirectory(path)) {
            throw folder(path);
        }
        if (!Files.exists(path)) {
            throw new ImageReadException(Problem.NOT_FOUND, path, "no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageReadException(Problem.NOT_A_FILE, path, "is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw unreadable(path);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ImageReadException(Problem.NOT_FOUND, path, "the file disappeared while it was being opened");
        } catch (IOException e) {
            throw new ImageReadException(Problem.NOT_READABLE, path, "cannot be read (" + describe(e) + ")", e);
        }
        if (size == 0) {
            throw new ImageReadException(Problem.EMPTY, path, "the file is empty (0 bytes)");
        }
    }

    private DecodedImage decode(Path path, RandomAccessFile file, List<String> warnings) throws ImageReadException {
        try {
            EndGuardedFileImageInputStream in = EndGuardedFileImageInputStream.forDecoder(file); // from the start; borrows the file, which load closes
            ImageReader reader = findReader(path, in);
            try {
                reader.setInput(in, true, true);
                String format = normaliseFormat(reader.getOriginatingProvider() == null
                        ? reader.getFormatName() : reader.getOriginatingProvider().getFormatNames()[0]);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new ImageReadException(Problem.CORRUPT, path,
                            "the " + format.toUpperCase(Locale.ROOT) + " header is damaged (" + describe(e) + ")", e);
                } catch (OutOfMemoryError e) {
                    // a size in the header that no check above knew of: the file cannot hold what it claims
                    throw new ImageReadException(Problem.CORRUPT, path, "the " + format.toUpperCase(Locale.ROOT)
                            + " header claims more memory than Java may use; the file is damaged or hostile");
                }
                long pixels = (long) width * height;
                if (width <= 0 || height <= 0) {
                    throw new ImageReadException(Problem.CORRUPT, path,
                            "the header gives an impossible size of " + width + " × " + height);
                }
                if (pixels > limits.maxPixels()) {
                    throw new ImageReadException(Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                            "the photo is %d × %d (%.0f MP), over the limit of %.0f MP",
                            width, height, pixels / 1e6, limits.maxPixels() / 1e6));
                }
                // decoding, conversion and orientation hold about three copies of 4 bytes a pixel
                long needed = pixels * 12L;
                Runtime rt = Runtime.getRuntime();
                long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
                if (needed > available && needed > rt.maxMemory() / 2) {
                    throw new ImageReadException(Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                            "the photo is %d × %d (%.0f MP): opening it needs about %d MB, more than the %d MB Java may use"
                                    + " (give it more with -Xmx)", width, height, pixels / 1e6, needed >> 20, rt.maxMemory() >> 20));
                }
                IIOReadWarningListener listener = (source, warning) -> {
                    if (warning != null && (warning.contains("ICC") || in.hidesProfile() && warning.contains("JUNK"))) {
                        return; // the profile is checked, and its damage reported, once by usableProfile
                    }
                    String w = userWarning(warning);
                    if (!warnings.contains(w)) { // the JPEG decoder says "premature end" once per component pass
                        warnings.add(w);
                    }
                };
                reader.addIIOReadWarningListener(listener);
                ImageReadParam param = reader.getDefaultReadParam();
                boolean cmyk = storedAsCmyk(reader);
                ImageTypeSpecifier raw = rawTypeWithProfile(reader);
                if (raw != null) {
                    param.setDestinationType(raw); // the file's own values: WorkingSpace converts them, for every format alike
                }
                BufferedImage image;
                try {
                    image = reader.read(0, param);
                } catch (OutOfMemoryError e) {
                    throw new ImageReadException(Problem.TOO_LARGE, path, String.format(Locale.ROOT,
                            "not enough memory to decode a %d × %d photo", width, height));
                } catch (IOException | RuntimeException e) {
                    throw new ImageReadException(Problem.CORRUPT, path, (isTruncation(e)
                            ? "the file is truncated: it ends before the image data does"
                            : "the image data is damaged") + " (" + describe(e) + ")", e);
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
            throw unreadable(path);
        } catch (IOException | RuntimeException e) {
            throw new ImageReadException(Problem.CORRUPT, path, "cannot be read (" + describe(e) + ")", e);
        }
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
     * and WebP decoders drop a profile they cannot read without a word, which must be told.
     */
    private static byte[] embeddedProfile(RandomAccessFile file, String format, BufferedImage image, List<String> warnings) {
        ICC_Profile inImage = ColourProfiles.embeddedIn(image.getColorModel().getColorSpace());
        if (inImage != null) {
            return inImage.getData();
        }
        try {
            return ColourProfiles.stored(file.getChannel(), format);
        } catch (IllegalArgumentException e) {
            warnings.add(damagedProfile(e));
        } catch (IOException e) {
            // the pixels decoded; a profile that cannot be read is no profile
        }
        return null;
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

    /** Whether a PNG says its colours are sRGB by its sRGB chunk. */
    private static boolean hasSrgbChunk(FileChannel channel) {
        try {
            return PngChunks.find(channel, "sRGB", true, 1) != null;
        } catch (IOException | IllegalArgumentException e) {
            return false; // a damaged chunk says nothing
        }
    }

    private static boolean hasMoreImages(ImageReader reader) {
        try {
            return reader.getNumImages(false) > 1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static RandomAccessFile openFile(Path path) throws ImageReadException {
        try {
            return new RandomAccessFile(path.toFile(), "r");
        } catch (java.io.FileNotFoundException e) {
            // Java says "not found" for any failure to open: tell them apart
            if (Files.isDirectory(path)) {
                throw folder(path);
            }
            if (!Files.isReadable(path)) {
                throw unreadable(path);
            }
            throw new ImageReadException(Problem.NOT_READABLE, path, "cannot be opened (" + describe(e) + ")", e);
        }
    }

    static ImageReader findReader(Path path, ImageInputStream in) throws IOException {
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
                    unsupported + " files are not supported (open JPEG, PNG, TIFF, WebP, BMP or GIF)");
        }
        throw new ImageReadException(Problem.NOT_AN_IMAGE, path,
                "not an image: the content is not JPEG, PNG, TIFF, WebP, BMP or GIF, whatever its name says");
    }

    /**
     * The photo's Exif as one block ({@link ExifBlock}), whatever its format: a JPEG's APP1
     * segment, a PNG's eXIf chunk, a TIFF's own directories; null (with a warning if it was there
     * but could not be kept) when there is none.
     */
    private static byte[] exifBlock(FileChannel channel, String format, JpegSegments.Found segments, List<String> warnings) {
        try {
            return switch (format) {
                case "jpeg" -> segments.exif();
                case "png" -> ExifBlock.fromPngFile(channel);
                case "tiff" -> ExifBlock.fromTiffFile(channel);
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            warnings.add("could not keep the photo's Exif metadata (" + describe(e) + "); exports will not carry it");
            return null;
        }
    }

    /** The file's metadata, or null (with a warning) when it cannot be read: metadata is optional. */
    private static Metadata readMetadata(FileChannel channel, String decodedFormat, List<String> warnings) {
        try {
            return MetadataFiles.read(channel, decodedFormat);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // a photo whose pixels decode still opens
            warnings.add("could not read the photo's EXIF metadata (" + describe(e) + "); orientation assumed normal");
            return null;
        }
    }

    static int orientation(Metadata metadata, List<String> warnings) {
        ExifIFD0Directory ifd0 = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            try {
                int orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                if (orientation >= 1 && orientation <= 8) {
                    return orientation;
                }
                warnings.add("ignored an invalid EXIF orientation (" + orientation + ")");
            } catch (Exception e) {
                warnings.add("ignored an unreadable EXIF orientation (" + describe(e) + ")");
            }
        }
        return 1;
    }

    /** A decoder's format name as Retone says it: "jpeg", "tiff", "png", ... */
    static String normaliseFormat(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "jpg", "jpeg", "jpeg-lossless", "jpeg-ls" -> "jpeg";
            case "tif", "tiff" -> "tiff";
            default -> lower;
        };
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
        return "decoder warning: " + oneLine(decoderWarning);
    }

    /**
     * Text from a decoder as one line a person can read: it may quote bytes of the file (a chunk's
     * name), so line breaks and tabs become one space, other control characters '?', and it is cut at {@value #MAX_QUOTED} characters.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "(no details)";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_QUOTED + 3));
        for (int i = 0; i < text.length() && sb.length() < MAX_QUOTED; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');   // line breaks and tabs: one space
                }
            } else {
                sb.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        if (text.length() > MAX_QUOTED) {
            sb.append("...");
        }
        String line = sb.toString().strip();
        return line.isEmpty() ? "(no details)" : line;
    }

    private static final int MAX_QUOTED = 200;

    /** The exception's message, with its root cause's when that says something more, as one line. */
    static String describe(Throwable e) {
        return oneLine(describeRaw(e));
    }

    private static String describeRaw(Throwable e) {
        String text = app.retone.core.Errors.message(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !text.contains(root.getMessage())) {
            text = text + ": " + root.getMessage();
        }
        return text;
    }
}
