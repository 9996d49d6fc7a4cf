package app.retone.core.image;

import java.io.IOException;
import java.nio.file.Path;

/** A photo could not be written; nothing partial was left behind. */
public final class ImageWriteException extends IOException {

    public enum Problem {
        DESTINATION_EXISTS,
        WOULD_OVERWRITE_INPUT,
        FOLDER_MISSING,
        NOT_WRITABLE,
        UNSUPPORTED_FORMAT,
        DISK_FULL,
        INTERRUPTED,
        WRITE_FAILED
    }

    private final Problem problem;

    public ImageWriteException(Problem problem, Path path, String message) {
        this(problem, path, message, null);
    }

    public ImageWriteException(Problem problem, Path path, String message, Throwable cause) {
        super(path == null ? message : path + ": " + message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
