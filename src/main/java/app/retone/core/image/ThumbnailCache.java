package app.retone.core.image;

import app.retone.core.io.AtomicFiles;
import app.retone.core.io.FileUri;
import app.retone.core.io.UserCache;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The desktop's shared thumbnail cache, as the freedesktop.org Thumbnail Managing Standard lays
 * it out, so file managers and Retone use each other's thumbnails: {@code
 * $XDG_CACHE_HOME/thumbnails/large/} ({@code ~/.cache} when the variable is unset), each
 * thumbnail a PNG of at most {@value #LARGE} × {@value #LARGE} named by the MD5 of its photo's
 * canonical URI ({@link FileUri}), carrying {@code Thumb::URI}, {@code Thumb::MTime} (the photo's
 * modification time in seconds), {@code Thumb::Size}, and {@code Software}.
 *
 * <p>A thumbnail is used only when its URI and modification time (and its size, when it gives
 * one) are the photo's now: a photo changed since gets a new one. It is written to a temporary
 * file in the same folder and renamed into place, readable by its owner only (0600; the folders
 * 0700). Nothing here ever fails its caller: a cache that cannot be written (a read-only home, a
 * full disk) or a damaged file only means no thumbnail from the cache, with a debug log line.
 * Safe to use from any number of threads at once.
 */
public final class ThumbnailCache {

    /** The longer side of a "large" thumbnail, in pixels (the filmstrip shows at most 160 on a 2× screen). */
    public static final int LARGE = 256;
    private static final System.Logger LOG = System.getLogger(ThumbnailCache.class.getName());
    /** A cached file larger than this is not a thumbnail (and is not read into memory). */
    private static final long MAX_FILE = 4L << 20;
    /** A cached thumbnail's sides at most ("xx-large" is 1024). */
    private static final int MAX_SIDE = 1024;
    private static final String SOFTWARE = "Retone";

    /** The photo a thumbnail stands for, as the cache checks it: its URI, modification time in seconds and size in bytes. */
    public record Original(Path file, String uri, long mtime, long size) {
    }

    private final Path root;
    private final Path large;

    /** A cache under {@code cacheHome} (what {@code $XDG_CACHE_HOME} names): {@code cacheHome/thumbnails/large}. */
    public ThumbnailCache(Path cacheHome) {
        this.root = cacheHome.toAbsolutePath().normalize().resolve("thumbnails");
        this.large = root.resolve("large");
    }

    /** The cache under the user's cache directory ({@link UserCache}). */
    public static ThumbnailCache forUser() {
        return new ThumbnailCache(UserCache.home());
    }

    /** Where the large thumbnail of the file with canonical URI {@code uri} is kept. */
    public Path fileFor(String uri) {
        return large.resolve(md5(uri) + ".png");
    }

    /**
     * {@code photo} as the cache checks it, read now; empty when it cannot be read (the standard:
     * then no thumbnail is read or written for it) or is itself in the cache (thumbnails of
     * thumbnails are never made).
     */
    public Optional<Original> original(Path photo) {
        Path absolute = photo.toAbsolutePath().normalize();
        if (absolute.startsWith(root) || !Files.isReadable(absolute)) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Original(absolute, FileUri.canonical(absolute),
                    attributes.lastModifiedTime().to(TimeUnit.SECONDS), attributes.size()));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "no thumbnail cache for {0}: {1}", photo, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The cached thumbnail of {@code original}, if there is one and it is still the photo's: its
     * {@code Thumb::URI} and {@code Thumb::MTime} are the photo's, and so is {@code Thumb::Size} if
     * it has one. Empty for none, an out-of-date one, or a file that cannot be read or is damaged.
     */
    public Optional<Thumbnail> find(Original original) {
        Path file = fileFor(original.uri());
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            if (Files.size(file) > MAX_FILE) {
                throw new IOException("larger than " + MAX_FILE + " bytes");
            }
            byte[] png = Files.readAllBytes(file);
            PngText.Header header = PngText.header(png);
            if (header.width() < 1 || header.height() < 1 || header.width() > MAX_SIDE || header.height() > MAX_SIDE) {
                throw new IOException("its header claims " + header.width() + " x " + header.height());
            }
            Map<String, String> text = PngText.read(png);
            String stale = staleness(text, original);
            if (stale != null) {
                LOG.log(System.Logger.Level.DEBUG, "cached thumbnail of {0} is out of date: {1}", original.file(), stale);
                return Optional.empty();
            }
            int[] argb = PngPixels.decode(png); // the usual kind, quickly
            if (argb == null) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png)); // any other kind
                if (image == null || image.getWidth() != header.width() || image.getHeight() != header.height()) {
                    throw new IOException("its pixels cannot be decoded");
                }
                argb = PixelConversion.toArgb(image).argb();
            }
            return Optional.of(new Thumbnail(header.width(), header.height(), argb));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cached thumbnail {0} of {1} not used: {2}", file, original.file(), e.toString());
            return Optional.empty();
        }
    }

    /** Why a thumbnail with {@code text} does not stand for {@code original} now, or null when it does. */
    private static String staleness(Map<String, String> text, Original original) {
        if (!original.uri().equals(text.get("Thumb::URI"))) {
            return "made for " + text.get("Thumb::URI");
        }
        Long mtime = wholeSeconds(text.get("Thumb::MTime"));
        if (mtime == null || mtime != original.mtime()) {
            return "made when the photo's time was " + text.get("Thumb::MTime") + ", now " + original.mtime();
        }
        String size = text.get("Thumb::Size");
        if (size != null && !size.trim().equals(Long.toString(original.size()))) {
            return "made when the photo had " + size + " bytes, now " + original.size();
        }
        return null;
    }

    /** Seconds as the standard writes them, an integer; a fraction some programs add is dropped. */
    private static Long wholeSeconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.trim()).longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Stores {@code thumbnail} (at most {@value #LARGE} on its longer side) as the thumbnail of
     * {@code original}, atomically; false, with a debug log line, if it cannot be written.
     */
    public boolean store(Original original, Thumbnail thumbnail) {
        if (Math.max(thumbnail.width(), thumbnail.height()) > LARGE) {
            throw new IllegalArgumentException("a large thumbnail is at most " + LARGE + " pixels, got "
                    + thumbnail.width() + " x " + thumbnail.height());
        }
        Path target = fileFor(original.uri());
        Path temp = null;
        try {
            createPrivateFolders();
            byte[] png = encode(thumbnail, original);
            temp = AtomicFiles.siblingTemp(target);
            readableByOwnerOnly(temp); // before a byte is written: the photo's thumbnail is as private as the cache
            Files.write(temp, png);
            AtomicFiles.moveIntoPlace(temp, target, true);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "thumbnail of {0} not cached in {1}: {2}", original.file(), target, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more can be done about a cache folder that refuses even this
                }
            }
            return false;
        }
    }

    /** The cache's folders, each made readable by its owner only if this makes it (existing ones are left as they are). */
    private void createPrivateFolders() throws IOException {
        if (Files.isDirectory(large)) {
            return;
        }
        for (Path folder : new Path[] {root.getParent(), root, large}) {
            if (!Files.isDirectory(folder)) {
                try {
                    Files.createDirectories(folder.getParent());
                    Files.createDirectory(folder);
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                } catch (FileAlreadyExistsException e) {
                    // made by another program meanwhile
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its defaults apply
                }
            }
        }
    }

    private static void readableByOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    private static byte[] encode(Thumbnail thumbnail, Original original) throws IOException {
        // 8-bit RGBA, not interlaced: the standard's format
        BufferedImage image = new BufferedImage(thumbnail.width(), thumbnail.height(), BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, thumbnail.width(), thumbnail.height(), thumbnail.argb(), 0, thumbnail.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Thumb::URI", original.uri());
        text.put("Thumb::MTime", Long.toString(original.mtime()));
        text.put("Thumb::Size", Long.toString(original.size()));
        text.put("Software", SOFTWARE);
        return PngText.withText(out.toByteArray(), text);
    }

    private static String md5(String uri) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(uri.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    @Override
    public String toString() {
        return "ThumbnailCache[" + large + "]";
    }
}
