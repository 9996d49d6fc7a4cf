package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.io.FileUri;
import app.retone.testing.FaultyDisks;
import app.retone.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared thumbnail cache (freedesktop.org Thumbnail Managing Standard) and the filmstrip's
 * reader through it, in a cache home of the test's own (never the user's {@code ~/.cache}).
 */
class ThumbnailCacheTest {

    private static final int RED = 0xFFE01010;
    private static final int BLUE = 0xFF1010E0;
    private static final int GREEN = 0xFF10C010;

    @TempDir
    Path dir;

    private final ThumbnailReader photos = new ThumbnailReader(ImageLimits.DEFAULT);

    private ThumbnailCache cache() {
        return new ThumbnailCache(dir.resolve("cache-home"));
    }

    /** An 800 × 600 JPEG of one colour (no stored thumbnail), at {@code file}. */
    private static Path photo(Path file, int colour) throws IOException {
        int[] argb = new int[800 * 600];
        Arrays.fill(argb, colour);
        Files.createDirectories(file.getParent());
        return TestImages.write(file, TestImages.jpeg(TestImages.fromArgb(argb, 800, 600, false), 0.95f));
    }

    private static void assertColour(int expected, Thumbnail t) {
        int centre = t.argb()[t.height() / 2 * t.width() + t.width() / 2];
        for (int shift : new int[] {0, 8, 16}) {
            assertTrue(Math.abs((centre >> shift & 0xFF) - (expected >> shift & 0xFF)) < 12,
                    Integer.toHexString(expected) + " expected, got " + Integer.toHexString(centre));
        }
    }

    private static long seconds(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(TimeUnit.SECONDS);
    }

    @Test
    void theFileIsNamedByTheMd5OfTheCanonicalUriInLarge() {
        // the standard's own example
        assertEquals(dir.resolve("cache-home/thumbnails/large/c6ee772d9e49320e97ec29a7eb5b1697.png"),
                cache().fileFor("file:///home/jens/photos/me.png"));
    }

    @Test
    void aThumbnailIsMadeOnceStoredWithTheStandardsKeysAndReadBackFromTheCache() throws Exception {
        // a folder and a name with spaces and letters beyond ASCII: the name is the MD5 of the encoded URI
        Path photo = photo(dir.resolve("été 2024/ma photo.jpg"), RED);
        ThumbnailCache cache = cache();
        CachedThumbnailReader reader = new CachedThumbnailReader(photos, cache);

        Thumbnail made = reader.read(photo, 160);

        assertEquals(160, made.width());
        assertEquals(120, made.height());
        assertColour(RED, made);
        String uri = FileUri.canonical(photo);
        assertTrue(uri.endsWith("/%C3%A9t%C3%A9%202024/ma%20photo.jpg"), uri);
        Path stored = cache.fileFor(uri);
        assertEquals(dir.resolve("cache-home/thumbnails/large/" + md5(uri) + ".png"), stored);
        byte[] png = Files.readAllBytes(stored);
        Map<String, String> text = PngText.read(png);
        assertEquals(uri, text.get("Thumb::URI"));
        assertEquals(Long.toString(seconds(photo)), text.get("Thumb::MTime"));
        assertEquals(Long.toString(Files.size(photo)), text.get("Thumb::Size"));
        assertEquals("Retone", text.get("Software"));
        // 256 × 192, 8 bits per channel, RGBA, not interlaced
        ByteBuffer header = ByteBuffer.wrap(png, 16, 13);
        assertEquals(256, header.getInt());
        assertEquals(192, header.getInt());
        assertArrayEquals(new byte[] {8, 6, 0, 0, 0}, Arrays.copyOfRange(png, 24, 29));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        for (Path folder : new Path[] {dir.resolve("cache-home"), dir.resolve("cache-home/thumbnails"), stored.getParent()}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
        }
        assertEquals(0, FaultyDisks.partFiles(stored.getParent()), "no temporary file left");

        // the next time: from the cache (its pixels made green here, so that the photo's red would show)
        rewritePixels(cache, photo, GREEN);
        Thumbnail again = reader.read(photo, 160);
        assertColour(GREEN, again);
        assertEquals(160, again.width());
    }

