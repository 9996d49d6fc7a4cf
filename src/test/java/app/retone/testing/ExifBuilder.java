package app.retone.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a real APP1 Exif payload (big-endian TIFF): IFD0 with its tags and pointers to an Exif
 * sub-IFD and a GPS IFD (each when it has tags), holding ASCII, BYTE, SHORT and RATIONAL tags,
 * laid out as the TIFF 6.0 spec says (entries in ascending tag order, values at even offsets).
 */
public final class ExifBuilder {

    private static final int EXIF_POINTER = 0x8769;
    private static final int GPS_POINTER = 0x8825;

    private record Entry(int tag, int type, int count, byte[] data) {
    }

    private final List<Entry> ifd0 = new ArrayList<>();
    private final List<Entry> sub = new ArrayList<>();
    private final List<Entry> gps = new ArrayList<>();

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
        sub.add(new Entry(tag, 3, 1, ByteBuffer.allocate(2).putShort((short) value).array()));
        return this;
    }

    /** A SHORT in IFD0 (the orientation, say). */
    public ExifBuilder short0(int tag, int value) {
        ifd0.add(new Entry(tag, 3, 1, ByteBuffer.allocate(2).putShort((short) value).array()));
        return this;
    }

    /**
     * A GPS position as cameras write it: GPSVersionID 2.3.0.0, the latitude and longitude as
     * degrees, minutes and seconds (to 1/100) with their N/S and E/W references.
     */
    public ExifBuilder gpsPosition(double latitude, double longitude) {
        gps.add(new Entry(0, 1, 4, new byte[] {2, 3, 0, 0}));
        gps.add(ascii(1, latitude >= 0 ? "N" : "S"));
        gps.add(new Entry(2, 5, 3, degreesMinutesSeconds(Math.abs(latitude))));
        gps.add(ascii(3, longitude >= 0 ? "E" : "W"));
        gps.add(new Entry(4, 5, 3, degreesMinutesSeconds(Math.abs(longitude))));
        return this;
    }

    private static byte[] degreesMinutesSeconds(double value) {
        long hundredths = Math.round(value * 360_000);
        return ByteBuffer.allocate(24)
                .putInt((int) (hundredths / 360_000)).putInt(1)
                .putInt((int) (hundredths / 6000 % 60)).putInt(1)
                .putInt((int) (hundredths % 6000)).putInt(100).array();
    }

    private static Entry ascii(int tag, String value) {
        byte[] bytes = (value + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, bytes.length, bytes);
    }

    /** The payload of an APP1 segment: "Exif\0\0" then the TIFF structure. */
    public byte[] build() {
        List<Entry> first = new ArrayList<>(ifd0);
        if (!sub.isEmpty()) {
            first.add(new Entry(EXIF_POINTER, 4, 1, new byte[4])); // filled in below
        }
        if (!gps.isEmpty()) {
            first.add(new Entry(GPS_POINTER, 4, 1, new byte[4]));
        }
        first.sort(java.util.Comparator.comparingInt(Entry::tag));
        int subOffset = 8 + size(first);
        int gpsOffset = subOffset + (sub.isEmpty() ? 0 : size(sub));
        for (int i = 0; i < first.size(); i++) {
            Entry e = first.get(i);
            if (e.tag() == EXIF_POINTER || e.tag() == GPS_POINTER) {
                first.set(i, new Entry(e.tag(), 4, 1, ByteBuffer.allocate(4).putInt(e.tag() == EXIF_POINTER ? subOffset : gpsOffset).array()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(ifd(first, 8));
        if (!sub.isEmpty()) {
            out.writeBytes(ifd(sorted(sub), subOffset));
        }
        if (!gps.isEmpty()) {
            out.writeBytes(ifd(sorted(gps), gpsOffset));
        }
        return out.toByteArray();
    }

    private static List<Entry> sorted(List<Entry> entries) {
        List<Entry> copy = new ArrayList<>(entries);
        copy.sort(java.util.Comparator.comparingInt(Entry::tag));
        return copy;
    }

    /** An IFD's bytes: count, entries, next offset, then the values that do not fit in an entry. */
    private static int size(List<Entry> entries) {
        int size = 2 + entries.size() * 12 + 4;
        for (Entry e : entries) {
            if (e.data().length > 4) {
                size += e.data().length + (e.data().length & 1);
            }
        }
        return size;
    }

    /** One IFD at {@code at} (count, entries, next = 0) followed by the values that do not fit in an entry. */
    private static byte[] ifd(List<Entry> entries, int at) {
        ByteBuffer head = ByteBuffer.allocate(2 + entries.size() * 12 + 4);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        head.putShort((short) entries.size());
        int offset = at + head.capacity();
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
