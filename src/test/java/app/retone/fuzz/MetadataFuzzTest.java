package app.retone.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.retone.core.image.ExifOrientation;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.JpegSegments;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoDetails;
import app.retone.core.image.PhotoDetailsReader;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SourceInfo;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metadata is a bonus, never a reason to fail: whatever a file's bytes, the metadata readers
 * return what they can and empty fields for the rest, and never throw.
 */
@Timeout(10)
class MetadataFuzzTest {

    /** The largest payload one JPEG segment carries (a 16-bit length, less its own two bytes). */
    private static final int MAX_SEGMENT_PAYLOAD = 65533;

    /** Metadata of a small file takes kilobytes; hundreds of megabytes mean a length field was trusted. */
    private static final long MAX_ALLOCATION = 128L << 20;

    /** A real encoder's JPEG for the metadata to be put into. */
    private static final byte[] PLAIN_JPEG = plainJpeg();

    @TempDir
    static Path dir;

    /** The JPEG segment reader and what export does with its findings (orientation reset, re-insert). */
    @FuzzTest(maxDuration = "60s")
    void jpegSegments(byte[] bytes) {
        JpegSegments.Found found = JpegSegments.read(new ByteArrayInputStream(bytes));
        assertNotNull(found);
        byte[] exif = found.exif() == null ? null : ExifOrientation.resetToNormal(found.exif());
        if (exif != null) {
            assertEquals(found.exif().length, exif.length, "resetting the orientation changed the Exif block's size");
        }
        byte[] xmp = found.xmp() == null ? null : ExifOrientation.resetXmpOrientation(found.xmp());
        byte[] icc = found.iccProfile();

        // export puts them into the encoder's JPEG; reading that back gives them again
        JpegSegments.Found again = JpegSegments.read(new ByteArrayInputStream(
                JpegSegments.insert(PLAIN_JPEG, exif, xmp, icc)));
        assertArrayEquals(exif, again.exif(), "Exif block lost on export");
        if (xmp == null || xmp.length <= MAX_SEGMENT_PAYLOAD) {
            assertArrayEquals(xmp, again.xmp(), "XMP packet lost on export");
        }
        assertArrayEquals(icc, again.iccProfile(), "ICC profile lost on export");
    }

    /** The metadata panel's reader (metadata-extractor underneath) on any file. */
    @FuzzTest(maxDuration = "60s")
    void details(byte[] bytes) throws Exception {
        Path file = dir.resolve("photo.jpg"); // one file, rewritten for each input
        Files.write(file, bytes);
        JpegSegments.Found segments = JpegSegments.read(new ByteArrayInputStream(bytes));
        SourceInfo source = new SourceInfo(file, "jpeg", 1, segments.exif(), segments.xmp(), segments.iccProfile());
        Photo photo = new Photo(1, 1, new int[] {0xFF000000}, false, source, List.of());

        FuzzChecks.assertAllocatesAtMost(MAX_ALLOCATION, "reading the details of a " + bytes.length + "-byte file", () -> {
            PhotoDetails details = PhotoDetailsReader.read(photo);
            assertEquals(bytes.length, details.fileBytes());
            for (PhotoDetails.Entry entry : details.entries()) {
                assertFalse(entry.value().isBlank(), () -> entry.label() + " is blank");
            }
        });
    }

    /**
     * Whatever a photo's Exif block holds, every export format carries what it can of it and the
     * file opens again: the TIFF export (the JDK's writer, which checks what it is given) above
     * all, where the block's directories are parsed and written as the TIFF's own. The input is
     * the TIFF structure after the block's "Exif\0\0".
     */
    @FuzzTest(maxDuration = "60s")
    void exifInExports(byte[] bytes) throws Exception {
        byte[] exif = new byte[6 + bytes.length];
        System.arraycopy("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(bytes, 0, exif, 6, bytes.length);
        SourceInfo source = new SourceInfo(null, "jpeg", 1, exif, null, null);
        Photo photo = new Photo(2, 2, new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF}, false, source, List.of());
        FuzzChecks.assertAllocatesAtMost(MAX_ALLOCATION, "exporting a " + bytes.length + "-byte Exif block", () -> {
            for (String extension : List.of("tif", "png", "jpg")) {
                Path out = dir.resolve("exif." + extension);
                new PhotoExporter().export(photo, out, ExportOptions.DEFAULT.withOverwrite(true));
                Photo back = new PhotoLoader().load(out);
                assertEquals(2, back.width(), extension);
                assertEquals(1, back.source().orientation(), extension + ": exported upright, so read as upright");
                if (!extension.equals("jpg")) {
                    assertArrayEquals(photo.argb(), back.argb(), extension + ": the pixels are unchanged by the metadata");
                }
            }
        });
    }

    private static byte[] plainJpeg() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
