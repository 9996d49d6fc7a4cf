package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers whose size claims decoders or metadata-extractor allocate before reading: refused or
 * skipped from the header alone, with a sentence saying which claim, and little memory used.
 * The files are well-formed but for the one claim (a real profile and real pixels otherwise).
 */
class SizeClaimsTest {

    private static final long HUGE = 0x60000000L; // 1.5 GB

    @TempDir
    Path dir;

    @Test
    void aWebpWhoseIccProfileClaimsMoreThanItsChunkIsRefusedBeforeDecoding() throws IOException {
        // TwelveMonkeys' WebP reader reads the profile's header while reading the image header, and
        // allocated the 1.5 GB claimed here before finding the profile cut short
        byte[] webp = TestImages.webpWithIccProfile(fixture("quadrants-lossy.webp"), 64, 32, TestImages.iccHeaderClaiming(HUGE));
        Path file = Files.write(dir.resolve("claims.webp"), webp);

        long before = allocatedBytes();
        ImageReadException e = assertThrows(ImageReadException.class, () -> new PhotoLoader().load(file));
        long used = allocatedBytes() - before;

        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().endsWith("the embedded ICC colour profile is damaged: it claims 1610612736 bytes,"
                + " more than any colour profile holds (16 MB)"), e.getMessage());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void aWebpWithAnIntactIccProfileStillOpens() throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] webp = TestImages.webpWithIccProfile(fixture("quadrants-lossy.webp"), 64, 32, profile);
        Path file = Files.write(dir.resolve("icc.webp"), webp);

        assertNull(SizeClaims.beforeDecoding(file));
        Photo photo = new PhotoLoader().load(file);
        assertEquals(64, photo.width());
        assertEquals(32, photo.height());
        int topLeft = photo.argb()[5 * 64 + 5];
        assertTrue((topLeft >> 16 & 0xFF) > 200 && (topLeft >> 8 & 0xFF) < 60, Integer.toHexString(topLeft));
    }

    @Test
    void aWebpWhoseFrameClaimsAnotherSizeThanItsCanvasIsRefusedBeforeDecoding() throws IOException {
        // the canvas 64 x 32, the VP8 frame header 9068 x 13165 (119 MP)
        byte[] webp = TestImages.webpFrameClaiming(fixture("quadrants-lossy.webp"), 64, 32, 9068, 13165);
        Path file = Files.write(dir.resolve("frame-claims.webp"), webp);

        long before = allocatedBytes();
        ImageReadException e = assertThrows(ImageReadException.class, () -> new PhotoLoader().load(file));
        long used = allocatedBytes() - before;

        assertEquals(ImageReadException.Problem.CORRUPT, e.problem());
        assertTrue(e.getMessage().endsWith("the WebP image data claims 9068 × 13165 pixels, but its canvas is 64 × 32"),
                e.getMessage());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void webpImageDataIsCheckedForItsSignaturesAndTheLosslessSize() throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] lossless = TestImages.webpWithIccProfile(fixture("quadrants-lossless.webp"), 64, 32, profile);
        assertNull(webpCheck((lossless)), "an intact extended lossless WebP");
        assertNull(webpCheck((fixture("quadrants-lossy.webp"))), "a simple lossy WebP");
        assertNull(webpCheck((fixture("quadrants-lossless.webp"))), "a simple lossless WebP");

        byte[] wider = TestImages.webpWithIccProfile(fixture("quadrants-lossless.webp"), 640, 32, profile);
        assertEquals("the WebP image data claims 64 × 32 pixels, but its canvas is 640 × 32",
                webpCheck((wider)));
        byte[] unsigned = lossless.clone();
        unsigned[TestImages.indexOf(unsigned, "VP8L") + 8] = 0x2E;
        assertEquals("the WebP image data is damaged: the VP8L bitstream has no signature",
                webpCheck((unsigned)));
        byte[] noStart = fixture("quadrants-lossy.webp");
        noStart[TestImages.indexOf(noStart, "VP8 ") + 8 + 3] = 0;
        assertEquals("the WebP image data is damaged: the VP8 frame has no start code",
                webpCheck((noStart)));
        byte[] interFrame = fixture("quadrants-lossy.webp");
        interFrame[TestImages.indexOf(interFrame, "VP8 ") + 8] |= 1;
        assertEquals("the WebP image data is damaged: its first frame is not a key frame",
                webpCheck((interFrame)));
    }

    private int written;

    /** What the WebP check says of {@code bytes}, read from a file as the loader reads. */
    private String webpCheck(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("check-" + written++ + ".webp"), bytes);
        try (var in = Files.newByteChannel(file)) {
            return SizeClaims.beforeDecoding(in);
        }
    }

    @Test
    void aBmpWhoseProfileClaimsMoreThanTheFileOpensWithoutItsMetadata() throws IOException {
        // metadata-extractor read a BMP V5 profile as one array of the claimed size: 768 MB here, twice
        // (orientation on load, then the metadata panel)
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Path file = Files.write(dir.resolve("claims.bmp"), TestImages.bmpV5WithProfile(profile, 0x30000000L));

        long before = allocatedBytes();
        Photo photo = new PhotoLoader().load(file);
        PhotoDetails details = PhotoDetailsReader.read(photo);
        long used = allocatedBytes() - before;

        assertEquals(2, photo.width());
        assertEquals(TestImages.RED, photo.argb()[0]);   // the pixels decode, bottom-up rows the right way round
        assertEquals(TestImages.WHITE, photo.argb()[3]);
        assertTrue(photo.warnings().stream().anyMatch(w -> w.contains("the BMP colour profile claims 805306368 bytes")),
                photo.warnings().toString());
        assertTrue(details.colorProfile().startsWith("none"), "the lying profile is not read: " + details.colorProfile());
        assertTrue(used < 64 << 20, "allocated " + (used >> 20) + " MB");
    }

    @Test
    void aBmpWithItsTrueProfileSizeHasItsMetadataRead() throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Path file = Files.write(dir.resolve("icc.bmp"), TestImages.bmpV5WithProfile(profile, profile.length));
        assertNull(SizeClaims.metadata(file));
        Photo photo = new PhotoLoader().load(file);
        assertEquals(TestImages.BLUE, photo.argb()[2]);
        assertTrue(photo.warnings().isEmpty(), photo.warnings().toString());
        String described = PhotoDetailsReader.read(photo).colorProfile();
        assertTrue(described.toLowerCase(java.util.Locale.ROOT).contains("srgb"), "the true profile is read: " + described);
    }

    @Test
    void pngAndRiffChunksClaimingMoreThanTheFileAreNamed() throws IOException {
        byte[] png = TestImages.pngClaimingSize(1, 1);
        java.nio.ByteBuffer.wrap(png, 8 + 4 + 4 + 13 + 4, 4).putInt(0x7FFF0000); // the chunk after IHDR claims 2 GB
        Path file = Files.write(dir.resolve("claims.png"), png);
        String described = SizeClaims.metadata(file);
        assertTrue(described != null && described.startsWith("the PNG chunk 'IDAT' claims 2147418112 bytes"), described);
        assertNull(SizeClaims.metadata(Files.write(dir.resolve("good.png"), TestImages.pngClaimingSize(1, 1))));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SizeClaimsTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
