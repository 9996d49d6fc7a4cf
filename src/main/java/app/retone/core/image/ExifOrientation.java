package app.retone.core.image;

import app.retone.core.Errors;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.util.ArrayList;
import java.util.List;

/**
 * EXIF orientation: reading it from a file's metadata, turning pixels upright, and resetting the
 * tag in an Exif block once they are.
 */
public final class ExifOrientation {

    static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /**
     * The orientation in a file's metadata (its first IFD's tag), 1 when there is none; an invalid or
     * unreadable one is a warning and reads as 1. The loader's, the thumbnails' and the export's rule.
     */
    public static int of(Metadata metadata, List<String> warnings) {
        ExifIFD0Directory ifd0 = metadata == null ? null : metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
            try {
                int orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                if (orientation >= 1 && orientation <= 8) {
                    return orientation;
                }
                warnings.add("ignored an invalid EXIF orientation (" + orientation + ")");
            } catch (Exception e) {
                warnings.add("ignored an unreadable EXIF orientation (" + Errors.describe(e) + ")");
            }
        }
        return 1;
    }

    /** Whether the orientation swaps width and height (the four with a 90° turn). */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * Returns the pixels of a {@code width × height} image as they should be displayed for the
     * given EXIF orientation. Orientation 1 (or an unknown value) returns the same array.
     */
    public static int[] apply(int[] src, int width, int height, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        int[] dst = new int[src.length];
        int outW = swapsAxes(orientation) ? height : width;
        int outH = swapsAxes(orientation) ? width : height;
        for (int y = 0; y < outH; y++) {
            int row = y * outW;
            for (int x = 0; x < outW; x++) {
                dst[row + x] = src[sourceIndex(x, y, width, height, orientation)];
            }
        }
        return dst;
    }

    /** The same for 16-bit pixels, three samples (R, G, B) each. */
    public static short[] apply(short[] src, int width, int height, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        short[] dst = new short[src.length];
        int outW = swapsAxes(orientation) ? height : width;
        int outH = swapsAxes(orientation) ? width : height;
        for (int y = 0; y < outH; y++) {
            int row = y * outW;
            for (int x = 0; x < outW; x++) {
                int from = 3 * sourceIndex(x, y, width, height, orientation);
                int to = 3 * (row + x);
                dst[to] = src[from];
                dst[to + 1] = src[from + 1];
                dst[to + 2] = src[from + 2];
            }
        }
        return dst;
    }

    /** Where the displayed pixel (x, y) is in the stored {@code width × height} image. */
    private static int sourceIndex(int x, int y, int width, int height, int orientation) {
        return switch (orientation) {
            case 2 -> y * width + (width - 1 - x);
            case 3 -> (height - 1 - y) * width + (width - 1 - x);
            case 4 -> (height - 1 - y) * width + x;
            case 5 -> x * width + y;
            case 6 -> (height - 1 - x) * width + y;
            case 7 -> (height - 1 - x) * width + (width - 1 - y);
            default -> x * width + (width - 1 - y); // 8
        };
    }

    /**
     * A copy of an APP1 Exif payload ("Exif\0\0" + TIFF structure) that readers take as upright:
     * every orientation entry of IFD0 becomes a SHORT of value 1, in IFD0 as metadata-extractor
     * (the loader's reader) finds it, at the offset the header gives, or at byte 8 when that lies
     * beyond the block. A block without the tag is returned unchanged. A block so damaged that the
     * loader's reader would still find another orientation in it gives null: an export must not
     * carry what would make a viewer turn its upright pixels again.
     */
    public static byte[] resetToNormal(byte[] exifPayload) {
        byte[] copy = exifPayload.clone();
        int base = JpegSegments.EXIF_ID.length;
        if (!JpegSegments.startsWith(copy, JpegSegments.EXIF_ID) || copy.length < base + 8) {
            return copy;
        }
        boolean little;
        if (copy[base] == 'I' && copy[base + 1] == 'I') {
            little = true;
        } else if (copy[base] == 'M' && copy[base + 1] == 'M') {
            little = false;
        } else {
            return copy;
        }
        long ifd0 = (int) readInt(copy, base + 4, little); // signed, as metadata-extractor reads it
        if (ifd0 >= copy.length - base - 1) {
            ifd0 = 8; // metadata-extractor's fallback for an offset beyond the data
        }
        long ifdStart = base + ifd0;
        if (ifd0 >= 0 && ifdStart + 2 <= copy.length) {
            int entries = readShort(copy, (int) ifdStart, little);
            for (int i = 0; i < entries; i++) {
                int entry = (int) ifdStart + 2 + i * 12;
                if (entry + 12 > copy.length) {
                    break;
                }
                if (readShort(copy, entry, little) == TAG_ORIENTATION) {
                    writeShort(copy, entry + 2, 3, little);   // SHORT
                    writeInt(copy, entry + 4, 1, little);     // one value
                    writeShort(copy, entry + 8, 1, little);   // 1: normal
                    writeShort(copy, entry + 10, 0, little);
                }
            }
        }
        return orientationAsRead(copy) == 1 ? copy : null;
    }

    /** The orientation the loader would take from this Exif block (1 when it finds none it can use). */
    private static int orientationAsRead(byte[] exifPayload) {
        Metadata metadata = new Metadata();
        try {
            new ExifReader().extract(new ByteArrayReader(exifPayload), metadata, JpegSegments.EXIF_ID.length);
        } catch (RuntimeException e) {
            return 1; // unreadable: the loader would read no orientation either
        }
        return of(metadata, new ArrayList<>());
    }

    /** An XMP packet with tiff:Orientation (attribute or element) set to 1. */
    public static byte[] resetXmpOrientation(byte[] xmpPayload) {
        int start = JpegSegments.XMP_ID.length;
        if (!JpegSegments.startsWith(xmpPayload, JpegSegments.XMP_ID)) {
            return xmpPayload;
        }
        String xml = new String(xmpPayload, start, xmpPayload.length - start, java.nio.charset.StandardCharsets.UTF_8);
        String fixed = xml.replaceAll("tiff:Orientation=\"[0-9]+\"", "tiff:Orientation=\"1\"")
                .replaceAll("<tiff:Orientation>\\s*[0-9]+\\s*</tiff:Orientation>", "<tiff:Orientation>1</tiff:Orientation>");
        if (fixed.equals(xml)) {
            return xmpPayload;
        }
        byte[] body = fixed.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[start + body.length];
        System.arraycopy(xmpPayload, 0, out, 0, start);
        System.arraycopy(body, 0, out, start, body.length);
        return out;
    }

    private static int readShort(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void writeShort(byte[] b, int at, int value, boolean little) {
        b[at + (little ? 0 : 1)] = (byte) value;
        b[at + (little ? 1 : 0)] = (byte) (value >>> 8);
    }

    private static void writeInt(byte[] b, int at, int value, boolean little) {
        for (int k = 0; k < 4; k++) {
            b[at + (little ? k : 3 - k)] = (byte) (value >>> (8 * k));
        }
    }

    private static long readInt(byte[] b, int at, boolean little) {
        long v = little
                ? (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24
                : (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
        return v;
    }
}
