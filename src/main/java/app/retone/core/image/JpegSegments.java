package app.retone.core.image;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the JPEG marker segments Retone hands on from a source photo to its export:
 * the APP1 Exif block, the APP1 XMP packet and the APP2 ICC profile (which may span chunks).
 *
 * <p>Only the segments before the first scan are read; lengths are checked so a hostile file
 * cannot make it read past its end or allocate without bound.
 */
public final class JpegSegments {

    static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    /** More than this much metadata before the first scan is not a photo we want to trust. */
    private static final int MAX_TOTAL_METADATA = 32 << 20;
    private static final int MAX_SEGMENT_PAYLOAD = 65533;

    /** What was found: each part null when absent. */
    public record Found(byte[] exif, byte[] xmp, byte[] iccProfile) {
        static final Found NOTHING = new Found(null, null, null);
    }

    private JpegSegments() {
    }

    /**
     * Reads the Exif, XMP and ICC segments from the head of a JPEG stream. A damaged head
     * stops the reading and returns what was found so far: metadata is a bonus, never a
     * reason to refuse a photo whose pixels decode.
     */
    public static Found read(InputStream in) {
        byte[] exif = null;
        byte[] xmp = null;
        Map<Integer, byte[]> iccChunks = new TreeMap<>();
        int iccCount = -1;
        long total = 0;
        DataInputStream data = new DataInputStream(in);
        try {
            if (data.readUnsignedByte() != 0xFF || data.readUnsignedByte() != SOI) {
                return Found.NOTHING;
            }
            while (true) {
                int marker = nextMarker(data);
                if (marker == SOS || marker == EOI) {
                    break;
                }
                if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    continue; // markers without a length
                }
                int length = data.readUnsignedShort();
                if (length < 2) {
                    break;
                }
                int payloadLength = length - 2;
                total += payloadLength;
                if (total > MAX_TOTAL_METADATA) {
                    break;
                }
                if (marker == APP1 || marker == APP2) {
                    byte[] payload = new byte[payloadLength];
                    data.readFully(payload);
                    if (marker == APP1 && exif == null && startsWith(payload, EXIF_ID)) {
                        exif = payload;
                    } else if (marker == APP1 && xmp == null && startsWith(payload, XMP_ID)) {
                        xmp = payload;
                    } else if (marker == APP2 && startsWith(payload, ICC_ID) && payload.length > ICC_ID.length + 2) {
                        int seq = payload[ICC_ID.length] & 0xFF;
                        int count = payload[ICC_ID.length + 1] & 0xFF;
                        if (iccCount < 0) {
                            iccCount = count;
                        }
                        iccChunks.putIfAbsent(seq, Arrays.copyOfRange(payload, ICC_ID.length + 2, payload.length));
                    }
                } else {
                    data.skipNBytes(payloadLength);
                }
            }
        } catch (EOFException e) {
            // a truncated head: keep what was read
        } catch (IOException e) {
            return new Found(exif, xmp, joinIcc(iccChunks, iccCount));
        }
        return new Found(exif, xmp, joinIcc(iccChunks, iccCount));
    }

    private static int nextMarker(DataInputStream data) throws IOException {
        while (true) {
            int b = data.readUnsignedByte();
            while (b != 0xFF) { // tolerate garbage between segments, as decoders do
                b = data.readUnsignedByte();
            }
            int marker = data.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes
                marker = data.readUnsignedByte();
            }
            if (marker != 0x00) { // FF 00 is a stuffed byte, not a marker: decoders skip it as garbage
                return marker;
            }
        }
    }

    /**
     * The largest size an ICC profile's header in the stream claims, -1 when there is none.
     *
     * <p>Found by searching the bytes for the APP2 ICC identifier rather than by walking the
     * segments, so it cannot be misled where a decoder resynchronises differently from this
     * class (fuzzing found a stray {@code FF 00} that hid a profile from the walk but not from
     * the decoder). A profile starts with its size, after the identifier, sequence and count —
     * in its first chunk only: a profile over 65 519 bytes goes on in further chunks, where the
     * same place holds profile data. The chunk numbered 1 and the first chunk in the file are
     * read (a decoder takes one or the other when the numbers are wrong).
     */
    public static long largestIccClaim(InputStream in) throws IOException {
        int idLength = ICC_ID.length;
        int need = idLength + 2 + 4;
        byte[] buffer = new byte[1 << 16];
        int kept = 0;
        long largest = -1;
        boolean firstChunk = true;
        int read;
        while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
            int end = kept + read;
            int i = 0;
            for (; i + need <= end; i++) {
                if (buffer[i] == 'I' && matchesAt(buffer, i, ICC_ID)) {
                    int sequence = buffer[i + idLength] & 0xFF;
                    if (sequence == 1 || firstChunk) {
                        int at = i + idLength + 2;
                        long claim = (buffer[at] & 0xFFL) << 24 | (buffer[at + 1] & 0xFF) << 16
                                | (buffer[at + 2] & 0xFF) << 8 | (buffer[at + 3] & 0xFF);
                        largest = Math.max(largest, claim);
                    }
                    firstChunk = false;
                }
            }
            kept = end - i; // an identifier cut by the buffer's end is looked at again with what follows
            System.arraycopy(buffer, i, buffer, 0, kept);
        }
        return largest;
    }

    private static boolean matchesAt(byte[] data, int at, byte[] id) {
        for (int k = 0; k < id.length; k++) {
            if (data[at + k] != id[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] joinIcc(Map<Integer, byte[]> chunks, int count) {
        if (chunks.isEmpty() || count <= 0 || chunks.size() != count) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int seq = 1; seq <= count; seq++) {
            byte[] chunk = chunks.get(seq);
            if (chunk == null) {
                return null;
            }
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    /**
     * Puts the given segments right after the SOI of {@code jpeg} (as an encoder wrote it),
     * dropping the encoder's JFIF APP0 when an Exif block is added (Exif files carry no JFIF).
     */
    public static byte[] insert(byte[] jpeg, byte[] exif, byte[] xmp, byte[] iccProfile) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != SOI) {
            throw new IllegalArgumentException("not a JPEG stream");
        }
        if (jpeg.length < 6) {
            throw new IllegalArgumentException("not a JPEG stream");
        }
        // the encoder's JFIF APP0, if any: dropped when an Exif block comes in (Exif files carry
        // no JFIF), otherwise kept first, as JFIF requires
        int app0End = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == APP0) {
            int length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
            if (4 + length > jpeg.length) {
                throw new IllegalArgumentException("truncated JPEG stream");
            }
            app0End = 4 + length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
        out.write(0xFF);
        out.write(SOI);
        int rest = app0End;
        if (exif == null && app0End > 2) {
            out.write(jpeg, 2, app0End - 2);
        }
        if (exif != null) {
            writeSegment(out, APP1, exif);
        }
        if (xmp != null) {
            writeSegment(out, APP1, xmp);
        }
        if (iccProfile != null) {
            int chunkSize = MAX_SEGMENT_PAYLOAD - ICC_ID.length - 2;
            int count = (iccProfile.length + chunkSize - 1) / chunkSize;
            if (count <= 255) {
                for (int i = 0; i < count; i++) {
                    int from = i * chunkSize;
                    int to = Math.min(iccProfile.length, from + chunkSize);
                    ByteArrayOutputStream payload = new ByteArrayOutputStream(to - from + ICC_ID.length + 2);
                    payload.writeBytes(ICC_ID);
                    payload.write(i + 1);
                    payload.write(count);
                    payload.write(iccProfile, from, to - from);
                    writeSegment(out, APP2, payload.toByteArray());
                }
            }
        }
        out.write(jpeg, rest, jpeg.length - rest);
        return out.toByteArray();
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
        if (payload.length > MAX_SEGMENT_PAYLOAD) {
            return; // cannot be carried in one segment; dropping it beats writing a broken file
        }
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >>> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
