package app.retone.testing;

import app.retone.core.image.PhotoExporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Ways for an export's file to fail, as {@link PhotoExporter.ChannelOpener}s: each opens the real
 * temporary file and then misbehaves the way a disk, a folder or a thread does.
 */
public final class FaultyDisks {

    private FaultyDisks() {
    }

    /** What a failing write does once its byte budget is spent. */
    @FunctionalInterface
    private interface Fault {
        void strike(FileChannel real) throws IOException;
    }

    /** Accepts {@code bytes}, then fails like a full disk ({@code IOException: No space left on device}). */
    public static PhotoExporter.ChannelOpener fullAfter(long bytes) {
        return path -> new FaultyChannel(open(path), bytes, real -> {
            throw new IOException("No space left on device");
        });
    }

    /**
     * Accepts {@code bytes}, then interrupts the writing thread and lets the real channel see it: the
     * JDK closes the channel and throws {@link java.nio.channels.ClosedByInterruptException}. The
     * thread stays interrupted, as it would after a real interrupt.
     */
    public static PhotoExporter.ChannelOpener interruptedAfter(long bytes) {
        return path -> new FaultyChannel(open(path), bytes, real -> {
            Thread.currentThread().interrupt();
            real.write(ByteBuffer.allocate(1)); // throws ClosedByInterruptException
        });
    }

    /** A folder that refuses new files, as a read-only folder does for a user who is not root. */
    public static PhotoExporter.ChannelOpener readOnlyFolder() {
        return path -> {
            throw new AccessDeniedException(path.toString());
        };
    }

    /** Opens the file, but another program creates {@code destination} (with {@code content}) while Retone writes. */
    public static PhotoExporter.ChannelOpener destinationAppearsWhileWriting(Path destination, byte[] content) {
        return path -> {
            FileChannel real = open(path);
            Files.write(destination, content, StandardOpenOption.CREATE_NEW);
            return real;
        };
    }

    /** The temporary files an export left in {@code folder} (there must be none). */
    public static long partFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    /** True when permission bits bind this process (not root): a read-only folder then really refuses files. */
    public static boolean permissionsApply(Path scratch) throws IOException {
        Path probe = Files.createDirectories(scratch.resolve("permission-probe"));
        try {
            Files.setPosixFilePermissions(probe, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            return !Files.isWritable(probe);
        } catch (UnsupportedOperationException e) {
            return false;
        } finally {
            Files.setPosixFilePermissions(probe, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.delete(probe);
        }
    }

    private static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Delegates to a real channel until {@code budget} bytes are written, then strikes. */
    private static final class FaultyChannel extends FileChannel {
        private final FileChannel delegate;
        private final Fault fault;
        private long left;

        FaultyChannel(FileChannel delegate, long budget, Fault fault) {
            this.delegate = delegate;
            this.left = budget;
            this.fault = fault;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (left <= 0) {
                fault.strike(delegate);
                throw new IllegalStateException("the fault did not strike");
            }
            int n = (int) Math.min(left, src.remaining());
            ByteBuffer part = src.slice();
            part.limit(n);
            int written = delegate.write(part);
            src.position(src.position() + written);
            left -= written;
            return written;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return write(src);
        }

        @Override public int read(ByteBuffer dst) throws IOException { return delegate.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return delegate.read(dsts, offset, length); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return delegate.read(dst, position); }
        @Override public long position() throws IOException { return delegate.position(); }
        @Override public FileChannel position(long newPosition) throws IOException { delegate.position(newPosition); return this; }
        @Override public long size() throws IOException { return delegate.size(); }
        @Override public FileChannel truncate(long size) throws IOException { delegate.truncate(size); return this; }
        @Override public void force(boolean metaData) throws IOException { delegate.force(metaData); }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return delegate.transferTo(position, count, target); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { return delegate.transferFrom(src, position, count); }
        @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { return delegate.map(mode, position, size); }
        @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return delegate.lock(position, size, shared); }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return delegate.tryLock(position, size, shared); }
        @Override protected void implCloseChannel() throws IOException { delegate.close(); }
    }
}
