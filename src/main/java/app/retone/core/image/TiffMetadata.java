package app.retone.core.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * What a TIFF export carries besides its pixels, as the tree the JDK's TIFF writer merges into its
 * image metadata ({@value #FORMAT}): the ICC profile (tag 34675) and the photo's Exif, IFD0's
 * tags with the Exif and GPS IFDs beside them; and the LZW compression's predictor, which that
 * writer takes from the metadata too.
 *
 * <p>The JDK's writer checks each field's type against the tag sets its IFD names and refuses a
 * photo whose camera wrote, say, the ISO as a LONG where Exif says SHORT. So the root names only
 * {@code ExifParentTIFFTagSet} (which makes 34665 and 34853 IFD pointers) and the sub-IFDs none:
 * every field is then written with the type it came with, as exiftool would keep it.
 * TwelveMonkeys' TIFF writer (3.12) takes the same tree but writes the values of a nested IFD
 * where the fields after it overwrite them (its issue #1240), so TIFF is written by the JDK's.
 */
final class TiffMetadata {

    static final String FORMAT = "javax_imageio_tiff_image_1.0";
    private static final String ROOT_TAG_SETS = "javax.imageio.plugins.tiff.ExifParentTIFFTagSet";
    private static final int PREDICTOR = 317;
    private static final byte HORIZONTAL_DIFFERENCING = 2;

    private TiffMetadata() {
    }

    /** The tree for a TIFF export with this ICC profile and this Exif block (each may be null). */
    static IIOMetadataNode tree(byte[] icc, byte[] exifPayload) {
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.setAttribute("tagSets", ROOT_TAG_SETS);
        TiffIfds.Directories exif = exifPayload == null ? null : ExifBlock.photoDirectories(exifPayload);
        if (exif != null) {
            fields(exif.ifd0(), exif.order()).forEach(ifd::appendChild);
            subIfd(ifd, TiffIfds.EXIF_IFD, exif.exif(), exif.order());
            subIfd(ifd, TiffIfds.GPS_IFD, exif.gps(), exif.order());
        }
        // horizontal differencing before the LZW compression, as TwelveMonkeys' writer does: a photo's
        // 8-bit TIFF comes out 40 % smaller; the JDK's writer writes 16-bit samples without it
        ifd.appendChild(field(new TiffIfds.Field(PREDICTOR, TiffIfds.SHORT, 1, new byte[] {0, HORIZONTAL_DIFFERENCING}),
                ByteOrder.BIG_ENDIAN));
        if (icc != null) {
            ifd.appendChild(field(new TiffIfds.Field(TiffIfds.ICC_PROFILE, TiffIfds.UNDEFINED, icc.length, icc), ByteOrder.BIG_ENDIAN));
        }
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        root.appendChild(ifd);
        return root;
    }

    private static void subIfd(IIOMetadataNode parent, int pointerTag, List<TiffIfds.Field> fields, ByteOrder order) {
        List<IIOMetadataNode> nodes = fields(fields, order);
        if (nodes.isEmpty()) {
            return;
        }
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.setAttribute("parentTagNumber", String.valueOf(pointerTag));
        nodes.forEach(ifd::appendChild);
        parent.appendChild(ifd);
    }

    private static List<IIOMetadataNode> fields(List<TiffIfds.Field> fields, ByteOrder order) {
        List<IIOMetadataNode> nodes = new ArrayList<>();
        for (TiffIfds.Field f : fields) {
            if (f.count() > 0 && f.type() != TiffIfds.IFD && f.tag() != TiffIfds.EXIF_IFD && f.tag() != TiffIfds.GPS_IFD) {
                nodes.add(field(f, order));
            }
        }
        return nodes;
    }

    /** One field as a TIFFField node, its values decoded from the bytes in {@code order}. */
    private static IIOMetadataNode field(TiffIfds.Field f, ByteOrder order) {
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", String.valueOf(f.tag()));
        if (f.type() == TiffIfds.UNDEFINED) {
            // one node for all the bytes: signed values, as the writer casts each to a byte
            StringBuilder bytes = new StringBuilder(f.value().length * 4);
            for (int i = 0; i < f.value().length; i++) {
                bytes.append(i > 0 ? "," : "").append(f.value()[i]);
            }
            IIOMetadataNode value = new IIOMetadataNode("TIFFUndefined");
            value.setAttribute("value", bytes.toString());
            field.appendChild(value);
            return field;
        }
        String name = switch (f.type()) {
            case TiffIfds.BYTE -> "TIFFByte";
            case TiffIfds.ASCII -> "TIFFAscii";
            case TiffIfds.SHORT -> "TIFFShort";
            case TiffIfds.LONG -> "TIFFLong";
            case TiffIfds.RATIONAL -> "TIFFRational";
            case TiffIfds.SBYTE -> "TIFFSByte";
            case TiffIfds.SSHORT -> "TIFFSShort";
            case TiffIfds.SLONG -> "TIFFSLong";
            case TiffIfds.SRATIONAL -> "TIFFSRational";
            case TiffIfds.FLOAT -> "TIFFFloat";
            case TiffIfds.DOUBLE -> "TIFFDouble";
            default -> throw new IllegalArgumentException("TIFF type " + f.type());
        };
        IIOMetadataNode values = new IIOMetadataNode(name + "s");
        for (String v : values(f, order)) {
            IIOMetadataNode value = new IIOMetadataNode(name);
            value.setAttribute("value", v);
            values.appendChild(value);
        }
        field.appendChild(values);
        return field;
    }

    private static List<String> values(TiffIfds.Field f, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(f.value()).order(order);
        List<String> out = new ArrayList<>();
        if (f.type() == TiffIfds.ASCII) {
            // NUL-separated strings; the writer ends each with its NUL again. ISO-8859-1 keeps every byte as one char.
            String all = new String(f.value(), StandardCharsets.ISO_8859_1);
            int end = all.length();
            while (end > 0 && all.charAt(end - 1) == '\0') {
                end--;
            }
            for (String s : all.substring(0, end).split("\0", -1)) {
                out.add(s);
            }
            return out;
        }
        int size = TiffIfds.typeSize(f.type());
        for (int at = 0; at + size <= f.value().length; at += size) {
            out.add(switch (f.type()) {
                case TiffIfds.BYTE -> String.valueOf(Byte.toUnsignedInt(b.get(at)));
                case TiffIfds.SBYTE -> String.valueOf(b.get(at));
                case TiffIfds.SHORT -> String.valueOf(Short.toUnsignedInt(b.getShort(at)));
                case TiffIfds.SSHORT -> String.valueOf(b.getShort(at));
                case TiffIfds.LONG -> Integer.toUnsignedString(b.getInt(at));
                case TiffIfds.SLONG -> String.valueOf(b.getInt(at));
                case TiffIfds.RATIONAL -> Integer.toUnsignedString(b.getInt(at)) + "/" + Integer.toUnsignedString(b.getInt(at + 4));
                case TiffIfds.SRATIONAL -> b.getInt(at) + "/" + b.getInt(at + 4);
                case TiffIfds.FLOAT -> Float.toString(b.getFloat(at));
                default -> Double.toString(b.getDouble(at)); // DOUBLE
            });
        }
        return out;
    }
}
