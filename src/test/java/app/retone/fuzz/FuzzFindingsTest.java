package app.retone.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.ImageReadException;
import app.retone.core.image.JpegSegments;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SourceInfo;
import app.retone.testing.TestImages;
import app.retone.testing.CubeReader;
import app.retone.testing.CubeFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fuzzing found, one named test a finding. The inputs themselves are replayed by the fuzz
 * tests (the crash-* files beside their seeds); these say what each one was and check the fix
 * where a plain test can say more (time, memory, message).
 */
class FuzzFindingsTest {

    private static final String INPUTS = "/app/retone/fuzz/";

    @TempDir
    Path dir;

    @Test
    void cubeErrorMessagesQuoteTheFileAsShortPrintableAscii() {
        // found: "LUT_\u00ff\u00171D!_SIZE 2" put a control character into the message
        CubeFormatException e = assertThrows(CubeFormatException.class,
                () -> CubeReader.read(new StringReader("LUT_\u00ff\u00171D_SIZE 2\n")));
        assertEquals("line 1: unknown keyword LUT_??1D_SIZE", e.getMessage());

        String word = "X!".repeat(2500); // a binary file read as text: one long word
        e = assertThrows(CubeFormatException.class, () -> CubeReader.read(new StringReader(word + "\n")));
        assertEquals("line 1: unknown keyword " + "X!".repeat(16) + "...", e.getMessage());
    }

