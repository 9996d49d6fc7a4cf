package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.ExifBuilder;
import app.retone.testing.ExifTool;
import app.retone.testing.TestImages;
import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A photo's Exif (camera, dates, exposure, GPS) goes with it into every export, whatever format
 * it came in (a JPEG's APP1, a PNG's eXIf, a TIFF's own directories) and goes out in (JPEG, PNG,
 * TIFF at 8 and 16 bits), with the orientation reset to normal as the pixels are upright. Each
 * export is read back by metadata-extractor and by exiftool, run live.
 */
class ExifExportTest {

    private static final double LATITUDE = 48.858222;
    private static final double LONGITUDE = -2.294500;

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();
    private final PhotoExporter exporter = new PhotoExporter();

    /** What a camera writes: make, model, last-saved date and orientation 6 in IFD0; date taken, exposure, ISO; a position. */
    static byte[] cameraExif() {
        return new ExifBuilder()
                .ascii0(0x010F, "FUJIFILM")
                .ascii0(0x0110, "X-T30")
                .short0(0x0112, 6)
                .ascii0(0x0132, "2024:07:15 09:00:00")
                .ascii(0x9003, "2024:07:14 18:32:05", true)
                .ascii(0x9004, "2024:07:14 18:32:05", true)
                .rational(0x829A, 1, 250)
                .shortValue(0x8827, 400)
                .gpsPosition(LATITUDE, LONGITUDE)
                .build();
    }

