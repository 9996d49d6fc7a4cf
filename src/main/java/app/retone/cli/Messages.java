package app.retone.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into one line a user can act on. */
final class Messages {

    private Messages() {
    }

    static String oneLine(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": already exists";
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: give Java more heap (e.g. JAVA_TOOL_OPTIONS=-Xmx8g) or use smaller photos";
        }
        if (e instanceof app.retone.core.image.ImageWriteException w
                && (w.problem() == app.retone.core.image.ImageWriteException.Problem.DESTINATION_EXISTS
                || w.problem() == app.retone.core.image.ImageWriteException.Problem.WOULD_OVERWRITE_INPUT)) {
            return w.getMessage().replace('\n', ' ') + " (use --force to replace it)";
        }
        return app.retone.core.Errors.oneLine(e);
    }
}
