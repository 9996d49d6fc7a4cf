package app.retone.core.edit;

import app.retone.core.io.AtomicFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The dataset file the Java side writes and the Python trainer reads (version 1).
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "RTHD" (ASCII)
 *      4     4  version, uint32 little-endian (1)
 *      8     4  bins B per channel, uint32 LE
 *     12     4  count N of pairs, uint32 LE
 *     16     4  header size in bytes, uint32 LE (32)
 *     20    12  reserved, zero
 *     32     -  N pairs: edited histogram then original histogram, each B³ float32 LE,
 *               flat index (r * B + g) * B + b, each summing to 1
 * </pre>
 */
public final class HistogramDataset {

    public static final byte[] MAGIC = "RTHD".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 32;

    private HistogramDataset() {
    }

    /** Writes pairs to a temporary file and moves it into place on {@link #close()}. */
    public static final class Writer implements Closeable {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final int bins;
        private final int cells;
        private final ByteBuffer pair;
        private long count;
        private boolean done;

        public Writer(Path target, int bins) throws IOException {
            this.target = target.toAbsolutePath().normalize();
            this.bins = bins;
            this.cells = bins * bins * bins;
            this.temp = AtomicFiles.siblingTemp(this.target);
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            this.pair = ByteBuffer.allocate(8 * cells).order(ByteOrder.LITTLE_ENDIAN);
            channel.write(header(bins, 0));
        }

        public void add(float[] edited, float[] original) throws IOException {
            if (edited.length != cells || original.length != cells) {
                throw new IllegalArgumentException("histograms must have " + cells + " bins");
            }
            pair.clear();
            pair.asFloatBuffer().put(edited).put(original);
            pair.position(0).limit(8 * cells);
            while (pair.hasRemaining()) {
                channel.write(pair);
            }
            count++;
        }

        public long count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            boolean moved = false;
            try {
                if (count > 0xFFFFFFFFL) {
                    throw new IOException("too many pairs for one dataset file: " + count);
                }
                channel.write(header(bins, count), 0);
                channel.force(true);
                channel.close();
                AtomicFiles.moveIntoPlace(temp, target, true);
                moved = true;
            } finally {
                channel.close();
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            }
        }

        /** Drops everything written: no file is left. */
        public void abort() throws IOException {
            done = true;
            channel.close();
            Files.deleteIfExists(temp);
        }
    }

    static ByteBuffer header(int bins, long count) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(VERSION).putInt(bins).putInt((int) count).putInt(HEADER_SIZE);
        h.position(0);
        return h;
    }

    /** A dataset file read back: its bins, count, and pairs on demand. */
    public record Contents(int bins, int count, float[][] edited, float[][] original) {
    }

    public static Contents read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && channel.read(h) >= 0) {
                // fill
            }
            h.flip();
            byte[] magic = new byte[4];
            if (h.remaining() < HEADER_SIZE) {
                throw new IOException(path + ": too short for a dataset header");
            }
            h.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(path + ": not a Retone dataset (bad magic)");
            }
            int version = h.getInt();
            int bins = h.getInt();
            int count = h.getInt();
            int headerSize = h.getInt();
            if (version != VERSION) {
                throw new IOException(path + ": dataset version " + version + ", expected " + VERSION);
            }
            int cells = bins * bins * bins;
            long expected = headerSize + 8L * cells * count;
            if (channel.size() != expected) {
                throw new IOException(path + ": size " + channel.size() + " does not match its header (" + expected + ")");
            }
            float[][] edited = new float[count][cells];
            float[][] original = new float[count][cells];
            ByteBuffer pair = ByteBuffer.allocate(8 * cells).order(ByteOrder.LITTLE_ENDIAN);
            channel.position(headerSize);
            for (int i = 0; i < count; i++) {
                pair.clear();
                while (pair.hasRemaining() && channel.read(pair) >= 0) {
                    // fill
                }
                pair.flip();
                pair.asFloatBuffer().get(edited[i]);
                pair.position(4 * cells);
                pair.asFloatBuffer().get(original[i]);
            }
            return new Contents(bins, count, edited, original);
        }
    }
}