    private Path cameraJpeg() throws IOException {
        return TestImages.write(dir.resolve("camera.jpg"),
                JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.95f), cameraExif(), null, null));
    }

    @ParameterizedTest(name = "{0}-bit TIFF")
    @ValueSource(ints = {8, 16})
    void aJpegsExifReachesATiffExport(int bits) throws Exception {
        Photo photo = loader.load(cameraJpeg());
        assertEquals(6, photo.source().orientation());
        if (bits == 16) {
            photo = photo.withSamples(new Samples(app.retone.core.color.RgbSpace.SRGB, null, sixteenBit(photo)));
        }
        Path out = dir.resolve("out.tif");
        exporter.export(photo, out, ExportOptions.DEFAULT);

        JsonObject tags = ExifTool.read(out);
        assertEquals(bits + " " + bits + " " + bits, ExifTool.text(tags, "IFD0:BitsPerSample"), "the " + bits + "-bit writer");
        assertCameraExif(out, tags);
        Photo back = loader.load(out);
        assertEquals(32, back.width(), "stored upright: not turned again");
        assertEquals(1, back.source().orientation());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"jpg, tif", "jpg, png", "jpg, jpg", "png, jpg", "png, tif", "png, png", "tif, jpg", "tif, png", "tif, tif"})
    void everySourceFormatsExifReachesEveryExportFormat(String from, String to) throws Exception {
        Path source = switch (from) {
            case "jpg" -> cameraJpeg();
            case "png" -> pngWithEXif(dir.resolve("camera.png"), cameraExif());
            default -> tiffTaggedByExiftool(dir.resolve("camera.tif"));
        };
        Photo photo = loader.load(source);
        assertEquals(java.util.List.of(), photo.warnings());
        assertEquals(6, photo.source().orientation(), "the source's orientation is applied");
        assertEquals(32, photo.width());
        Path out = dir.resolve("out." + to);
        exporter.export(photo, out, ExportOptions.DEFAULT);

        assertCameraExif(out, ExifTool.read(out));
        assertEquals(32, loader.load(out).width(), "stored upright");
    }

    @Test
    void aPngsEXifChunkIsReadAndItsDateTakenReachesAJpegExport() throws Exception {
        Path png = pngWithEXif(dir.resolve("dated.png"),
                new ExifBuilder().ascii(0x9003, "2023:12:24 17:45:00", true).build());
        Photo photo = loader.load(png);
        assertNotNull(photo.source().exif(), "the eXIf chunk is kept as an Exif block");
        assertTrue(JpegSegments.startsWith(photo.source().exif(), JpegSegments.EXIF_ID));
        assertEquals("24 Dec 2023, 17:45:00", PhotoDetailsReader.read(photo).dateTaken().orElseThrow());

        Path jpeg = dir.resolve("dated.jpg");
        exporter.export(photo, jpeg, ExportOptions.DEFAULT);
        Metadata metadata = ImageMetadataReader.readMetadata(jpeg.toFile());
        assertEquals("2023:12:24 17:45:00", metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                .getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertEquals("2023:12:24 17:45:00", ExifTool.text(ExifTool.read(jpeg), "ExifIFD:DateTimeOriginal"));
    }

    @Test
    void thePngExportsEXifChunkIsWhatThePngSpecSays() throws Exception {
        Path out = dir.resolve("out.png");
        exporter.export(loader.load(cameraJpeg()), out, ExportOptions.DEFAULT);
        byte[] png = Files.readAllBytes(out);
        int at = TestImages.indexOf(png, "eXIf");
        assertTrue(at > 0, "an eXIf chunk");
        // its data is the TIFF structure itself, without the JPEG segment's "Exif\0\0"
        assertEquals("MM", new String(png, at + 4, 2, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(at < TestImages.indexOf(png, "IDAT"), "before the image data");
        JsonObject tags = ExifTool.read(out);
        assertNull(ExifTool.text(tags, "ExifTool:Warning"), tags.toString());
        assertEquals("1", ExifTool.text(tags, "IFD0:Orientation"));
    }

    @Test
    void aTiffExportKeepsOnlyThePhotosOwnFactsFromIfd0() throws Exception {
        // a JPEG's IFD0 may say how that JPEG was stored: none of it may reach the TIFF's own IFD0
        byte[] exif = new ExifBuilder().ascii0(0x010F, "FUJIFILM").short0(0x0213, 2) // YCbCrPositioning
                .short0(0x0103, 6) // Compression: JPEG
                .ascii(0x9003, "2024:07:14 18:32:05", true).build();
        Path in = TestImages.write(dir.resolve("in.jpg"),
                JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), exif, null, null));
        Path out = dir.resolve("out.tif");
        exporter.export(loader.load(in), out, ExportOptions.DEFAULT);
        JsonObject tags = ExifTool.read(out);
        assertEquals("FUJIFILM", ExifTool.text(tags, "IFD0:Make"));
        assertEquals("5", ExifTool.text(tags, "IFD0:Compression"), "the TIFF's own compression (LZW)");
        assertNull(ExifTool.text(tags, "IFD0:YCbCrPositioning"));
        assertNull(ExifTool.text(tags, "ExifTool:Warning"), tags.toString());
        assertEquals(32, loader.load(out).height());
    }

    /** The camera's Exif, as both readers find it in {@code out}: orientation reset, all else as the camera wrote. */
    private static void assertCameraExif(Path out, JsonObject tags) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(out.toFile());
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        assertNotNull(ifd0, out + ": IFD0");
        assertNotNull(exif, out + ": the Exif IFD");
        assertNotNull(gps, out + ": the GPS IFD");
        assertEquals("FUJIFILM", ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals("X-T30", ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        assertEquals("2024:07:15 09:00:00", ifd0.getString(ExifIFD0Directory.TAG_DATETIME));
        assertEquals(1, ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertEquals("2024:07:14 18:32:05", exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertEquals("1/250", exif.getRational(ExifSubIFDDirectory.TAG_EXPOSURE_TIME).toString());
        assertEquals(400, exif.getInt(ExifSubIFDDirectory.TAG_ISO_EQUIVALENT));
        GeoLocation where = gps.getGeoLocation();
        assertNotNull(where, "a position");
        assertEquals(LATITUDE, where.getLatitude(), 1e-5);
        assertEquals(LONGITUDE, where.getLongitude(), 1e-5);

        assertNull(ExifTool.text(tags, "ExifTool:Error"), tags.toString());
        assertNull(ExifTool.text(tags, "ExifTool:Warning"), tags.toString());
        assertEquals("FUJIFILM", ExifTool.text(tags, "IFD0:Make"));
        assertEquals("X-T30", ExifTool.text(tags, "IFD0:Model"));
        assertEquals("2024:07:15 09:00:00", ExifTool.text(tags, "IFD0:ModifyDate"));
        assertEquals("1", ExifTool.text(tags, "IFD0:Orientation"));
        assertEquals("2024:07:14 18:32:05", ExifTool.text(tags, "ExifIFD:DateTimeOriginal"));
        assertEquals("0.004", ExifTool.text(tags, "ExifIFD:ExposureTime"));
        assertEquals("400", ExifTool.text(tags, "ExifIFD:ISO"));
        assertEquals(LATITUDE, Double.parseDouble(ExifTool.text(tags, "GPS:GPSLatitude")), 1e-5);
        assertEquals("N", ExifTool.text(tags, "GPS:GPSLatitudeRef"));
        assertEquals(Math.abs(LONGITUDE), Double.parseDouble(ExifTool.text(tags, "GPS:GPSLongitude")), 1e-5);
        assertEquals("W", ExifTool.text(tags, "GPS:GPSLongitudeRef"));
    }

    /** The photo's 8-bit values as 16-bit samples (v × 257), R, G, B per pixel. */
    private static short[] sixteenBit(Photo photo) {
        int[] argb = photo.argb();
        short[] deep = new short[argb.length * 3];
        for (int i = 0; i < argb.length; i++) {
            deep[3 * i] = (short) ((argb[i] >>> 16 & 0xFF) * 257);
            deep[3 * i + 1] = (short) ((argb[i] >>> 8 & 0xFF) * 257);
            deep[3 * i + 2] = (short) ((argb[i] & 0xFF) * 257);
        }
        return deep;
    }

    /** A PNG (the JDK's encoder) with an eXIf chunk holding {@code exif}'s TIFF structure, put before IDAT as the spec allows. */
    static Path pngWithEXif(Path file, byte[] exif) throws IOException {
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(TestImages.quadrants(), "png", encoded);
        byte[] data = java.util.Arrays.copyOfRange(exif, JpegSegments.EXIF_ID.length, exif.length);
        return TestImages.write(file, TestImages.pngWithChunk(encoded.toByteArray(), "eXIf", data));
    }

    /** A TIFF (the JDK's encoder, little-endian) that exiftool gave the camera's tags, as a photo library would. */
    private Path tiffTaggedByExiftool(Path file) throws IOException {
        TestImages.write(file, TestImages.quadrants(), "tiff");
        ExifTool.run("-overwrite_original", "-n", "-Make=FUJIFILM", "-Model=X-T30", "-Orientation=6",
                "-ModifyDate=2024:07:15 09:00:00", "-DateTimeOriginal=2024:07:14 18:32:05",
                "-CreateDate=2024:07:14 18:32:05", "-ExposureTime=0.004", "-ISO=400",
                "-GPSLatitude=" + LATITUDE, "-GPSLatitudeRef=N", "-GPSLongitude=" + Math.abs(LONGITUDE), "-GPSLongitudeRef=W",
                file.toString());
        return file;
    }
}
