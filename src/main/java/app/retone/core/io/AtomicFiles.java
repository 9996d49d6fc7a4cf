package app.retone.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writing files so that readers never see half of one: write a temporary file beside the
 * destination, then move it into place in one step.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * A new empty temporary file in the destination's folder (hidden, ending in .part), with the
     * permissions the result should have: the replaced file's, or rw-r--r--.
     */
    public static Path siblingTemp(Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            Set<PosixFilePermission> permissions = Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, permissions);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults apply
        }
        return temp;
    }

    /**
     * Moves a finished temporary file onto {@code target}. Without {@code overwrite} an existing
     * target is never replaced, even one that appeared a moment ago: a hard link fails atomically
     * if the name is taken ({@link FileAlreadyExistsException}).
     */
    public static void moveIntoPlace(Path temp, Path target, boolean overwrite) throws IOException {
        if (!overwrite) {
            try {
                Files.createLink(target, temp);
                Files.delete(temp);
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Whether writing {@code destination} would replace {@code source}, by the file system's
     * judgement (links, case-insensitive names), not by comparing names; false when nothing is
     * there yet.
     */
    public static boolean wouldReplace(Path source, Path destination) {
        if (!Files.exists(destination)) {
            return false;
        }
        try {
            return Files.isSameFile(source, destination);
        } catch (IOException e) {
            return source.toAbsolutePath().normalize().equals(destination.toAbsolutePath().normalize());
        }
    }
}
