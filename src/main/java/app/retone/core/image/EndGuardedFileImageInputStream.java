package app.retone.core.image;

import java.io.IOException;
import java.io.RandomAccessFile;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A stream for decoders over a file the caller has opened and will close, which stops a decoder
 * that keeps reading past the end of the file.
 *
 * <p>The file is borrowed: neither {@link #close()} nor the garbage collector closes it. (The
 * JDK's {@code FileImageInputStream} closes its file once the stream becomes unreachable; the
 * loader reads the same file again for its metadata after decoding, and a collection in between
 * made that read fail with a {@code ClosedChannelException}, now and then.)
 *
 * <p>Some decoders treat the end of a truncated file as "more zero bits" and go on: TwelveMonkeys'
 * lossless WebP decoder catches each {@link java.io.EOFException} and decodes every pixel the
 * header promised from nothing, one exception per read. An 88-byte file claiming 13120 × 2
 * pixels took 0.35 s; one claiming 200 MP would take most of an hour. Hitting the end a few times
 * is normal (read-ahead, a last partial buffer); after {@link #MAX_READS_AT_END} such reads the
 * stream throws an {@link IIOException}, which no decoder mistakes for an end of file.
 *
 * <p>{@link #forDecoder} also hides from the decoder what it cannot get past: TwelveMonkeys' WebP
 * decoder refuses a whole file whose ICC profile it cannot read ("the WEBP header is damaged"),
 * so that chunk is shown to it as a {@code JUNK} chunk, which RIFF readers skip; the loader reads
 * the profile itself and says it is damaged ({@link ColourProfiles#unreadableWebpProfile}).
 */
final class EndGuardedFileImageInputStream extends ImageInputStreamImpl {

    static final int MAX_READS_AT_END = 4096;
    private static final byte[] JUNK = {'J', 'U', 'N', 'K'};

    private final RandomAccessFile file;
    /** Where the bytes the decoder is shown instead of the file's begin, or -1. */
    private final long hiddenAt;
    private int readsAtEnd;

    EndGuardedFileImageInputStream(RandomAccessFile file) throws IOException {
        this(file, -1);
    }

    private EndGuardedFileImageInputStream(RandomAccessFile file, long hiddenAt) throws IOException {
        this.file = file;
        this.hiddenAt = hiddenAt;
        file.seek(0);
    }

    /** Whether the decoder is shown a JUNK chunk where the file has its profile (and will say it ignores it). */
    boolean hidesProfile() {
        return hiddenAt >= 0;
    }

    /** The stream a decoder reads {@code file} from: end-guarded, and without a WebP profile the decoder would refuse the file for. */
    static EndGuardedFileImageInputStream forDecoder(RandomAccessFile file) throws IOException {
        return new EndGuardedFileImageInputStream(file, ColourProfiles.unreadableWebpProfile(file.getChannel()));
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        long at = streamPos;
        int b = file.read();
        if (b >= 0) {
            streamPos++;
            if (hiddenAt >= 0 && at >= hiddenAt && at < hiddenAt + JUNK.length) {
                b = JUNK[(int) (at - hiddenAt)];
            }
        }
        return checked(b, 1);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        if (off < 0 || len < 0 || off + len > b.length || off + len < 0) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + b.length);
        }
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        long at = streamPos;
        int n = file.read(b, off, len);
        if (n > 0) {
            streamPos += n;
            for (long i = Math.max(at, hiddenAt); hiddenAt >= 0 && i < Math.min(at + n, hiddenAt + JUNK.length); i++) {
                b[off + (int) (i - at)] = JUNK[(int) (i - hiddenAt)];
            }
        }
        return checked(n, len);
    }

    @Override
    public long length() {
        try {
            checkClosed();
            return file.length();
        } catch (IOException e) {
            return -1L;
        }
    }

    @Override
    public void seek(long pos) throws IOException {
        checkClosed();
        if (pos < flushedPos) {
            throw new IndexOutOfBoundsException("pos " + pos + " is before the flushed position " + flushedPos);
        }
        bitOffset = 0;
        file.seek(pos);
        streamPos = file.getFilePointer();
    }

    private int checked(int result, int asked) throws IIOException {
        if (result < 0 && asked > 0 && ++readsAtEnd > MAX_READS_AT_END) {
            throw new IIOException("Unexpected end of file: the decoder read past it " + MAX_READS_AT_END + " times");
        }
        return result;
    }
}
