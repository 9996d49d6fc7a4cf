package app.retone.core.image;

import java.io.File;
import java.io.IOException;
import javax.imageio.IIOException;
import javax.imageio.stream.FileImageInputStream;

/**
 * A file stream for decoders that stops a decoder which keeps reading past the end of the file.
 *
 * <p>Some decoders treat the end of a truncated file as "more zero bits" and go on: TwelveMonkeys'
 * lossless WebP decoder catches each {@link java.io.EOFException} and decodes every pixel the
 * header promised from nothing, one exception per read. An 88-byte file claiming 13120 × 2
 * pixels took 0.35 s; one claiming 200 MP would take most of an hour. Hitting the end a few times
 * is normal (read-ahead, a last partial buffer); after {@link #MAX_READS_AT_END} such reads the
 * stream throws an {@link IIOException}, which no decoder mistakes for an end of file.
 */
final class EndGuardedFileImageInputStream extends FileImageInputStream {

    static final int MAX_READS_AT_END = 4096;

    private int readsAtEnd;

    EndGuardedFileImageInputStream(File file) throws IOException {
        super(file);
    }

    EndGuardedFileImageInputStream(java.io.RandomAccessFile file) {
        super(file);
    }

    @Override
    public int read() throws IOException {
        return checked(super.read(), 1);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return checked(super.read(b, off, len), len);
    }

    private int checked(int result, int asked) throws IIOException {
        if (result < 0 && asked > 0 && ++readsAtEnd > MAX_READS_AT_END) {
            throw new IIOException("Unexpected end of file: the decoder read past it " + MAX_READS_AT_END + " times");
        }
        return result;
    }
}
