package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageWriteException.Problem;
import app.retone.testing.FaultyDisks;
import app.retone.testing.TestImages;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoExporterTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();
    private final PhotoExporter exporter = new PhotoExporter();

    @Test
    void jpegToJpegKeepsExifXmpAndIccWithOrientationReset() throws Exception {
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        Path in = TestImages.write(dir.resolve("in.jpg"),
                TestImages.jpegWithMetadata(TestImages.quadrants(), 6, "TestCam", "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>", icc));
        Photo photo = loader.load(in);
        Path out = dir.resolve("out.jpg");
        exporter.export(photo, out, ExportOptions.DEFAULT);

        Metadata metadata = ImageMetadataReader.readMetadata(out.toFile());
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertNotNull(ifd0, "Exif kept");
        assertEquals("TestCam", ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals(1, ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertNotNull(metadata.getFirstDirectoryOfType(XmpDirectory.class), "XMP kept");
        assertNotNull(metadata.getFirstDirectoryOfType(IccDirectory.class), "ICC kept");
        Photo back = loader.load(out);
        assertArrayEquals(icc, back.source().iccProfile());
        // the pixels were turned on load; the file now stores them upright
        assertEquals(32, back.width());
        assertEquals(64, back.height());
    }

    @Test
    void pngKeepsTheColourProfileAndExifAndTiffKeepsTheColourProfile() throws Exception {
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        Path in = TestImages.write(dir.resolve("wide.jpg"),
                TestImages.jpegWithMetadata(TestImages.quadrants(), 6, "TestCam", null, icc));
        Photo photo = loader.load(in);

        Path png = dir.resolve("out.png");
        exporter.export(photo, png, ExportOptions.DEFAULT);
        Metadata pngMeta = ImageMetadataReader.readMetadata(png.toFile());
        IccDirectory pngIcc = pngMeta.getFirstDirectoryOfType(IccDirectory.class);
        assertNotNull(pngIcc, "the PNG carries the profile its pixels are in (iCCP)");
        assertEquals(icc.length, pngIcc.getInt(IccDirectory.TAG_PROFILE_BYTE_COUNT));
        ExifIFD0Directory pngExif = pngMeta.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertNotNull(pngExif, "the PNG carries the EXIF block (eXIf)");
        assertEquals("TestCam", pngExif.getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals(1, pngExif.getInt(ExifIFD0Directory.TAG_ORIENTATION), "pixels are upright now");

        Path tiff = dir.resolve("out.tif");
        exporter.export(photo, tiff, ExportOptions.DEFAULT);
        IccDirectory tiffIcc = ImageMetadataReader.readMetadata(tiff.toFile()).getFirstDirectoryOfType(IccDirectory.class);
        assertNotNull(tiffIcc, "the TIFF carries the profile (tag 34675)");
        assertEquals(icc.length, tiffIcc.getInt(IccDirectory.TAG_PROFILE_BYTE_COUNT));
        // and the pixels are unchanged by carrying it
        assertArrayEquals(photo.argb(), loader.load(png).argb());
        assertArrayEquals(photo.argb(), loader.load(tiff).argb());
    }

    @Test
    void xmpOrientationIsResetTooAndJfifStaysFirstWithoutExif() throws Exception {
        String xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description tiff:Orientation=\"6\"/></rdf:RDF></x:xmpmeta>";
        byte[] payload = TestImages.concat("http://ns.adobe.com/xap/1.0/\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                xmp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] jpeg = JpegSegments.insert(TestImages.jpeg(TestImages.quadrants(), 0.9f), null, payload, null);
        assertEquals(0xE0, jpeg[3] & 0xFF, "JFIF APP0 stays right after SOI");
        Path in = TestImages.write(dir.resolve("xmp.jpg"), jpeg);
        Path out = dir.resolve("xmp-out.jpg");
        exporter.export(loader.load(in), out, ExportOptions.DEFAULT);
        String written = new String(loader.load(out).source().xmp(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(written.contains("tiff:Orientation=\"1\""), written);
        assertThrows(IllegalArgumentException.class, () -> JpegSegments.insert(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}, null, null, null));
    }

    @Test
    void exportedFilesHaveThePermissionsOfAnyNewFileInTheFolder() throws IOException {
        // the umask decides, as for any other tool's output (ExportPermissionsTest tries several)
        Path out = dir.resolve("shared.png");
        exporter.export(SyntheticPhoto.landscape(20, 20, 1), out, ExportOptions.DEFAULT);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void tiffIsLzwCompressedWithHorizontalDifferencingAt8Bits() throws IOException {
        // as TwelveMonkeys' writer did before the JDK's took over TIFF (for its Exif IFDs): a photo's file 40 % smaller
        Path out = dir.resolve("photo.tif");
        Photo photo = SyntheticPhoto.landscape(300, 200, 6);
        exporter.export(photo, out, ExportOptions.DEFAULT);
        com.google.gson.JsonObject tags = app.retone.testing.ExifTool.read(out);
        assertEquals("5", app.retone.testing.ExifTool.text(tags, "IFD0:Compression"), "LZW");
        assertEquals("2", app.retone.testing.ExifTool.text(tags, "IFD0:Predictor"), "horizontal differencing");
        assertArrayEquals(photo.argb(), loader.load(out).argb());
    }

    @Test
    void jpegShowsTransparentPartsOverWhite() throws IOException {
        int[] px = new int[16 * 16];
        java.util.Arrays.fill(px, 0x00000000);
        Path out = dir.resolve("clear.jpg");
        exporter.export(Photo.of(16, 16, px, true), out, ExportOptions.DEFAULT);
        int p = loader.load(out).argb()[8 * 16 + 8];
        assertTrue((p & 0xFF) > 250 && (p >>> 8 & 0xFF) > 250 && (p >>> 16 & 0xFF) > 250, Integer.toHexString(p));
    }

    @Test
    void pngAndTiffRoundTripExactlyWithAlpha() throws IOException {
        int[] px = SyntheticPhoto.landscape(40, 30, 1).argb().clone();
        px[0] = 0x00FFFFFF;
        px[1] = 0x80102030;
        Photo photo = Photo.of(40, 30, px, true);
        for (String name : List.of("a.png", "a.tif", "a.tiff")) {
            Path out = dir.resolve(name);
            exporter.export(photo, out, ExportOptions.DEFAULT);
            Photo back = loader.load(out);
            assertArrayEquals(px, back.argb(), name);
        }
    }

    @Test
    void formatOptionOverridesTheExtension() throws IOException {
        Photo photo = SyntheticPhoto.landscape(40, 30, 2);
        Path out = dir.resolve("picture.out");
        assertEquals(ImageFormat.PNG, exporter.export(photo, out, ExportOptions.DEFAULT.withFormat(ImageFormat.PNG)));
        assertEquals("png", loader.load(out).source().format());
        ImageWriteException e = assertThrows(ImageWriteException.class,
                () -> exporter.export(photo, dir.resolve("x.webp"), ExportOptions.DEFAULT));
        assertEquals(Problem.UNSUPPORTED_FORMAT, e.problem());
    }

    @Test
    void jpegQualityChangesTheFile() throws IOException {
        Photo photo = SyntheticPhoto.landscape(320, 240, 3);
        exporter.export(photo, dir.resolve("low.jpg"), ExportOptions.DEFAULT.withQuality(30));
        exporter.export(photo, dir.resolve("high.jpg"), ExportOptions.DEFAULT.withQuality(98));
        assertTrue(Files.size(dir.resolve("low.jpg")) * 2 < Files.size(dir.resolve("high.jpg")));
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.DEFAULT.withQuality(0));
        assertThrows(IllegalArgumentException.class, () -> ExportOptions.DEFAULT.withQuality(101));
    }

    @Test
    void neverOverwritesTheInputUnlessForced() throws IOException {
        Path in = TestImages.write(dir.resolve("in.png"), TestImages.quadrants(), "png");
        byte[] before = Files.readAllBytes(in);
        Photo photo = loader.load(in);
        Photo changed = photo.withPixels(new int[photo.argb().length]);
        ImageWriteException e = assertThrows(ImageWriteException.class, () -> exporter.export(changed, in, ExportOptions.DEFAULT));
        assertEquals(Problem.WOULD_OVERWRITE_INPUT, e.problem());
        assertTrue(e.getMessage().contains("original"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(in));

        exporter.export(changed, in, ExportOptions.DEFAULT.withOverwrite(true));
        assertEquals(0, loader.load(in).argb()[0] & 0xFFFFFF);
    }

    @Test
    void anExistingFileIsNotReplacedWithoutForce() throws IOException {
        Path existing = TestImages.write(dir.resolve("taken.jpg"), new byte[] {1, 2, 3});
        ImageWriteException e = assertThrows(ImageWriteException.class,
                () -> exporter.export(SyntheticPhoto.landscape(10, 10, 1), existing, ExportOptions.DEFAULT));
        assertEquals(Problem.DESTINATION_EXISTS, e.problem());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing));
    }

    @Test
    void aMissingFolderIsNamed() {
        ImageWriteException e = assertThrows(ImageWriteException.class,
                () -> exporter.export(SyntheticPhoto.landscape(10, 10, 1), dir.resolve("no/such/out.jpg"), ExportOptions.DEFAULT));
        assertEquals(Problem.FOLDER_MISSING, e.problem());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path target = TestImages.write(dir.resolve("result.png"), new byte[] {9, 9, 9});
        // a channel that accepts 1000 bytes, then reports a full disk
        PhotoExporter failing = new PhotoExporter(FaultyDisks.fullAfter(1000));
        for (String name : List.of("result.png", "result.jpg", "fresh.tif")) {
            Path out = dir.resolve(name);
            boolean existed = Files.exists(out);
            ImageWriteException e = assertThrows(ImageWriteException.class, () -> failing.export(
                    SyntheticPhoto.landscape(200, 200, 4), out, ExportOptions.DEFAULT.withOverwrite(true)));
            assertEquals(Problem.DISK_FULL, e.problem());
            assertEquals(out.toAbsolutePath() + ": the disk is full (No space left on device); nothing was saved"
                    + (existed ? "; the existing file is unchanged" : ""), e.getMessage());
            assertEquals(existed, Files.exists(out), name);
        }
        assertArrayEquals(new byte[] {9, 9, 9}, Files.readAllBytes(target));
        assertEquals(0, FaultyDisks.partFiles(dir), "no temporary file left");
    }

    @Test
    void aFullDiskWhileReplacingTheOriginalKeepsTheOriginal() throws IOException {
        Path in = TestImages.write(dir.resolve("in.jpg"), TestImages.jpeg(TestImages.quadrants(), 0.9f));
        byte[] before = Files.readAllBytes(in);
        Photo photo = loader.load(in);
        Photo changed = photo.withPixels(new int[photo.argb().length]);
        ImageWriteException e = assertThrows(ImageWriteException.class, () -> new PhotoExporter(FaultyDisks.fullAfter(100))
                .export(changed, in, ExportOptions.DEFAULT.withOverwrite(true)));
        assertEquals(Problem.DISK_FULL, e.problem());
        assertTrue(e.getMessage().endsWith("; the existing file is unchanged"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(in), "the original is byte for byte what it was");
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aFolderThatRefusesTheFileSaysPermissionDenied() throws IOException {
        Path existing = TestImages.write(dir.resolve("kept.png"), new byte[] {4, 5, 6});
        PhotoExporter denied = new PhotoExporter(FaultyDisks.readOnlyFolder());
        for (String name : List.of("kept.png", "new.jpg")) {
            ImageWriteException e = assertThrows(ImageWriteException.class, () -> denied.export(
                    SyntheticPhoto.landscape(50, 50, 5), dir.resolve(name), ExportOptions.DEFAULT.withOverwrite(true)));
            assertEquals(Problem.NOT_WRITABLE, e.problem());
            assertTrue(e.getMessage().startsWith(dir.toAbsolutePath() + ": the folder is not writable (permission denied);"
                    + " nothing was saved"), e.getMessage());
        }
        assertArrayEquals(new byte[] {4, 5, 6}, Files.readAllBytes(existing));
        assertFalse(Files.exists(dir.resolve("new.jpg")));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aReadOnlyFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FaultyDisks.permissionsApply(dir),
                "running as root: permission bits do not bind (aFolderThatRefusesTheFileSaysPermissionDenied covers it)");
        Path folder = Files.createDirectories(dir.resolve("read-only"));
        Path existing = TestImages.write(folder.resolve("kept.png"), new byte[] {4, 5, 6});
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (String name : List.of("kept.png", "new.jpg")) {
                ImageWriteException e = assertThrows(ImageWriteException.class, () -> exporter.export(
                        SyntheticPhoto.landscape(50, 50, 5), folder.resolve(name), ExportOptions.DEFAULT.withOverwrite(true)));
                assertEquals(Problem.NOT_WRITABLE, e.problem());
                assertEquals(folder.toAbsolutePath() + ": the folder is not writable (permission denied)", e.getMessage());
            }
            assertArrayEquals(new byte[] {4, 5, 6}, Files.readAllBytes(existing));
            assertEquals(0, FaultyDisks.partFiles(folder));
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileThatAppearsUnderTheSameNameWhileWritingIsLeftAlone() throws IOException {
        Path out = dir.resolve("race.jpg");
        byte[] theirs = {7, 7, 7, 7};
        PhotoExporter racing = new PhotoExporter(FaultyDisks.destinationAppearsWhileWriting(out, theirs));
        ImageWriteException e = assertThrows(ImageWriteException.class,
                () -> racing.export(SyntheticPhoto.landscape(80, 60, 6), out, ExportOptions.DEFAULT));
        assertEquals(Problem.DESTINATION_EXISTS, e.problem());
        assertEquals(out.toAbsolutePath() + ": a file of this name appeared while writing; it was left as it is and"
                + " nothing was saved", e.getMessage());
        assertArrayEquals(theirs, Files.readAllBytes(out), "the other program's file is untouched");
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aWriteInterruptedHalfWayLeavesNothingAndKeepsTheThreadInterrupted() throws IOException {
        Path existing = TestImages.write(dir.resolve("result.png"), new byte[] {9, 9, 9});
        PhotoExporter interrupted = new PhotoExporter(FaultyDisks.interruptedAfter(1000));
        for (String name : List.of("result.png", "fresh.jpg")) {
            Path out = dir.resolve(name);
            ImageWriteException e;
            try {
                e = assertThrows(ImageWriteException.class, () -> interrupted.export(
                        SyntheticPhoto.landscape(200, 200, 7), out, ExportOptions.DEFAULT.withOverwrite(true)));
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
            }
            assertEquals(Problem.INTERRUPTED, e.problem(), e.getMessage());
            assertTrue(e.getMessage().startsWith(out.toAbsolutePath() + ": the export was interrupted before it finished;"
                    + " nothing was saved"), e.getMessage());
            assertTrue(e.getCause() instanceof java.nio.channels.ClosedChannelException
                    || e.getCause().getCause() instanceof java.nio.channels.ClosedChannelException, "the JDK closed the channel");
        }
        assertArrayEquals(new byte[] {9, 9, 9}, Files.readAllBytes(existing));
        assertFalse(Files.exists(dir.resolve("fresh.jpg")));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    /**
     * A really full disk, when one is given: {@code -Dretone.test.fullDisk=DIR} on a small file system
     * (for example {@code mount -t tmpfs -o size=64k tmpfs DIR}). Skipped otherwise.
     */
    @Test
    void aReallyFullDiskLeavesNothingAndKeepsTheOldFile() throws IOException {
        String small = System.getProperty("retone.test.fullDisk");
        org.junit.jupiter.api.Assumptions.assumeTrue(small != null && !small.isBlank(), "no small file system given");
        Path folder = Files.createTempDirectory(Path.of(small), "export");
        try {
            Path existing = TestImages.write(folder.resolve("noise.png"), new byte[] {1, 2, 3});
            int[] noise = new int[600 * 600];
            java.util.Random random = new java.util.Random(8);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = 0xFF000000 | random.nextInt(0x1000000);
            }
            ImageWriteException e = assertThrows(ImageWriteException.class, () -> exporter.export(
                    Photo.of(600, 600, noise, false), existing, ExportOptions.DEFAULT.withOverwrite(true)));
            assertEquals(Problem.DISK_FULL, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing));
            assertEquals(0, FaultyDisks.partFiles(folder));
        } finally {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
    }
}
