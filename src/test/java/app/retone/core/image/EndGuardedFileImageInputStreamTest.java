package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOException;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's decoder stream: it reads the file as any stream would, and leaves it open for its owner. */
class EndGuardedFileImageInputStreamTest {

    @TempDir
    Path dir;

    private Path bytes(int n) throws IOException {
        byte[] b = new byte[n];
        new Random(3).nextBytes(b);
        return Files.write(dir.resolve("bytes.bin"), b);
    }

    @Test
    void theFileStaysOpenWhenTheStreamIsCollected() throws Exception {
        Path path = bytes(4096);
        // the control: the JDK's file stream closes its file once collected, which is what made
        // the loader's metadata read fail after decoding, now and then; if the collection below
        // did not happen, the check of our stream would prove nothing
        try (RandomAccessFile jdk = new RandomAccessFile(path.toFile(), "r")) {
            readSomeAndDrop(new FileImageInputStream(jdk));
            assertTrue(collectUntil(() -> !jdk.getChannel().isOpen()), "the JDK's stream closed its file when collected");
        }
        try (RandomAccessFile ours = new RandomAccessFile(path.toFile(), "r")) {
            readSomeAndDrop(new EndGuardedFileImageInputStream(ours));
            collectUntil(() -> !ours.getChannel().isOpen());
            assertTrue(ours.getChannel().isOpen(), "the borrowed file is still open");
            ours.seek(10);
            assertEquals(Files.readAllBytes(path)[10] & 0xff, ours.read(), "and still reads");
        }
    }

    private static void readSomeAndDrop(ImageInputStream in) throws IOException {
        in.readFully(new byte[100]);
    }

    private static boolean collectUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 50 && !done.getAsBoolean(); i++) {
            System.gc();
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    @Test
    void closingTheStreamLeavesTheFileOpenAndTheStreamClosed() throws IOException {
        Path path = bytes(64);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            ImageInputStream in = new EndGuardedFileImageInputStream(file);
            in.close();
            assertTrue(file.getChannel().isOpen());
            assertThrows(IOException.class, in::read, "a closed stream refuses reads");
        }
    }

    @Test
    void itReadsSeeksAndReadsBitsLikeAnyImageStream() throws IOException {
        Path path = bytes(10_000);
        byte[] expected = Files.readAllBytes(path);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            file.seek(500); // the stream starts at the file's beginning wherever the file was left
            ImageInputStream in = new EndGuardedFileImageInputStream(file);
            assertEquals(10_000, in.length());
            byte[] head = new byte[300];
            in.readFully(head);
            assertArrayEquals(java.util.Arrays.copyOf(expected, 300), head);
            assertEquals(300, in.getStreamPosition());

            in.seek(9_000);
            assertEquals(expected[9_000] & 0xff, in.read());
            in.mark();
            assertEquals(expected[9_001] & 0xff, (int) in.readBits(8));
            in.reset();
            assertEquals(9_001, in.getStreamPosition());

            in.seek(9_990);
            byte[] tail = new byte[50];
            assertEquals(10, in.read(tail, 0, 50), "a read at the end gives what is left");
            assertEquals(-1, in.read(tail, 0, 50));
            assertThrows(java.io.EOFException.class, () -> in.readFully(new byte[1]));
        }
    }

    @Test
    void aDecoderThatKeepsReadingPastTheEndIsStopped() throws IOException {
        Path path = bytes(16);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            ImageInputStream in = new EndGuardedFileImageInputStream(file);
            in.seek(16);
            for (int i = 0; i < EndGuardedFileImageInputStream.MAX_READS_AT_END; i++) {
                assertEquals(-1, in.read(), "a few reads at the end are normal");
            }
            IIOException e = assertThrows(IIOException.class, in::read);
            assertTrue(e.getMessage().contains("read past it"), e.getMessage());
        }
    }
}