    @Test
    void aPhotoChangedSinceIsMadeAgainAndItsThumbnailReplaced() throws Exception {
        Path photo = photo(dir.resolve("photos/a.jpg"), RED);
        ThumbnailCache cache = cache();
        CachedThumbnailReader reader = new CachedThumbnailReader(photos, cache);
        reader.read(photo, 160);
        Path stored = cache.fileFor(FileUri.canonical(photo));

        // another photo moved over it, with an earlier time: a newer-than test would miss it
        long before = seconds(photo);
        photo(photo, BLUE);
        Files.setLastModifiedTime(photo, FileTime.from(before - 3600, TimeUnit.SECONDS));
        assertColour(BLUE, reader.read(photo, 160));
        assertEquals(Long.toString(before - 3600), PngText.read(Files.readAllBytes(stored)).get("Thumb::MTime"));
        assertColour(BLUE, cache.find(cache.original(photo).orElseThrow()).orElseThrow());

        // only the time changed: made again all the same, never shown from the old one
        rewritePixels(cache, photo, GREEN);
        Files.setLastModifiedTime(photo, FileTime.from(before + 60, TimeUnit.SECONDS));
        assertColour(BLUE, reader.read(photo, 160));
        assertEquals(Long.toString(before + 60), PngText.read(Files.readAllBytes(stored)).get("Thumb::MTime"));
    }

    @Test
    void aThumbnailOfAnotherSizeOrUriOrWithoutATimeIsNotUsed() throws Exception {
        Path photo = photo(dir.resolve("photos/a.jpg"), RED);
        ThumbnailCache cache = cache();
        ThumbnailCache.Original original = cache.original(photo).orElseThrow();
        Thumbnail green = solid(256, 192, GREEN);

        assertTrue(cache.store(new ThumbnailCache.Original(photo, original.uri(), original.mtime(), original.size() + 1), green));
        assertEquals(Optional.empty(), cache.find(original), "Thumb::Size differs");

        writeForeignThumbnail(cache.fileFor(original.uri()), "file:///elsewhere/a.jpg", Long.toString(original.mtime()));
        assertEquals(Optional.empty(), cache.find(original), "Thumb::URI differs (an MD5 collision, or a damaged key)");

        writeForeignThumbnail(cache.fileFor(original.uri()), original.uri(), null);
        assertEquals(Optional.empty(), cache.find(original), "no Thumb::MTime");

        writeForeignThumbnail(cache.fileFor(original.uri()), original.uri(), original.mtime() + ".75");
        assertColour(GREEN, cache.find(original).orElseThrow()); // a fraction of a second some programs add
    }

    @Test
    void aDamagedCachedFileIsMadeAgainAndReplaced() throws Exception {
        Path photo = photo(dir.resolve("photos/a.jpg"), RED);
        ThumbnailCache cache = cache();
        CachedThumbnailReader reader = new CachedThumbnailReader(photos, cache);
        reader.read(photo, 160);
        Path stored = cache.fileFor(FileUri.canonical(photo));
        byte[] good = Files.readAllBytes(stored);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x55; // inside the image data: its checksum no longer holds

        for (byte[] damaged : new byte[][] {Arrays.copyOf(good, good.length / 2), flipped, new byte[0],
                "not a PNG at all".getBytes(StandardCharsets.US_ASCII), TestImages.pngClaimingSize(60_000, 60_000)}) {
            Files.write(stored, damaged);
            assertEquals(Optional.empty(), cache.find(cache.original(photo).orElseThrow()));
            assertColour(RED, reader.read(photo, 160));
            assertTrue(cache.find(cache.original(photo).orElseThrow()).isPresent(), "stored again");
        }
        Files.delete(stored);
        Files.createDirectory(stored); // a folder where the file should be: nothing can be read or written there
        assertColour(RED, reader.read(photo, 160));
    }

