package app.retone.core.image;

import app.retone.core.Errors;
import app.retone.core.image.ImageReadException.Problem;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opening a photo's file, and the checks before: a missing file, a folder, something that is not
 * a regular file, one that cannot be read, an empty one. Each refusal is an
 * {@link ImageReadException} said alike wherever it is found (before opening, when opening,
 * while reading), for the loader ({@link PhotoLoader}) and the thumbnails ({@link ThumbnailReader}).
 */
final class PhotoFiles {

    private PhotoFiles() {
    }

    /** Fails, with the reason in a user's words, unless {@code path} is a readable, non-empty regular file. */
    static void check(Path path) throws ImageReadException {
        // what the path is, read once (links followed): checks made one after another could each see
        // another moment of a file that is being removed ("not a regular file" for one that is gone)
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ImageReadException(Problem.NOT_FOUND, path, "no such file");
        } catch (IOException e) {
            throw notReadable(path, e);
        }
        if (attributes.isDirectory()) {
            throw folder(path);
        }
        if (!attributes.isRegularFile()) {
            throw new ImageReadException(Problem.NOT_A_FILE, path, "is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw unreadable(path); // or it disappeared meanwhile: unreadable says which
        }
        if (attributes.size() == 0) {
            throw new ImageReadException(Problem.EMPTY, path, "the file is empty (0 bytes)");
        }
    }

    /** The file open for reading: every step of a load reads this one file, even if the path changes meanwhile. */
    static RandomAccessFile open(Path path) throws ImageReadException {
        try {
            return new RandomAccessFile(path.toFile(), "r");
        } catch (FileNotFoundException e) {
            // Java says "not found" for any failure to open: tell them apart
            if (Files.isDirectory(path)) {
                throw folder(path);
            }
            if (!Files.isReadable(path)) {
                throw unreadable(path);
            }
            throw new ImageReadException(Problem.NOT_READABLE, path, "cannot be opened (" + Errors.describe(e) + ")", e);
        }
    }

    /** A read of the open file that failed. */
    static ImageReadException notReadable(Path path, IOException e) {
        return new ImageReadException(Problem.NOT_READABLE, path, "cannot be read (" + Errors.describe(e) + ")", e);
    }

    static ImageReadException folder(Path path) {
        return new ImageReadException(Problem.NOT_A_FILE, path, "is a folder, not a photo file");
    }

    /**
     * A file that cannot be read: for want of permission, or because it went away between two
     * checks (one deleted while it opens is not readable either, and must not read as a permission).
     */
    static ImageReadException unreadable(Path path) {
        if (!Files.exists(path)) {
            return new ImageReadException(Problem.NOT_FOUND, path, "the file disappeared while it was being opened");
        }
        return new ImageReadException(Problem.NOT_READABLE, path, "permission denied: the file cannot be read");
    }
}
