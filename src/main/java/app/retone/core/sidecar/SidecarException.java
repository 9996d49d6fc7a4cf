package app.retone.core.sidecar;

import java.io.IOException;
import java.nio.file.Path;

/** A sidecar that cannot be read (damaged, or another program's) or written (a read-only folder, a full disk): its file named in the message. */
public final class SidecarException extends IOException {

    /** Why: the file is not Retone's, is damaged, or cannot be written. */
    public enum Problem { FOREIGN, DAMAGED, NOT_WRITABLE }

    private final Problem problem;
    private final Path file;

    public SidecarException(Problem problem, Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.problem = problem;
        this.file = file;
    }

    public Problem problem() {
        return problem;
    }

    /** The sidecar file concerned. */
    public Path file() {
        return file;
    }
}