    @Test
    void aCacheThatCannotBeWrittenChangesNothingButTheTime() throws Exception {
        Path photo = photo(dir.resolve("photos/a.jpg"), RED);
        Path notAFolder = Files.writeString(dir.resolve("home-is-a-file"), "x");
        ThumbnailCache cache = new ThumbnailCache(notAFolder);

        assertFalse(cache.store(cache.original(photo).orElseThrow(), solid(256, 192, GREEN)));
        assertColour(RED, new CachedThumbnailReader(photos, cache).read(photo, 160));
    }

    @Test
    void aReadOnlyCacheFolderChangesNothingButTheTime() throws Exception {
        Assumptions.assumeTrue(FaultyDisks.permissionsApply(dir), "running as root: permission bits do not bind");
        Path photo = photo(dir.resolve("photos/a.jpg"), RED);
        Path home = Files.createDirectories(dir.resolve("read-only-home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ThumbnailCache cache = new ThumbnailCache(home);
            assertColour(RED, new CachedThumbnailReader(photos, cache).read(photo, 160));
            assertFalse(Files.exists(home.resolve("thumbnails")));
        } finally {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A really full disk, when one is given ({@code -Dretone.test.fullDisk=DIR}, as for the exports); skipped otherwise. */
    @Test
    void aReallyFullDiskChangesNothingButTheTimeAndLeavesNoPart() throws Exception {
        String small = System.getProperty("retone.test.fullDisk");
        Assumptions.assumeTrue(small != null && !small.isBlank(), "no small file system given");
        Path photo = photo(dir.resolve("photos/noise.jpg"), RED);
        Path home = Files.createTempDirectory(Path.of(small), "cache");
        try {
            Path filler = home.resolve("filler");
            try (var out = Files.newOutputStream(filler)) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block); // until the disk is full
                }
            } catch (IOException full) {
                // now it is
            }
            ThumbnailCache cache = new ThumbnailCache(home);
            assertColour(RED, new CachedThumbnailReader(photos, cache).read(photo, 160));
            Path large = home.resolve("thumbnails/large");
            assertFalse(Files.exists(cache.fileFor(FileUri.canonical(photo))), "nothing could be stored");
            assertTrue(!Files.exists(large) || FaultyDisks.partFiles(large) == 0, "no temporary file left");
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aFileManagersThumbnailIsUsedAsItIs() throws Exception {
        Path photo = photo(dir.resolve("photos/a b.jpg"), RED);
        ThumbnailCache cache = cache();
        ThumbnailCache.Original original = cache.original(photo).orElseThrow();
        Path stored = cache.fileFor(original.uri());
        writeForeignThumbnail(stored, original.uri(), Long.toString(original.mtime()));
        byte[] theirs = Files.readAllBytes(stored);

        Thumbnail shown = new CachedThumbnailReader(photos, cache).read(photo, 160);

        assertColour(GREEN, shown);
        assertEquals(160, shown.width());
        assertEquals(120, shown.height());
        assertArrayEquals(theirs, Files.readAllBytes(stored), "left as it is");
    }

    @Test
    void aCamerasSmallStoredThumbnailIsShownButNotStored() throws Exception {
        Path file = Path.of(getClass().getResource("thumbnail/exif-thumbnail-rotated.jpg").toURI());
        Path photo = Files.copy(file, Files.createDirectories(dir.resolve("camera")).resolve("dsc.jpg"));
        ThumbnailCache cache = cache();

        Thumbnail shown = new CachedThumbnailReader(photos, cache).read(photo, 160);

        assertEquals(107, shown.width(), "the camera's 160 x 107, stood up");
        assertEquals(160, shown.height());
        assertFalse(Files.exists(cache.fileFor(FileUri.canonical(photo))), "a blurred thumbnail is not shared");
    }

    @Test
    void thumbnailsOfTheCachesOwnFilesAreNeverMade() throws Exception {
        Path photo = photo(dir.resolve("photos/a.jpg"), RED);
        ThumbnailCache cache = cache();
        new CachedThumbnailReader(photos, cache).read(photo, 160);
        Path stored = cache.fileFor(FileUri.canonical(photo));

        assertEquals(Optional.empty(), cache.original(stored));
        new CachedThumbnailReader(photos, cache).read(stored, 160);
        try (Stream<Path> files = Files.list(stored.getParent())) {
            assertEquals(1, files.count(), "no thumbnail of the thumbnail");
        }
    }

    @Test
    void pngTextIsReadFromEveryKindOfChunkWhereverItStands() throws Exception {
        byte[] png = foreignPng(Map.of("Thumb::URI", "file:///x%20y.jpg"), Map.of("Thumb::MTime", "1700000000"),
                Map.of("Description", "été"));

        Map<String, String> text = PngText.read(png);

        assertEquals("file:///x%20y.jpg", text.get("Thumb::URI"));
        assertEquals("1700000000", text.get("Thumb::MTime"));
        assertEquals("été", text.get("Description"));
        assertThrows(IOException.class, () -> PngText.read(Arrays.copyOf(png, png.length - 5)), "cut short");
        byte[] longer = Arrays.copyOf(png, png.length + 4);
        ByteBuffer.wrap(longer).putInt(8, 1 << 30);
        assertThrows(IOException.class, () -> PngText.read(longer), "a chunk claims more than the file holds");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Thumbnail solid(int w, int h, int colour) {
        int[] argb = new int[w * h];
        Arrays.fill(argb, colour);
        return new Thumbnail(w, h, argb);
    }

    /** The cached thumbnail of {@code photo} with its keys kept and its pixels made {@code colour}. */
    private static void rewritePixels(ThumbnailCache cache, Path photo, int colour) {
        assertTrue(cache.store(cache.original(photo).orElseThrow(), solid(256, 192, colour)));
    }

    /**
     * A thumbnail as another program might write it, not by Retone's writer: RGB without alpha,
     * the URI in a tEXt chunk after the image data, the time in an iTXt chunk, the program's name
     * compressed in a zTXt chunk.
     */
    private static void writeForeignThumbnail(Path file, String uri, String mtime) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, String> international = mtime == null ? Map.of() : Map.of("Thumb::MTime", mtime);
        Files.write(file, foreignPng(Map.of("Thumb::URI", uri), international, Map.of("Software", "GNOME::ThumbnailFactory")));
    }

    private static byte[] foreignPng(Map<String, String> afterData, Map<String, String> international,
                                     Map<String, String> compressed) throws IOException {
        int w = 256;
        int h = 192;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int y = 0; y < h; y++) {
            raw.write(0);
            for (int x = 0; x < w; x++) {
                raw.write(GREEN >> 16 & 0xFF);
                raw.write(GREEN >> 8 & 0xFF);
                raw.write(GREEN & 0xFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        PngText.writeChunk(png, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put(new byte[] {8, 2, 0, 0, 0}).array());
        for (Map.Entry<String, String> e : international.entrySet()) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            data.write(new byte[] {0, 0, 0, 0, 0}); // end of key, not compressed, method, no language, no translation
            data.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            PngText.writeChunk(png, "iTXt", data.toByteArray());
        }
        for (Map.Entry<String, String> e : compressed.entrySet()) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(e.getKey().getBytes(StandardCharsets.ISO_8859_1));
            data.write(new byte[] {0, 0});
            try (DeflaterOutputStream z = new DeflaterOutputStream(data, new Deflater())) {
                z.write(e.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
            PngText.writeChunk(png, "zTXt", data.toByteArray());
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            raw.writeTo(z);
        }
        PngText.writeChunk(png, "IDAT", idat.toByteArray());
        for (Map.Entry<String, String> e : afterData.entrySet()) {
            PngText.writeChunk(png, "tEXt", (e.getKey() + "\0" + e.getValue()).getBytes(StandardCharsets.ISO_8859_1));
        }
        PngText.writeChunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }


    private static String md5(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
