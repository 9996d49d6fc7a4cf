package app.retone.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing files so that readers never see half of one: write a temporary file beside the
 * destination, then move it into place in one step.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * A new empty temporary file in the destination's folder (hidden, ending in .part). It is
     * created as any program creates a file, so the system's umask sets its permissions (rw-r--r--
     * under the usual 022, rw-rw-r-- under 002, rw------- under 077), as other tools' output
     * follows it. A temporary file that will replace an existing one takes that file's permissions
     * instead, so replacing a photo never changes who may read it.
     */
    public static Path siblingTemp(Path target) throws IOException {
        Path folder = target.getParent();
        for (int attempt = 1; ; attempt++) {
            Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".part");
            try {
                // no file attributes: the default mode (0666), which the system masks with the umask;
                // CREATE_NEW never opens what is already there (nor follows a link planted under the name)
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            } catch (FileAlreadyExistsException e) {
                if (attempt < MAX_NAME_ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            if (Files.exists(target)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException | IOException e) {
                    // not a POSIX file system: its defaults apply
                }
            }
            return temp;
        }
    }

    /** Random names that are all taken this many times in a row mean something else is wrong. */
    private static final int MAX_NAME_ATTEMPTS = 100;

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
     * Writes {@code bytes} to {@code target} atomically, replacing what is there: a temporary file
     * beside it, flushed to the disk, then moved into place. A failure (a full disk, a folder that
     * refuses files) leaves {@code target} as it was and no temporary file behind.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = siblingTemp(target);
        boolean moved = false;
        try {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target, true);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
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