    @Test
    void aCubeHeaderAloneClaimsNoMemory() {
        // found: "LUT_3D_SIZE 200" in a 42-byte text allocated the whole 200³ table (96 MB) up front
        long before = allocatedBytes();
        CubeFormatException e = assertThrows(CubeFormatException.class,
                () -> CubeReader.read(new StringReader("LUT_3D_SIZE 129\n0 0 0\n1 1 1\n")));
        long used = allocatedBytes() - before;
        assertEquals("the table has 2 entries, LUT_3D_SIZE 129 needs 2146689 (is the file truncated?)", e.getMessage());
        assertTrue(used < 8 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void aTruncatedLosslessWebpIsRefusedInsteadOfDecodedFromNothing() throws IOException {
        // found: TwelveMonkeys decoded every promised pixel past the end of the file, ~14 µs each;
        // the same 88 bytes claiming 1000 × 1000 took 13.6 s, and 200 MP would take about 45 minutes
        byte[] webp = fuzzInput("PhotoLoaderFuzzTestInputs/load/crash-9a610c5b49efa67b66ad230b3007d5c1f88e35e0");
        setLosslessWebpSize(webp, 1000, 1000);
        Path file = Files.write(dir.resolve("cut.webp"), webp);

        ImageReadException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ImageReadException.class, () -> new PhotoLoader().load(file)));
        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().contains("the file is truncated"), e.getMessage());
    }

    @Test
    void aWebpFrameThatIsNotItsCanvasIsRefusedBeforeTheDecoderAllocatesForIt() throws IOException {
        // found by CI's run: a 7 KB WebP with a 64 x 32 canvas whose 'VP8 ' chunk holds an ICC
        // profile; read as a frame header it claims 9068 x 13165, and TwelveMonkeys spent 11.9 s
        // allocating macroblocks for it before finding the data cut short
        Path file = Files.write(dir.resolve("frame.webp"),
                fuzzInput("PhotoLoaderFuzzTestInputs/load/timeout-88cc15be35d74070481e8c31758695f6b7fabd77"));
        long before = allocatedBytes();
        ImageReadException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ImageReadException.class, () -> new PhotoLoader().load(file)));
        long used = allocatedBytes() - before;
        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().endsWith("the WebP image data is damaged: the VP8 frame has no start code"), e.getMessage());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void aWebpChunkClaimingMoreThanTheFileIsNotGivenToTheMetadataReader() throws IOException {
        // found: a 137-byte WebP whose 'VP8 ' chunk claims 671 MB made metadata-extractor allocate 671 MB
        Path file = Files.write(dir.resolve("claims.webp"),
                fuzzInput("PhotoLoaderFuzzTestInputs/load/crash-7e8b25f8d0e7bab07220f4b38022fba904d8c7cd"));
        long before = allocatedBytes();
        Photo photo = new PhotoLoader(new ImageLimits(1 << 16)).load(file);
        PhotoDetails details = PhotoDetailsReader.read(photo);
        long used = allocatedBytes() - before;

        assertEquals(64, photo.width()); // the pixels still decode
        assertTrue(photo.warnings().stream().anyMatch(w -> w.contains("the RIFF chunk 'VP8 ' claims 671088756 bytes")),
                photo.warnings().toString());
        assertEquals(Optional.empty(), details.camera());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void aJpegWhoseIccProfileClaimsMoreThanAnyProfileIsRefusedBeforeDecoding() throws IOException {
        // found: a 1.8 KB JPEG whose ICC profile header claims 1.6 GB made the decoder allocate 3.2 GB
        Path file = Files.write(dir.resolve("claims.jpg"),
                fuzzInput("PhotoLoaderFuzzTestInputs/load/crash-a28fccc40545a5587aec39a8a1e196fc3a51ceb4"));
        long before = allocatedBytes();
        ImageReadException e = assertThrows(ImageReadException.class, () -> new PhotoLoader().load(file));
        long used = allocatedBytes() - before;
        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().endsWith("the embedded ICC colour profile is damaged: it claims 1668087808 bytes,"
                + " more than any colour profile holds (16 MB)"), e.getMessage());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void aStuffedByteBeforeTheIccSegmentDoesNotHideItsClaim() throws IOException {
        // found in CI: a 1393-byte JPEG made the decoder allocate 3.2 GB again. A stray FF 00
        // before the APP2 segment sent the segment walk off course (it took 00 for a marker with
        // a length) while the decoder skipped it and read the 1.6 GB claim. Made here from the
        // first ICC finding with FF 00 put before its APP2 segment.
        byte[] original = fuzzInput("PhotoLoaderFuzzTestInputs/load/crash-a28fccc40545a5587aec39a8a1e196fc3a51ceb4");
        int app2 = TestImages.indexOf(original, new byte[] {(byte) 0xFF, (byte) 0xE2});
        byte[] stuffed = new byte[original.length + 4];
        System.arraycopy(original, 0, stuffed, 0, app2);
        System.arraycopy(new byte[] {(byte) 0xFF, 0x00, 0x10, 0x00}, 0, stuffed, app2, 4);
        System.arraycopy(original, app2, stuffed, app2 + 4, original.length - app2);
        Path file = Files.write(dir.resolve("stuffed.jpg"), stuffed);

        long before = allocatedBytes();
        ImageReadException e = assertThrows(ImageReadException.class, () -> new PhotoLoader().load(file));
        long used = allocatedBytes() - before;
        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().endsWith("it claims 1668087808 bytes, more than any colour profile holds (16 MB)"), e.getMessage());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void anIccClaimCutByTheScanBufferIsStillSeen() throws IOException {
        // the identifier straddles the 64 KiB read buffer of the byte search
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] claim = {1, 1, 0x40, 0, 0, 0};
        for (int at : new int[] {0, (1 << 16) - 7, (1 << 16) - 14, (1 << 16) + 3}) {
            byte[] data = new byte[(1 << 17)];
            System.arraycopy(id, 0, data, at, id.length);
            System.arraycopy(claim, 0, data, at + id.length, claim.length);
            long found = JpegSegments.largestIccClaim(new ByteArrayInputStream(data));
            assertEquals(0x40000000L, found, "identifier at " + at);
        }
        assertEquals(-1, JpegSegments.largestIccClaim(new ByteArrayInputStream(new byte[100_000])));
    }

    @Test
    void aDecoderWarningQuotingTheFilesBytesIsOneLine() throws IOException {
        // found: a WebP whose extended header lists an unknown chunk; TwelveMonkeys' warning quotes
        // the chunk's name, bytes of the file, line break included, into the photo's warnings
        Path file = Files.write(dir.resolve("chunk.webp"),
                fuzzInput("PhotoLoaderFuzzTestInputs/load/crash-eaeb4d792b9e6420e0cf7e4601876aeca3f0b16a"));
        Photo photo = new PhotoLoader(new ImageLimits(1 << 16)).load(file);   // its pixels are fine: it opens
        assertEquals(64, photo.width());
        assertTrue(photo.warnings().stream().anyMatch(w -> w.startsWith("decoder warning: Ignoring unexpected chunk")),
                "the decoder's warning is kept: " + photo.warnings());
        photo.warnings().forEach(w -> assertTrue(w.chars().noneMatch(Character::isISOControl), "one line: " + w));
    }

    @Test
    void anIconClaimingThousandsOfImagesGetsNoMetadataRead() throws IOException {
        // found: a 75-byte .ico claiming 65353 images made metadata-extractor build 65353 directories (206 MB)
        Path file = Files.write(dir.resolve("many.ico"),
                fuzzInput("MetadataFuzzTestInputs/details/crash-d2dbaf29887564efd6fe1a7e75de501c08fc5871"));
        Photo photo = new Photo(1, 1, new int[] {0xFF000000}, false,
                new SourceInfo(file, "ico", 1, null, null, null), List.of());
        long before = allocatedBytes();
        PhotoDetails details = PhotoDetailsReader.read(photo);
        long used = allocatedBytes() - before;
        assertEquals(Optional.empty(), details.camera());
        assertTrue(used < 16 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void anExifBlockWhoseFirstDirectoryIsOutOfPlaceIsExportedUpright() throws IOException {
        // found: an Exif block whose IFD0 offset lies beyond the block. metadata-extractor then reads
        // IFD0 at byte 8, found orientation 6 there and the loader turned the photo; the export's
        // reset looked where the offset said, found nothing, and the exported (upright) photo was
        // turned again by every reader
        byte[] tiff = fuzzInput("MetadataFuzzTestInputs/exifInExports/crash-5125da0b91ecbe20f8d422bfa373b7fce7761ee0");
        byte[] exif = TestImages.concat("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), tiff);
        Path in = Files.write(dir.resolve("offset.jpg"),
                JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null));
        Photo photo = new PhotoLoader().load(in);
        assertEquals(6, photo.source().orientation(), "the reader's fallback finds the orientation");
        assertEquals(32, photo.width());
        for (String name : List.of("out.jpg", "out.png", "out.tif")) {
            Path out = dir.resolve(name);
            new PhotoExporter().export(photo, out, ExportOptions.DEFAULT);
            Photo back = new PhotoLoader().load(out);
            assertEquals(1, back.source().orientation(), name);
            assertEquals(32, back.width(), name + " stays upright");
        }
    }

    /** A finding as Jazzer saved it; the loader's inputs end with one byte that picks the file name's extension. */
    private static byte[] fuzzInput(String name) throws IOException {
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream(INPUTS + name)) {
            assertNotNull(in, name);
            byte[] bytes = in.readAllBytes();
            return name.startsWith("PhotoLoader") ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
        }
    }

    /** Rewrites the size in a VP8L header (14 bits each for width − 1 and height − 1, after the 0x2F signature). */
    private static void setLosslessWebpSize(byte[] webp, int width, int height) {
        int at = 21; // "RIFF" size "WEBP" "VP8L" size 0x2F
        assertEquals(0x2F, webp[20] & 0xFF);
        int bits = (webp[at] & 0xFF) | (webp[at + 1] & 0xFF) << 8 | (webp[at + 2] & 0xFF) << 16 | (webp[at + 3] & 0xFF) << 24;
        bits = (bits & ~0x0FFFFFFF) | (width - 1) | (height - 1) << 14;
        for (int i = 0; i < 4; i++) {
            webp[at + i] = (byte) (bits >>> (8 * i));
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
