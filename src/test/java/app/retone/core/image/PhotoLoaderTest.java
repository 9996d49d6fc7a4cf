package app.retone.core.image;

import static app.retone.testing.TestImages.BLUE;
import static app.retone.testing.TestImages.GREEN;
import static app.retone.testing.TestImages.RED;
import static app.retone.testing.TestImages.WHITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageReadException.Problem;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoLoaderTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();

    /** Expected display corners (top-left, top-right, bottom-left) and whether the axes swap. */
    @ParameterizedTest(name = "EXIF orientation {0}")
    @CsvSource({
        "1, RED, GREEN, BLUE, false",
        "2, GREEN, RED, WHITE, false",
        "3, WHITE, BLUE, GREEN, false",
        "4, BLUE, WHITE, RED, false",
        "5, RED, BLUE, GREEN, true",
        "6, BLUE, RED, WHITE, true",
        "7, WHITE, GREEN, BLUE, true",
        "8, GREEN, WHITE, RED, true"})
    void appliesEveryExifOrientation(int orientation, String topLeft, String topRight, String bottomLeft, boolean swapped)
            throws IOException {
        Path file = TestImages.write(dir.resolve("o" + orientation + ".jpg"),
                TestImages.jpegWithMetadata(TestImages.quadrants(), orientation, "TestCam", null, null));
        Photo photo = loader.load(file);
        assertEquals(swapped ? 32 : 64, photo.width());
        assertEquals(swapped ? 64 : 32, photo.height());
        assertEquals(orientation, photo.source().orientation());
        int w = photo.width();
        int h = photo.height();
        assertColour(named(topLeft), photo.argb()[w + 1 + 2 * w], "top-left");
        assertColour(named(topRight), photo.argb()[2 * w + w - 3], "top-right");
        assertColour(named(bottomLeft), photo.argb()[(h - 3) * w + 2], "bottom-left");
    }

    private static int named(String name) {
        return switch (name) {
            case "RED" -> RED;
            case "GREEN" -> GREEN;
            case "BLUE" -> BLUE;
            default -> WHITE;
        };
    }

    private static void assertColour(int expected, int actual, String where) {
        int d = Math.max(Math.abs(Pixels.r(expected) - Pixels.r(actual)),
                Math.max(Math.abs(Pixels.g(expected) - Pixels.g(actual)), Math.abs(Pixels.b(expected) - Pixels.b(actual))));
        assertTrue(d <= 24, where + ": expected " + Integer.toHexString(expected) + ", got " + Integer.toHexString(actual));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "gif", "tiff"})
    void losslessFormatsLoadExactPixels(String format) throws IOException {
        BufferedImage image = TestImages.quadrants();
        Path file = TestImages.write(dir.resolve("q." + format), image, format);
        Photo photo = loader.load(file);
        int[] expected = image.getRGB(0, 0, 64, 32, null, 0, 64);
        assertArrayEquals(expected, photo.argb());
        assertFalse(photo.hasAlpha());
    }

    @Test
    void jpegLoadsCloseToWhatWasEncoded() throws IOException {
        Photo photo = loader.load(TestImages.write(dir.resolve("q.jpg"), TestImages.jpeg(TestImages.quadrants(), 0.95f)));
        assertEquals(64, photo.width());
        assertEquals("jpeg", photo.source().format());
        assertColour(RED, photo.argb()[2 * 64 + 2], "red quadrant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quadrants-lossless.webp", "quadrants-lossy.webp", "quadrants-cmyk.jpg"})
    void webpAndCmykJpegBecomeSrgb(String fixture) throws IOException {
        Path file = dir.resolve(fixture);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
            Files.copy(in, file);
        }
        Photo photo = loader.load(file);
        assertEquals(64, photo.width());
        assertEquals(32, photo.height());
        int[] px = photo.argb();
        // CMYK round trips through a profile: allow a wider tolerance there
        int tolerance = fixture.contains("cmyk") ? 60 : 24;
        int[] expected = {RED, GREEN, BLUE, WHITE};
        int[] at = {8 * 64 + 8, 8 * 64 + 56, 24 * 64 + 8, 24 * 64 + 56};
        for (int i = 0; i < 4; i++) {
            int d = Math.max(Math.abs(Pixels.r(expected[i]) - Pixels.r(px[at[i]])),
                    Math.max(Math.abs(Pixels.g(expected[i]) - Pixels.g(px[at[i]])),
                            Math.abs(Pixels.b(expected[i]) - Pixels.b(px[at[i]]))));
            assertTrue(d <= tolerance, fixture + " quadrant " + i + ": got " + Integer.toHexString(px[at[i]]));
        }
    }

    @Test
    void grayKeepsItsEncodedValues() throws IOException {
        BufferedImage gray = new BufferedImage(16, 1, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 16; x++) {
            gray.getRaster().setSample(x, 0, 0, x * 17);
        }
        Photo photo = loader.load(TestImages.write(dir.resolve("gray.png"), gray, "png"));
        for (int x = 0; x < 16; x++) {
            int p = photo.argb()[x];
            assertEquals(x * 17, Pixels.r(p), "gray must not be brightened as if it were linear");
            assertEquals(Pixels.r(p), Pixels.g(p));
            assertEquals(Pixels.r(p), Pixels.b(p));
        }
    }

    @Test
    void sixteenBitPngBecomesEightBit() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(4, 1);
        int[] values = {0, 0x8080, 0xFFFF, 0x3333};
        for (int x = 0; x < 4; x++) {
            raster.setPixel(x, 0, new int[] {values[x], values[3 - x], 0x1010});
        }
        Path file = TestImages.write(dir.resolve("deep.png"), new BufferedImage(cm, raster, false, null), "png");
        Photo photo = loader.load(file);
        assertEquals(0xFF000000 | 0x00 << 16 | 0x33 << 8 | 0x10, photo.argb()[0]);
        assertEquals(0xFF000000 | 0x80 << 16 | 0xFF << 8 | 0x10, photo.argb()[1]);
        assertEquals(0xFF000000 | 0xFF << 16 | 0x80 << 8 | 0x10, photo.argb()[2]);
    }

    @Test
    void paletteGifWithTransparencyKeepsAlpha() throws IOException {
        byte[] r = {(byte) 255, 0, 0};
        byte[] g = {0, (byte) 255, 0};
        byte[] b = {0, 0, (byte) 255};
        IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, 2); // index 2 transparent
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int x = 0; x < 3; x++) {
            image.getRaster().setSample(x, 0, 0, x);
        }
        Photo photo = loader.load(TestImages.write(dir.resolve("p.gif"), image, "gif"));
        assertTrue(photo.hasAlpha());
        assertEquals(0xFFFF0000, photo.argb()[0]);
        assertEquals(0xFF00FF00, photo.argb()[1]);
        assertEquals(0, photo.argb()[2] >>> 24);
    }

    @Test
    void pngAlphaIsKept() throws IOException {
        int[] px = {0x80FF0000, 0x00000000, 0xFF123456, 0x01ABCDEF};
        Photo photo = loader.load(TestImages.write(dir.resolve("a.png"), TestImages.fromArgb(px, 2, 2, true), "png"));
        assertTrue(photo.hasAlpha());
        assertEquals(0x80, photo.argb()[0] >>> 24);
        assertEquals(0xFF123456, photo.argb()[2]);
        assertEquals(0x01ABCDEF, photo.argb()[3]);
    }

    @Test
    void jpegMetadataIsKeptForExport() throws IOException {
        byte[] icc = java.awt.color.ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        Path file = TestImages.write(dir.resolve("m.jpg"),
                TestImages.jpegWithMetadata(TestImages.quadrants(), 6, "TestCam", "<x:xmpmeta/>", icc));
        SourceInfo info = loader.load(file).source();
        assertNotNull(info.exif());
        assertNotNull(info.xmp());
        assertArrayEquals(icc, info.iccProfile());
        assertTrue(info.hasRgbIccProfile());
        assertTrue(new String(info.xmp(), StandardCharsets.UTF_8).contains("xmpmeta"));
    }

    @Test
    void aHeaderOverThePixelLimitIsRefusedBeforeDecoding() throws IOException {
        Path bomb = TestImages.write(dir.resolve("bomb.png"), TestImages.pngClaimingSize(100_000, 100_000));
        ImageReadException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ImageReadException.class, () -> loader.load(bomb)));
        assertEquals(Problem.TOO_LARGE, e.problem());
        assertTrue(e.getMessage().contains("100000 × 100000"), e.getMessage());
        assertTrue(e.getMessage().contains("limit of 200 MP"), e.getMessage());
    }

    @Test
    void theLimitIsConfigurable() throws IOException {
        Path file = TestImages.write(dir.resolve("q.png"), TestImages.quadrants(), "png");
        ImageReadException e = assertThrows(ImageReadException.class, () -> new PhotoLoader(new ImageLimits(1000)).load(file));
        assertEquals(Problem.TOO_LARGE, e.problem());
        assertEquals(2048, new PhotoLoader(new ImageLimits(2048)).load(file).pixelCount());
    }

    @Test
    void missingFileFolderAndEmptyFileAreNamed() throws IOException {
        assertProblem(Problem.NOT_FOUND, dir.resolve("nope.jpg"));
        assertProblem(Problem.NOT_A_FILE, dir);
        assertProblem(Problem.EMPTY, TestImages.write(dir.resolve("empty.jpg"), new byte[0]));
    }

    @Test
    void nonImagesAreNamedAsSuch() throws IOException {
        byte[] random = new byte[4096];
        new SplittableRandom(1).nextBytes(random);
        random[0] = 0x12; // never a known signature
        assertProblem(Problem.NOT_AN_IMAGE, TestImages.write(dir.resolve("random.jpg"), random));
        assertProblem(Problem.NOT_AN_IMAGE, TestImages.write(dir.resolve("text.png"),
                "just some text, not a picture\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void knownButUnsupportedFormatsSaySo() throws IOException {
        byte[] heic = new byte[64];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}, 0, heic, 0, 12);
        ImageReadException e = assertProblem(Problem.UNSUPPORTED_FORMAT, TestImages.write(dir.resolve("x.heic"), heic));
        assertTrue(e.getMessage().contains("HEIC"), e.getMessage());
    }

    @Test
    void aTruncatedPngIsCorruptWithAClearReason() throws IOException {
        Photo source = SyntheticPhoto.landscape(200, 150, 1);
        Path full = TestImages.write(dir.resolve("full.png"), TestImages.fromArgb(source.argb(), 200, 150, false), "png");
        byte[] bytes = Files.readAllBytes(full);
        Path cut = TestImages.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));
        ImageReadException e = assertProblem(Problem.CORRUPT, cut);
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aJpegWhoseIccProfileSpansSeveralSegmentsOpensWithItsProfile() throws IOException {
        // a profile over 65 519 bytes is split over APP2 segments; only the first one starts with
        // the profile's size: in the later ones, the same place holds profile data
        byte[] profile = TestImages.largeIccProfile();
        java.awt.color.ICC_Profile.getInstance(profile);             // a profile Java itself accepts
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), null, null, profile);
        // the case is real: read naively, the second segment claims more than the whole file
        int second = TestImages.indexOf(jpeg, JpegSegments.ICC_ID, TestImages.indexOf(jpeg, JpegSegments.ICC_ID) + 1);
        assertEquals(2, jpeg[second + JpegSegments.ICC_ID.length], "the second segment");
        long naive = java.nio.ByteBuffer.wrap(jpeg, second + JpegSegments.ICC_ID.length + 2, 4).getInt() & 0xFFFFFFFFL;
        assertTrue(naive > jpeg.length, "the second segment starts with " + naive);
        Path file = TestImages.write(dir.resolve("big-profile.jpg"), jpeg);

        Photo photo = loader.load(file);
        assertEquals(64, photo.width());
        assertArrayEquals(profile, photo.source().iccProfile(), "the whole profile, joined from its segments");
        assertEquals(profile.length, JpegSegments.largestIccClaim(new java.io.ByteArrayInputStream(jpeg)),
                "the size claimed is the first segment's");
    }

    @Test
    void aTruncatedJpegLoadsInPartWithAWarning() throws IOException {
        Photo source = SyntheticPhoto.landscape(256, 192, 2);
        byte[] bytes = TestImages.jpeg(TestImages.fromArgb(source.argb(), 256, 192, false), 0.9f);
        Path cut = TestImages.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Photo photo = loader.load(cut);
        assertEquals(256, photo.width());
        // said once, however many times the decoder says it; and the metadata read after decoding
        // still finds the file open
        assertEquals(List.of("the file is truncated: the bottom of the photo is missing and shows as gray"), photo.warnings());
    }

    @Test
    void aJpegCutInsideItsHeaderIsCorrupt() throws IOException {
        byte[] bytes = TestImages.jpeg(TestImages.quadrants(), 0.9f);
        assertProblem(Problem.CORRUPT, TestImages.write(dir.resolve("head.jpg"), Arrays.copyOf(bytes, 40)));
    }

    @Test
    void multiPageFilesUseTheFirstImageAndSaySo() throws IOException {
        Path file = dir.resolve("two.tif");
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new javax.imageio.IIOImage(TestImages.quadrants(), null, null), null);
            writer.writeToSequence(new javax.imageio.IIOImage(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        Photo photo = loader.load(file);
        assertEquals(64, photo.width());
        assertTrue(photo.warnings().stream().anyMatch(w -> w.contains("several images")), photo.warnings().toString());
    }

    @Test
    void brokenExifDoesNotStopAPhotoFromOpening() throws IOException {
        byte[] exif = TestImages.exif(6, "Cam");
        // an impossible byte order: the TIFF structure cannot be parsed at all
        exif[6] = 'X';
        exif[7] = 'Y';
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null);
        Photo photo = loader.load(TestImages.write(dir.resolve("badexif.jpg"), jpeg));
        assertEquals(64, photo.width());
        assertEquals(1, photo.source().orientation());
    }

    @Test
    void anOrientationTagWithoutAValueIsIgnoredWithAWarning() throws IOException {
        // IFD0's second entry (Orientation) rewritten as an empty list of SHORTs: a tag that is
        // there but holds no value
        byte[] exif = TestImages.exif(6, "Cam");
        int entry = 6 + 8 + 2 + 12;
        assertEquals(0x0112, (exif[entry] & 0xFF) << 8 | exif[entry + 1] & 0xFF, "the orientation entry");
        java.nio.ByteBuffer.wrap(exif, entry + 2, 10).putShort((short) 3).putInt(0).putInt(0);
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null);
        Photo photo = loader.load(TestImages.write(dir.resolve("emptyorientation.jpg"), jpeg));
        assertEquals(1, photo.source().orientation(), "shown as stored");
        assertEquals(64, photo.width());
        assertEquals(1, photo.warnings().size(), photo.warnings().toString());
        assertTrue(photo.warnings().get(0).startsWith("ignored an unreadable EXIF orientation ("), photo.warnings().get(0));
    }

    private ImageReadException assertProblem(Problem problem, Path path) {
        ImageReadException e = assertThrows(ImageReadException.class, () -> loader.load(path));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(path.getFileName().toString() + ": "), e.getMessage());
        return e;
    }
}
