package app.retone.core.image;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A photo's Exif, kept in one representation whatever the file it came from: the payload of a
 * JPEG APP1 segment, {@code "Exif\0\0"} then a TIFF structure (the form {@link SourceInfo#exif}
 * holds). This class makes it from a PNG's eXIf chunk and from a TIFF file's own directories, and
 * gives it back as an eXIf chunk or as the directories a TIFF export writes.
 *
 * <p>A JPEG's or a PNG's block is kept byte for byte, as the JPEG and PNG exports write it again
 * (so a maker note, whose offsets count from the block's start, stays valid). Where the block's
 * directories are merged with another file's (a TIFF source, a TIFF export), only the photo's own
 * facts go: {@link #photoDirectories}.
 */
public final class ExifBlock {

    /** The largest block a JPEG APP1 segment can carry (its length field, less itself). */
    static final int MAX_PAYLOAD = 65_533;

    /**
     * The IFD0 tags that describe the photo rather than how a file stores its pixels: what it
     * shows, who and what made it and when, its resolution and orientation. The rest of a TIFF's
     * IFD0 (size, samples, compression, strips, colour description, its own profile and XMP)
     * belongs to that file alone.
     */
    static final Set<Integer> PHOTO_TAGS_IN_IFD0 = Set.of(
            270,    // ImageDescription
            271,    // Make
            272,    // Model
            274,    // Orientation
            282,    // XResolution
            283,    // YResolution
            296,    // ResolutionUnit
            305,    // Software
            306,    // DateTime
            315,    // Artist
            316,    // HostComputer
            18246,  // Rating
            18249,  // RatingPercent
            33432,  // Copyright
            40091, 40092, 40093, 40094, 40095); // Windows' XPTitle, XPComment, XPAuthor, XPKeywords, XPSubject

    /**
     * Exif sub-IFD tags that are not carried into another file's directories: the maker note (its
     * offsets count from its original place), the interoperability IFD (a JPEG's), and what
     * describes the source's encoding (its pixel size, JPEG's component order and compression).
     */
    static final Set<Integer> NOT_CARRIED_IN_EXIF_IFD = Set.of(
            37500,                        // MakerNote
            TiffIfds.INTEROPERABILITY_IFD,
            40962, 40963,                 // PixelXDimension, PixelYDimension
            37121, 37122);                // ComponentsConfiguration, CompressedBitsPerPixel

    private ExifBlock() {
    }

    /**
     * The block of a PNG file's eXIf chunk (a TIFF structure; a few writers put the "Exif\0\0" in
     * too), or null when it has none.
     *
     * @throws IllegalArgumentException when the chunk is larger than a block can be
     */
    static byte[] fromPngFile(SeekableByteChannel file) throws IOException {
        byte[] chunk = PngChunks.find(file, "eXIf", false, MAX_PAYLOAD);
        if (chunk == null) {
            return null;
        }
        return JpegSegments.startsWith(chunk, JpegSegments.EXIF_ID) ? chunk : withId(chunk);
    }

    /** What a PNG's eXIf chunk holds of a block: its TIFF structure; null if {@code payload} is not an Exif block. */
    static byte[] pngChunk(byte[] payload) {
        return isBlock(payload) ? Arrays.copyOfRange(payload, JpegSegments.EXIF_ID.length, payload.length) : null;
    }

    /**
     * The Exif of a TIFF file, from its own IFD0 (the photo's tags only) and the Exif and GPS IFDs
     * it points to; null when it has none or they would not fit one JPEG segment.
     */
    static byte[] fromTiffFile(SeekableByteChannel file) throws IOException {
        TiffIfds.Directories found = TiffIfds.read(TiffIfds.Bytes.of(file));
        return found == null ? null : block(photoDirectories(found));
    }

    /** The photo's facts in a block's directories ({@link #PHOTO_TAGS_IN_IFD0}, the Exif and GPS IFDs), or null if it has none. */
    static TiffIfds.Directories photoDirectories(byte[] payload) {
        if (!isBlock(payload)) {
            return null;
        }
        try {
            TiffIfds.Directories found = TiffIfds.read(TiffIfds.Bytes.of(payload, JpegSegments.EXIF_ID.length));
            return found == null ? null : photoDirectories(found);
        } catch (IOException e) {
            throw new IllegalStateException("reading an array cannot fail", e);
        }
    }

    private static TiffIfds.Directories photoDirectories(TiffIfds.Directories all) {
        List<TiffIfds.Field> ifd0 = all.ifd0().stream().filter(f -> PHOTO_TAGS_IN_IFD0.contains(f.tag())).toList();
        List<TiffIfds.Field> exif = all.exif().stream()
                .filter(f -> !NOT_CARRIED_IN_EXIF_IFD.contains(f.tag()) && f.type() != TiffIfds.IFD).toList();
        List<TiffIfds.Field> gps = all.gps().stream().filter(f -> f.type() != TiffIfds.IFD).toList();
        return new TiffIfds.Directories(all.order(), ifd0, exif, gps);
    }

    /** The block holding these directories; null when they hold nothing, or more than a JPEG segment carries. */
    private static byte[] block(TiffIfds.Directories directories) {
        if (directories.ifd0().isEmpty() && directories.exif().isEmpty() && directories.gps().isEmpty()) {
            return null;
        }
        byte[] tiff = TiffIfds.write(directories.order(), directories.ifd0(), directories.exif(), directories.gps());
        return tiff.length + JpegSegments.EXIF_ID.length > MAX_PAYLOAD ? null : withId(tiff);
    }

    private static boolean isBlock(byte[] payload) {
        return payload != null && JpegSegments.startsWith(payload, JpegSegments.EXIF_ID);
    }

    private static byte[] withId(byte[] tiff) {
        byte[] payload = new byte[JpegSegments.EXIF_ID.length + tiff.length];
        System.arraycopy(JpegSegments.EXIF_ID, 0, payload, 0, JpegSegments.EXIF_ID.length);
        System.arraycopy(tiff, 0, payload, JpegSegments.EXIF_ID.length, tiff.length);
        return payload;
    }
}
