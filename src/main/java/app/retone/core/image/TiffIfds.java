package app.retone.core.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories of a TIFF structure, read and written at the byte level: the first directory
 * (IFD0) and the two it points to that a photo's Exif uses, the Exif sub-IFD (tag 34665) and the
 * GPS IFD (tag 34853). The structure is either a whole TIFF file or the TIFF part of an Exif block.
 *
 * <p>Each field keeps its type, its count and its value's bytes as stored (in the structure's
 * byte order), so a field is written back exactly as it was read. Reading trusts no offset or
 * count: each is checked against the bytes there are, a field of an unknown type or whose value
 * lies outside them is skipped, and the directories and values read are capped
 * ({@link #MAX_ENTRIES}, {@link #MAX_VALUE_BYTES}, {@link #MAX_TOTAL_BYTES}), so a hostile file
 * cannot make it read or allocate without bound. BigTIFF is not read.
 */
final class TiffIfds {

    static final int EXIF_IFD = 34665;
    static final int GPS_IFD = 34853;
    static final int INTEROPERABILITY_IFD = 40965;
    static final int ICC_PROFILE = 34675;

    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int SBYTE = 6;
    static final int UNDEFINED = 7;
    static final int SSHORT = 8;
    static final int SLONG = 9;
    static final int SRATIONAL = 10;
    static final int FLOAT = 11;
    static final int DOUBLE = 12;
    static final int IFD = 13;

    /** Bytes per value of each type (index: the type), 0 for none. */
    private static final int[] TYPE_SIZES = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    /** Real directories hold tens of fields. */
    static final int MAX_ENTRIES = 1024;
    /** A value larger than one JPEG segment holds is of no use to an export. */
    static final int MAX_VALUE_BYTES = 65_535;
    /** All the values read from one structure. */
    static final int MAX_TOTAL_BYTES = 1 << 20;

    /** One field: its tag, type, count and value bytes, in the structure's byte order. */
    record Field(int tag, int type, long count, byte[] value) {
    }

    /** The three directories (each empty when absent), in the byte order they were stored in. */
    record Directories(ByteOrder order, List<Field> ifd0, List<Field> exif, List<Field> gps) {
    }

    /** Where the bytes of a structure are: a file, or an array. */
    interface Bytes {
        long size();

        /** Reads {@code into.length} bytes at {@code at}; false if there are not that many. */
        boolean read(long at, byte[] into) throws IOException;

        static Bytes of(byte[] array, int from) {
            return new Bytes() {
                @Override
                public long size() {
                    return array.length - from;
                }

                @Override
                public boolean read(long at, byte[] into) {
                    if (at < 0 || at + into.length > size()) {
                        return false;
                    }
                    System.arraycopy(array, (int) (from + at), into, 0, into.length);
                    return true;
                }
            };
        }

        static Bytes of(SeekableByteChannel file) {
            return new Bytes() {
                @Override
                public long size() {
                    try {
                        return file.size();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean read(long at, byte[] into) throws IOException {
                    if (at < 0 || at + into.length > size()) {
                        return false;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(into);
                    file.position(at);
                    while (buffer.hasRemaining()) {
                        if (file.read(buffer) < 0) {
                            return false;
                        }
                    }
                    return true;
                }
            };
        }
    }

    private TiffIfds() {
    }

    /** The byte order of a TIFF header ("II" or "MM", then 42), or null if {@code head} does not start with one. */
    static ByteOrder order(byte[] head) {
        if (head.length < 4) {
            return null;
        }
        ByteOrder order = head[0] == 'I' && head[1] == 'I' ? ByteOrder.LITTLE_ENDIAN
                : head[0] == 'M' && head[1] == 'M' ? ByteOrder.BIG_ENDIAN : null;
        return order != null && ByteBuffer.wrap(head, 2, 2).order(order).getShort() == 42 ? order : null;
    }

    /** The directories of the structure in {@code in}, or null when it does not start with a TIFF header. */
    static Directories read(Bytes in) throws IOException {
        byte[] header = new byte[8];
        ByteOrder order = in.read(0, header) ? order(header) : null;
        if (order == null) {
            return null;
        }
        Reader reader = new Reader(in, order);
        long first = ByteBuffer.wrap(header, 4, 4).order(order).getInt(); // signed, as metadata-extractor reads it
        // where metadata-extractor (the loader's reader) looks when the offset lies beyond the data
        List<Field> ifd0 = reader.directory(first >= in.size() - 1 ? 8 : first);
        return new Directories(order, ifd0, reader.pointed(ifd0, EXIF_IFD), reader.pointed(ifd0, GPS_IFD));
    }

    /**
     * The value of IFD0's field {@code tag} in the structure in {@code in}, or null when it has
     * none (or the structure no TIFF header): for a value larger than {@link #MAX_VALUE_BYTES}, as
     * an ICC profile may be.
     *
     * @throws IllegalArgumentException when the value is larger than {@code maxBytes}, or lies outside the file
     */
    static byte[] ifd0Value(Bytes in, int tag, int maxBytes) throws IOException {
        byte[] header = new byte[8];
        ByteOrder order = in.read(0, header) ? order(header) : null;
        if (order == null) {
            return null;
        }
        Reader reader = new Reader(in, order, t -> t == tag, maxBytes, true);
        Field field = find(reader.directory(Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).order(order).getInt())), tag);
        return field == null ? null : field.value();
    }

    /** The value of the field with this tag, or null. */
    static Field find(List<Field> fields, int tag) {
        return fields.stream().filter(f -> f.tag() == tag).findFirst().orElse(null);
    }

    /** Reads directories, checking every offset and count; the values of the {@code wanted} tags only, each up to {@code maxValue} bytes. */
    private static final class Reader {
        private final Bytes in;
        private final ByteOrder order;
        private final java.util.function.IntPredicate wanted;
        private final int maxValue;
        /** Whether a value over the limit, or outside the file, is an error rather than a field skipped. */
        private final boolean strict;
        private final Set<Long> visited = new HashSet<>();
        private long total;

        Reader(Bytes in, ByteOrder order) {
            this(in, order, tag -> true, MAX_VALUE_BYTES, false);
        }

        Reader(Bytes in, ByteOrder order, java.util.function.IntPredicate wanted, int maxValue, boolean strict) {
            this.in = in;
            this.order = order;
            this.wanted = wanted;
            this.maxValue = maxValue;
            this.strict = strict;
        }

        /** The directory the pointer field {@code tag} of {@code parent} points to; empty if none. */
        List<Field> pointed(List<Field> parent, int tag) throws IOException {
            Field pointer = find(parent, tag);
            if (pointer == null || (pointer.type() != LONG && pointer.type() != IFD) || pointer.count() != 1) {
                return List.of();
            }
            return directory(Integer.toUnsignedLong(ByteBuffer.wrap(pointer.value()).order(order).getInt()));
        }

        /** The wanted fields of the directory at {@code offset}, in the order stored: every one whose value can be read. */
        List<Field> directory(long offset) throws IOException {
            byte[] countBytes = new byte[2];
            if (offset < 8 || !visited.add(offset) || !in.read(offset, countBytes)) {
                return List.of(); // none, out of the structure, or a loop back to a directory already read
            }
            int entries = Short.toUnsignedInt(ByteBuffer.wrap(countBytes).order(order).getShort());
            byte[] table = new byte[Math.min(entries, MAX_ENTRIES) * 12];
            if (!in.read(offset + 2, table)) {
                return List.of();
            }
            ByteBuffer t = ByteBuffer.wrap(table).order(order);
            List<Field> fields = new ArrayList<>();
            for (int at = 0; at < table.length; at += 12) {
                int tag = Short.toUnsignedInt(t.getShort(at));
                int type = Short.toUnsignedInt(t.getShort(at + 2));
                long count = Integer.toUnsignedLong(t.getInt(at + 4));
                if (!wanted.test(tag) || typeSize(type) == 0) {
                    continue; // not asked for, or a type TIFF does not define: its size is unknown
                }
                long size = count * typeSize(type);
                if (size > maxValue || total + size > Math.max(MAX_TOTAL_BYTES, maxValue)) {
                    if (strict) {
                        throw new IllegalArgumentException("tag " + tag + " holds " + size + " bytes, more than the " + maxValue + " it may");
                    }
                    continue;
                }
                byte[] value = new byte[(int) size];
                if (size <= 4) {
                    System.arraycopy(table, at + 8, value, 0, value.length);
                } else if (!in.read(Integer.toUnsignedLong(t.getInt(at + 8)), value)) {
                    if (strict) {
                        throw new IllegalArgumentException("tag " + tag + "'s " + size + " bytes lie beyond the end of the file");
                    }
                    continue; // the value lies outside the structure
                }
                total += size;
                fields.add(new Field(tag, type, count, value));
            }
            return fields;
        }
    }

    /**
     * A TIFF structure (header, IFD0, then the Exif and GPS IFDs when not empty) holding these
     * fields, in {@code order}, which must be the order their values are stored in. IFD0's
     * pointers to the other two are made here: any of {@code ifd0} are dropped. Fields are written
     * in ascending tag order, as TIFF requires; of two with the same tag the first is kept.
     */
    static byte[] write(ByteOrder order, List<Field> ifd0, List<Field> exif, List<Field> gps) {
        List<Field> first = new ArrayList<>(ifd0.stream().filter(f -> f.tag() != EXIF_IFD && f.tag() != GPS_IFD).toList());
        List<Field> exifFields = sorted(exif);
        List<Field> gpsFields = sorted(gps);
        long ifd0At = 8;
        // the pointers' values are inline, so where each directory goes is known before they are made
        int pointers = (exifFields.isEmpty() ? 0 : 1) + (gpsFields.isEmpty() ? 0 : 1);
        long exifAt = ifd0At + directorySize(sorted(first)) + 12L * pointers;
        long gpsAt = exifAt + (exifFields.isEmpty() ? 0 : directorySize(exifFields));
        if (!exifFields.isEmpty()) {
            first.add(0, pointer(order, EXIF_IFD, exifAt));
        }
        if (!gpsFields.isEmpty()) {
            first.add(0, pointer(order, GPS_IFD, gpsAt));
        }
        List<Field> pointed = sorted(first);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(8).order(order);
        header.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M').put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M')
                .putShort((short) 42).putInt((int) ifd0At);
        out.writeBytes(header.array());
        out.writeBytes(directory(order, pointed, ifd0At));
        if (!exifFields.isEmpty()) {
            out.writeBytes(directory(order, exifFields, exifAt));
        }
        if (!gpsFields.isEmpty()) {
            out.writeBytes(directory(order, gpsFields, gpsAt));
        }
        return out.toByteArray();
    }

    private static Field pointer(ByteOrder order, int tag, long offset) {
        return new Field(tag, LONG, 1, ByteBuffer.allocate(4).order(order).putInt((int) offset).array());
    }

    private static List<Field> sorted(List<Field> fields) {
        Set<Integer> seen = new HashSet<>();
        return fields.stream().filter(f -> seen.add(f.tag())).sorted(Comparator.comparingInt(Field::tag)).toList();
    }

    /** Bytes of a directory with its values: count, entries, next-directory offset, values at even offsets. */
    private static long directorySize(List<Field> fields) {
        long size = 2 + 12L * fields.size() + 4;
        for (Field f : fields) {
            if (f.value().length > 4) {
                size += f.value().length + (f.value().length & 1);
            }
        }
        return size;
    }

    private static byte[] directory(ByteOrder order, List<Field> fields, long at) {
        ByteBuffer table = ByteBuffer.allocate(2 + 12 * fields.size() + 4).order(order);
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        long valuesAt = at + table.capacity();
        table.putShort((short) fields.size());
        for (Field f : fields) {
            table.putShort((short) f.tag()).putShort((short) f.type()).putInt((int) f.count());
            if (f.value().length <= 4) {
                table.put(java.util.Arrays.copyOf(f.value(), 4));
            } else {
                table.putInt((int) (valuesAt + values.size()));
                values.writeBytes(f.value());
                if ((f.value().length & 1) == 1) {
                    values.write(0);
                }
            }
        }
        table.putInt(0); // no next directory: the exported photo's Exif has no thumbnail
        ByteArrayOutputStream out = new ByteArrayOutputStream(table.capacity() + values.size());
        out.writeBytes(table.array());
        out.writeBytes(values.toByteArray());
        return out.toByteArray();
    }

    /** Bytes per value of {@code type} (one of the TIFF types above). */
    static int typeSize(int type) {
        return type >= 1 && type < TYPE_SIZES.length ? TYPE_SIZES[type] : 0;
    }
}
