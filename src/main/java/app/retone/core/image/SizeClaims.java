package app.retone.core.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sizes that a file's headers claim and that a decoder or metadata-extractor allocates before it
 * reads a byte of what they describe. Each is checked against the bytes that could hold it: no
 * real profile or chunk is larger than its container.
 *
 * <ul>
 *   <li>An embedded ICC profile. TwelveMonkeys' JPEG and WebP readers read the profile's
 *       128-byte header, then allocate the size it claims (up to 2 GB) before finding the
 *       profile cut short. A claim beyond {@link ColourProfiles#MAX_PROFILE_BYTES}, more than any
 *       real profile (and than 255 JPEG segments hold), is refused in every format that embeds
 *       one, PNG and TIFF too, whose decoders would not allocate it: the same damage is refused
 *       alike wherever it is. A smaller claim is allocated safely; a profile cut short below it
 *       is the loader's warning.</li>
 *   <li>A BMP V5 header's profile size, which metadata-extractor allocates as one array.</li>
 *   <li>PNG and RIFF chunk lengths, which metadata-extractor allocates before reading.</li>
 *   <li>The size of a WebP's image data. An extended WebP (VP8X) states its canvas, which the
 *       reader reports and the loader checks; TwelveMonkeys' lossy decoder then allocates its
 *       macroblocks for the size in the VP8 frame header instead. A 7 KB file with a 64 × 32
 *       canvas whose frame header claimed 9068 × 13165 spent 12 s allocating before it found the
 *       data cut short (found by fuzzing). A still image's data is the size of its canvas.</li>
 * </ul>
 *
 * <p>Each method returns a sentence describing the first claim that cannot be true, or null.
 */
final class SizeClaims {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The BMP V5 header's colour-space types that come with a profile. */
    private static final int PROFILE_EMBEDDED = 0x4D424544; // 'MBED'
    private static final int PROFILE_LINKED = 0x4C494E4B;   // 'LINK'
    private static final int BMP_FILE_HEADER = 14;
    /** What metadata-extractor takes for a BMP: the Windows and the OS/2 file headers. */
    private static final java.util.Set<String> BMP_MAGICS = java.util.Set.of("BM", "BA", "CI", "CP", "IC", "PT");
    private static final int BMP_V5_HEADER = 124;

    private SizeClaims() {
    }

    /**
     * The first claim a decoder would allocate for and that cannot be true, or null: an embedded
     * ICC profile larger than any profile (in a JPEG, PNG, TIFF or WebP); in a WebP (one walk over
     * its chunks) a still image whose data is not its canvas's size or lacks its start code or
     * signature.
     */
    static String beforeDecoding(SeekableByteChannel in) throws IOException {
        long size = in.size();
        ByteBuffer head = read(in, 0, 12);
        if (head.remaining() >= 2 && (head.get(0) & 0xFF) == 0xFF && (head.get(1) & 0xFF) == 0xD8) {
            return profileClaim(JpegSegments.largestIccClaim(new BufferedInputStream(Channels.newInputStream(in.position(0)), 1 << 16)));
        }
        boolean png = head.remaining() >= 8 && head.slice(0, 8).equals(ByteBuffer.wrap(PNG_SIGNATURE));
        boolean tiff = head.remaining() >= 8 && TiffIfds.order(Arrays.copyOf(head.array(), 4)) != null;
        if (png || tiff) {
            try {
                return profileClaim(ColourProfiles.claimedSize(ColourProfiles.stored(in, png ? "png" : "tiff")));
            } catch (IllegalArgumentException e) {
                return null; // a profile that cannot be taken out is no claim: the loader reports it
            }
        }
        if (head.remaining() < 12 || !ascii(head, 0).equals("RIFF") || !ascii(head, 8).equals("WEBP")) {
            return null;
        }
        long canvasWidth = -1;
        long canvasHeight = -1;
        boolean animated = false;
        for (long pos = 12; pos + 8 <= size; ) {
            ByteBuffer chunk = read(in, pos, 18).order(ByteOrder.LITTLE_ENDIAN);
            long length = Integer.toUnsignedLong(chunk.getInt(4));
            String type = ascii(chunk, 0);
            String problem = null;
            if (type.equals("ICCP") && chunk.remaining() >= 12) {
                problem = profileClaim(Integer.toUnsignedLong(chunk.order(ByteOrder.BIG_ENDIAN).getInt(8)));
            } else if (type.equals("VP8X") && chunk.remaining() >= 18) {
                animated = (chunk.get(8) & 0x02) != 0; // then each frame has its own size and offset
                canvasWidth = uint24(chunk, 12) + 1;
                canvasHeight = uint24(chunk, 15) + 1;
            } else if (type.equals("VP8 ") && chunk.remaining() >= 18 && !animated) {
                if ((chunk.get(8) & 1) != 0) {
                    problem = "the WebP image data is damaged: its first frame is not a key frame";
                } else if ((chunk.get(11) & 0xFF) != 0x9D || (chunk.get(12) & 0xFF) != 0x01 || (chunk.get(13) & 0xFF) != 0x2A) {
                    problem = "the WebP image data is damaged: the VP8 frame has no start code";
                } else {
                    problem = sizeAgainstCanvas(chunk.getShort(14) & 0x3FFF, chunk.getShort(16) & 0x3FFF, canvasWidth,
                            canvasHeight);
                }
            } else if (type.equals("VP8L") && chunk.remaining() >= 13 && !animated) {
                int bits = chunk.getInt(9);
                problem = (chunk.get(8) & 0xFF) != 0x2F ? "the WebP image data is damaged: the VP8L bitstream has no signature"
                        : sizeAgainstCanvas((bits & 0x3FFF) + 1, (bits >>> 14 & 0x3FFF) + 1, canvasWidth, canvasHeight);
            }
            if (problem != null) {
                return problem;
            }
            pos += 8 + length + (length & 1);
        }
        return null;
    }

    /**
     * The refusal of an embedded profile whose header claims more than any profile holds, said
     * alike for every format; null for a claim a decoder may allocate (or none, -1).
     */
    static String profileClaim(long claim) {
        return claim > ColourProfiles.MAX_PROFILE_BYTES ? String.format(Locale.ROOT,
                "the embedded ICC colour profile is damaged: it claims %d bytes, more than any colour profile holds (%d MB)",
                claim, ColourProfiles.MAX_PROFILE_BYTES >> 20) : null;
    }

    private static String sizeAgainstCanvas(long width, long height, long canvasWidth, long canvasHeight) {
        if (canvasWidth < 0 || (width == canvasWidth && height == canvasHeight)) {
            return null; // a simple WebP's size is its image data's own, which the reader reports
        }
        return String.format(Locale.ROOT, "the WebP image data claims %d × %d pixels, but its canvas is %d × %d",
                width, height, canvasWidth, canvasHeight);
    }

    private static long uint24(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8 | (long) (b.get(at + 2) & 0xFF) << 16;
    }

    static String beforeDecoding(Path path) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(path)) {
            return beforeDecoding(in);
        }
    }

    /** A PNG or RIFF chunk, or a BMP colour profile, that claims more bytes than the whole file holds; null if none. */
    static String metadata(Path path) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(path)) {
            return metadata(in);
        }
    }

    static String metadata(SeekableByteChannel in) throws IOException {
        long size = in.size();
        ByteBuffer head = read(in, 0, 12);
        boolean png = head.remaining() >= 8 && head.slice(0, 8).equals(ByteBuffer.wrap(PNG_SIGNATURE));
        boolean riff = head.remaining() >= 12 && ascii(head, 0).equals("RIFF");
        boolean bmp = head.remaining() >= 2 && BMP_MAGICS.contains(ascii(head, 0).substring(0, 2));
        if (bmp) {
            return bmpProfile(in, size);
        }
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

    private static String bmpProfile(SeekableByteChannel in, long size) throws IOException {
        ByteBuffer header = read(in, BMP_FILE_HEADER, BMP_V5_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        if (header.remaining() < BMP_V5_HEADER || header.getInt(0) < BMP_V5_HEADER) {
            return null; // only a V5 header carries a profile
        }
        int type = header.getInt(56); // a little-endian DWORD, as all of the header
        long claim = Integer.toUnsignedLong(header.getInt(116));
        if ((type == PROFILE_EMBEDDED || type == PROFILE_LINKED) && claim > size) {
            return String.format(Locale.ROOT, "the BMP colour profile claims %d bytes, more than the whole file (%d bytes)",
                    claim, size);
        }
        return null;
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
