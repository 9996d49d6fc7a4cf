package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.ExifTool;
import app.retone.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A TIFF's orientation is applied wherever its first directory is and in either byte order. The
 * first directory at byte 8 of a little-endian TIFF (as exiftool, libtiff and PIL write it) is
 * the header metadata-extractor takes for Sony's ARW: such a file was opened unturned, with a
 * warning that "the metadata of ARW files is not read".
 */
class TiffOrientationTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"little-endian", "big-endian"})
    void aTiffWhoseOrientationExiftoolSetTo6ComesOutRotated(String byteOrder) throws Exception {
        ByteOrder order = byteOrder.equals("little-endian") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        Path file = TestImages.tiff(dir.resolve("photo.tif"), TestImages.quadrants(), order, 0);
        ExifTool.run("-Orientation=6", "-n", "-overwrite_original", "-DateTimeOriginal=2024:07:14 18:32:05", file.toString());
        assertEquals(8, firstDirectory(file, order), "exiftool moved the first directory to byte 8");

        Photo photo = loader.load(file);

        assertEquals(List.of(), photo.warnings());
        assertEquals("tiff", photo.source().format());
        assertRotatedBy6(photo.width(), photo.height(), photo.argb());
        assertEquals("TIFF", PhotoDetailsReader.read(photo).format());
        assertEquals(Optional.of(LocalDateTime.of(2024, 7, 14, 18, 32, 5)), PhotoDetailsReader.dateTaken(file),
                "a folder sorts it by the date it was taken");
        Thumbnail thumbnail = new ThumbnailReader(ImageLimits.DEFAULT).read(file, 64);
        assertRotatedBy6(thumbnail.width(), thumbnail.height(), thumbnail.argb());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"little-endian", "big-endian"})
    void aTiffWhoseFirstDirectoryFollowsItsPixelsComesOutRotated(String byteOrder) throws Exception {
        ByteOrder order = byteOrder.equals("little-endian") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        Path file = TestImages.tiff(dir.resolve("photo.tif"), TestImages.quadrants(), order, 6);
        assertNotEquals(8, firstDirectory(file, order), "the encoder put the first directory after the pixels");

        Photo photo = loader.load(file);

        assertEquals(List.of(), photo.warnings());
        assertRotatedBy6(photo.width(), photo.height(), photo.argb());
    }

    @org.junit.jupiter.api.Test
    void theArwHeaderIsReadAsTiffOnlyInAFileTheTiffDecoderTook() throws Exception {
        Path file = TestImages.tiff(dir.resolve("photo.tif"), TestImages.quadrants(), ByteOrder.LITTLE_ENDIAN, 0);
        ExifTool.run("-Orientation=6", "-n", "-overwrite_original", file.toString());
        try (var in = Files.newByteChannel(file)) {
            assertEquals(6, ExifOrientation.of(MetadataFiles.read(in, "tiff"), new java.util.ArrayList<>()));
            // the same bytes, had another decoder taken them, open no door to metadata-extractor's other readers
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> MetadataFiles.read(in, "png"));
            assertEquals("the metadata of ARW files is not read", e.getMessage());
        }
    }

    /** Where the header says the first directory is. */
    private static long firstDirectory(Path file, ByteOrder order) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(8, in.readNBytes(head, 0, 8));
        }
        assertEquals(order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M', head[0]);
        return Integer.toUnsignedLong(ByteBuffer.wrap(head, 4, 4).order(order).getInt());
    }

    /**
     * The 64 × 32 quadrants (red, green / blue, white) turned 90° clockwise, as orientation 6 asks:
     * 32 × 64, blue, red / white, green.
     */
    private static void assertRotatedBy6(int width, int height, int[] argb) {
        assertEquals(32, width, "turned: the width is the stored height");
        assertEquals(64, height);
        int[][] corners = {{2, 2, TestImages.BLUE}, {29, 2, TestImages.RED}, {2, 61, TestImages.WHITE}, {29, 61, TestImages.GREEN}};
        for (int[] c : corners) {
            int p = argb[c[1] * width + c[0]];
            assertTrue(Math.abs((p >> 16 & 0xFF) - (c[2] >> 16 & 0xFF)) < 40 && Math.abs((p >> 8 & 0xFF) - (c[2] >> 8 & 0xFF)) < 40
                    && Math.abs((p & 0xFF) - (c[2] & 0xFF)) < 40, "at " + c[0] + "," + c[1] + ": " + Integer.toHexString(p));
        }
    }
}
