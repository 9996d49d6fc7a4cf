package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.ExifBuilder;
import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoDetailsReaderTest {

    @TempDir
    Path dir;

    private static Map<String, String> rows(PhotoDetails details) {
        Map<String, String> rows = new LinkedHashMap<>();
        details.entries().forEach(e -> rows.put(e.label(), e.value()));
        return rows;
    }

    @Test
    void readsCameraLensExposureApertureIsoFocalLengthAndDate() throws Exception {
        byte[] exif = new ExifBuilder()
                .ascii0(0x010F, "NIKON CORPORATION")
                .ascii0(0x0110, "NIKON D750")
                .rational(0x829A, 1, 250)          // exposure time
                .rational(0x829D, 28, 10)          // f-number
                .shortValue(0x8827, 400)           // ISO
                .ascii(0x9003, "2024:07:14 18:32:05", true)
                .rational(0x920A, 85, 1)           // focal length
                .ascii(0xA434, "AF-S NIKKOR 85mm f/1.8G", true)
                .build();
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null);
        Path file = TestImages.write(dir.resolve("dsc_0042.jpg"), jpeg);

        PhotoDetails details = PhotoDetailsReader.read(new PhotoLoader().load(file));

        Map<String, String> rows = rows(details);
        assertEquals("NIKON CORPORATION NIKON D750", rows.get("Camera"));
        assertEquals("AF-S NIKKOR 85mm f/1.8G", rows.get("Lens"));
        assertEquals("1/250 s", rows.get("Exposure"));
        assertEquals("f/2.8", rows.get("Aperture"));
        assertEquals("400", rows.get("ISO"));
        assertEquals("85 mm", rows.get("Focal length"));
        assertEquals("14 Jul 2024, 18:32:05", rows.get("Date taken"));
        assertEquals("64 × 32 (0.0 MP)", rows.get("Dimensions"));
        assertEquals("dsc_0042.jpg", rows.get("File"));
        assertEquals("JPEG", rows.get("Format"));
        assertEquals(PhotoDetails.humanBytes(Files.size(file)), rows.get("File size"));
        assertEquals("none (sRGB assumed)", rows.get("Colour profile"));
    }

    @Test
    void theDetailsDescribeTheFileThatWasDecodedEvenIfThePathNowHoldsAnother() throws Exception {
        Path file = dir.resolve("swapped.jpg");
        byte[] first = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f),
                new ExifBuilder().ascii0(0x0110, "FIRST CAMERA").build(), null, null);
        TestImages.write(file, first);
        Photo photo = new PhotoLoader().load(file);
        // the path now holds another photo, from another camera (a sync tool, an editor saving over it)
        TestImages.write(file, JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.5f),
                new ExifBuilder().ascii0(0x0110, "SECOND CAMERA").ascii(0xA434, "a lens", true).build(), null, null));

        PhotoDetails details = PhotoDetailsReader.read(photo);
        assertEquals(Optional.of("FIRST CAMERA"), details.camera(), "the camera of the photo on screen");
        assertEquals(Optional.empty(), details.lens());
        assertEquals(first.length, details.fileBytes(), "the size of the file that was decoded");
        Files.delete(file);
        assertEquals(Optional.of("FIRST CAMERA"), PhotoDetailsReader.read(photo).camera(), "and after it is gone");
    }

    private PhotoDetails withExif(byte[] exif) throws Exception {
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null);
        return PhotoDetailsReader.read(new PhotoLoader().load(TestImages.write(dir.resolve("e.jpg"), jpeg)));
    }

    @Test
    void longExposuresAreWrittenInSecondsAndShortOnesAsFractions() throws Exception {
        assertEquals(Optional.of("0.8 s"), withExif(new ExifBuilder().rational(0x829A, 8, 10).build()).exposure());
        assertEquals(Optional.of("0.4 s"), withExif(new ExifBuilder().rational(0x829A, 4, 10).build()).exposure());
        assertEquals(Optional.of("1/2 s"), withExif(new ExifBuilder().rational(0x829A, 1, 2).build()).exposure());
        assertEquals(Optional.of("2.5 s"), withExif(new ExifBuilder().rational(0x829A, 25, 10).build()).exposure());
        assertEquals(Optional.of("30 s"), withExif(new ExifBuilder().rational(0x829A, 30, 1).build()).exposure());
        assertEquals(Optional.of("1/8000 s"), withExif(new ExifBuilder().rational(0x829A, 1, 8000).build()).exposure());
    }

    @Test
    void theDateTakenIsTheCapturesNeverTheLastSave() throws Exception {
        PhotoDetails saved = withExif(new ExifBuilder().ascii0(0x0132, "2025:01:02 03:04:05").build());
        assertEquals(Optional.empty(), saved.dateTaken(), "IFD0 DateTime is when an editor last saved it");
        PhotoDetails digitised = withExif(new ExifBuilder().ascii0(0x0132, "2025:01:02 03:04:05")
                .ascii(0x9004, "2019:06:30 12:00:00", true).build());
        assertEquals(Optional.of("30 Jun 2019, 12:00:00"), digitised.dateTaken());
    }

    @Test
    void aFoldersOrderReadsTheDateTakenFromTheFileAlone() throws Exception {
        byte[] exif = new ExifBuilder().ascii0(0x0132, "2025:01:02 03:04:05")
                .ascii(0x9003, "2019:06:30 12:00:01", true).build();
        Path dated = TestImages.write(dir.resolve("dated.jpg"),
                JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null));
        Path undated = TestImages.write(dir.resolve("undated.jpg"), TestImages.jpeg(TestImages.quadrants(), 0.9f));
        Path text = java.nio.file.Files.writeString(dir.resolve("text.jpg"), "words");

        assertEquals(Optional.of(java.time.LocalDateTime.of(2019, 6, 30, 12, 0, 1)), PhotoDetailsReader.dateTaken(dated));
        assertEquals(Optional.empty(), PhotoDetailsReader.dateTaken(undated));
        assertEquals(Optional.empty(), PhotoDetailsReader.dateTaken(text));
    }

    @Test
    void fileSizesReadAsAPersonWouldWriteThem() {
        assertEquals("1023 B", PhotoDetails.humanBytes(1023));
        assertEquals("1.5 KB", PhotoDetails.humanBytes(1536));
        assertEquals("5.0 MB", PhotoDetails.humanBytes(5L << 20));
    }

    @Test
    void aCameraWhoseModelRepeatsTheMakeIsNamedOnce() throws Exception {
        byte[] exif = new ExifBuilder().ascii0(0x010F, "Canon").ascii0(0x0110, "Canon EOS 5D Mark IV").build();
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null);
        PhotoDetails details = PhotoDetailsReader.read(new PhotoLoader().load(TestImages.write(dir.resolve("c.jpg"), jpeg)));
        assertEquals(Optional.of("Canon EOS 5D Mark IV"), details.camera());
    }

    @Test
    void aPhotoWithoutMetadataShowsOnlyWhatIsKnownNeverInventedValues() throws Exception {
        Path file = TestImages.write(dir.resolve("plain.png"), TestImages.quadrants(), "png");
        PhotoDetails details = PhotoDetailsReader.read(new PhotoLoader().load(file));
        Map<String, String> rows = rows(details);
        assertEquals(java.util.List.of("File", "Dimensions", "Format", "File size", "Colour profile"),
                java.util.List.copyOf(rows.keySet()));
        assertEquals("PNG", rows.get("Format"));
        assertEquals(Files.size(file) + " B", rows.get("File size"));
    }

    @Test
    void anEmbeddedIccProfileIsNamedByItsDescription() throws Exception {
        byte[] icc = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        byte[] jpeg = TestImages.jpegWithMetadata(TestImages.quadrants(), 1, "Test", null, icc);
        PhotoDetails details = PhotoDetailsReader.read(new PhotoLoader().load(TestImages.write(dir.resolve("i.jpg"), jpeg)));
        assertTrue(details.colorProfile().toLowerCase(java.util.Locale.ROOT).contains("srgb"), details.colorProfile());
    }

    @Test
    void garbageInTheExifBlockLeavesTheFieldsEmpty() throws Exception {
        byte[] garbage = new byte[200];
        new java.util.Random(3).nextBytes(garbage);
        System.arraycopy("Exif\0\0MM\0*".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, garbage, 0, 10);
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), garbage, null, null);
        PhotoDetails details = PhotoDetailsReader.read(new PhotoLoader().load(TestImages.write(dir.resolve("g.jpg"), jpeg)));
        assertEquals(64, details.width());
        assertEquals("g.jpg", details.fileName());
        for (Optional<String> field : java.util.List.of(details.camera(), details.lens(), details.exposure(),
                details.aperture(), details.iso(), details.focalLength(), details.dateTaken())) {
            assertEquals(Optional.empty(), field, "nothing is read out of random bytes");
        }
    }
}
