package app.retone.core.image;

import java.io.IOException;
import java.nio.file.Path;

/** A photo could not be read; {@link #problem()} says why, the message says it in a user's words. */
public final class ImageReadException extends IOException {

    public enum Problem {
        NOT_FOUND,
        NOT_A_FILE,
        NOT_READABLE,
        EMPTY,
        NOT_AN_IMAGE,
        UNSUPPORTED_FORMAT,
        CORRUPT,
        TOO_LARGE,
        /** Java's heap had no room for the photo at that moment (other work held it): it may open later. */
        NO_MEMORY_NOW
    }

    private final Problem problem;
    private final transient Path path;

    public ImageReadException(Problem problem, Path path, String message) {
        this(problem, path, message, null);
    }

    public ImageReadException(Problem problem, Path path, String message, Throwable cause) {
        super(path == null ? message : path.getFileName() + ": " + message, cause);
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    public Path path() {
        return path;
    }

    /**
     * Whether work on a photo failed for want of memory at that moment (Java's heap held by other
     * work), not because of the photo: work ahead may try again later, and the photo is not to be
     * marked as one that cannot be opened.
     */
    public static boolean isNoRoomNow(Throwable error) {
        return error instanceof OutOfMemoryError
                || error instanceof ImageReadException e && e.problem() == Problem.NO_MEMORY_NOW;
    }
}
