package app.retone.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a real APP1 Exif payload (big-endian TIFF): IFD0 with ASCII tags and a pointer to an
 * Exif sub-IFD holding ASCII, SHORT and RATIONAL tags, laid out as the TIFF 6.0 spec says.
 */
public final class ExifBuilder {

    private record Entry(int tag, int type, int count, byte[] data) {
    }

    private final List<Entry> ifd0 = new ArrayList<>();
    private final List<Entry> sub = new ArrayList<>();

    public ExifBuilder ascii0(int tag, String value) {
        ifd0.add(ascii(tag, value));
        return this;
    }

    public ExifBuilder ascii(int tagInSubIfd, String value, boolean sub) {
        (sub ? this.sub : ifd0).add(ascii(tagInSubIfd, value));
        return this;
    }

    public ExifBuilder rational(int tag, long numerator, long denominator) {
        sub.add(new Entry(tag, 5, 1, ByteBuffer.allocate(8).putInt((int) numerator).putInt((int) denominator).array()));
        return this;
    }

    public ExifBuilder shortValue(int tag, int value) {
        sub.add(new Entry(tag, 3, 1, ByteBuffer.allocate(4).putShort((short) value).array()));
        return this;
    }

    private static Entry ascii(int tag, String value) {
        byte[] bytes = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, bytes.length, bytes);
    }

    /** The payload of an APP1 segment: "Exif\0\0" then the TIFF structure. */
    public byte[] build() {
        List<Entry> first = new ArrayList<>(ifd0);
        first.add(new Entry(0x8769, 4, 1, new byte[4])); // Exif IFD pointer, filled in below
        int ifd0Offset = 8;
        int ifd0Size = 2 + first.size() * 12 + 4;
        int ifd0Data = ifd0Offset + ifd0Size;
        int ifd0DataSize = dataSize(first);
        int subOffset = ifd0Data + ifd0DataSize;
        ByteBuffer pointer = ByteBuffer.allocate(4).putInt(subOffset);
        first.set(first.size() - 1, new Entry(0x8769, 4, 1, pointer.array()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(ifd(first, ifd0Data));
        int subData = subOffset + 2 + sub.size() * 12 + 4;
        out.writeBytes(ifd(sub, subData));
        return out.toByteArray();
    }

    private static int dataSize(List<Entry> entries) {
        int size = 0;
        for (Entry e : entries) {
            if (e.data().length > 4) {
                size += e.data().length + (e.data().length & 1);
            }
        }
        return size;
    }

    /** One IFD (count, entries, next = 0) followed by the values that do not fit in an entry. */
    private static byte[] ifd(List<Entry> entries, int dataOffset) {
        ByteBuffer head = ByteBuffer.allocate(2 + entries.size() * 12 + 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        head.putShort((short) entries.size());
        int offset = dataOffset;
        for (Entry e : entries) {
            head.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
            if (e.data().length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(e.data(), 0, inline, 0, e.data().length);
                head.put(inline);
            } else {
                head.putInt(offset);
                data.writeBytes(e.data());
                if ((e.data().length & 1) == 1) {
                    data.write(0);
                }
                offset += e.data().length + (e.data().length & 1);
            }
        }
        head.putInt(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }
}
