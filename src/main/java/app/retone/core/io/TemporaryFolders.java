package app.retone.core.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Temporary folders a run of Retone makes in {@code java.io.tmpdir}, the one home of their rule:
 * each is named {@code retone-PURPOSE-PID-…} after the process that made it, so that what a killed
 * run left (a kill skips every clean-up) is recognised and swept away by a later run: a folder whose
 * process no longer runs, that belongs to this user and that no one else may write in (as every
 * folder made here: {@code Files.createTempDirectory} makes it rwx------). Anything else of that name
 * — another user's, or one others can write in, where a link could be slipped in while it is deleted
 * — is left alone.
 */
public final class TemporaryFolders {

    private static final System.Logger LOG = System.getLogger(TemporaryFolders.class.getName());

    private TemporaryFolders() {
    }

    /** A new folder for {@code purpose} (a word: "bench", "onnxruntime"), named after this process. */
    public static Path make(String purpose) throws IOException {
        return Files.createTempDirectory(prefix(purpose) + ProcessHandle.current().pid() + "-");
    }

    /** Deletes the folders for {@code purpose} in the temporary folder whose process has ended. */
    public static void sweep(String purpose) {
        sweep(Path.of(System.getProperty("java.io.tmpdir")), purpose);
    }

    static void sweep(Path temporary, String purpose) {
        String prefix = prefix(purpose);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporary, prefix + "*")) {
            for (Path folder : folders) {
                OptionalLong pid = pid(folder.getFileName().toString().substring(prefix.length()));
                if (pid.isPresent() && isOwnAndPrivate(folder)
                        && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                    deleteTree(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "leftovers in " + temporary + " not swept: " + e);
        }
    }

    /**
     * Whether {@code path} is a folder (not a link) of this user's that no one else may write in:
     * one a run of this user's made, whose content no one else can have changed.
     */
    public static boolean isOwnAndPrivate(Path path) {
        try {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || !isUsers(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName())) {
                return false;
            }
            if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                return !permissions.contains(PosixFilePermission.GROUP_WRITE) && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a file owner's name is this user's ({@code DOMAIN\\user} on Windows). */
    private static boolean isUsers(String owner) {
        String user = System.getProperty("user.name");
        return owner.equals(user) || owner.endsWith("\\" + user);
    }

    /**
     * Deletes a folder and what it holds, quietly: what cannot be deleted now (a library loaded on
     * Windows) is deleted when Java exits.
     */
    public static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    path.toFile().deleteOnExit();
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, folder + " not deleted: " + e);
        }
    }

    private static String prefix(String purpose) {
        return "retone-" + purpose + "-";
    }

    /** The process id a folder's name starts with ("1234-5678" gives 1234). */
    private static OptionalLong pid(String rest) {
        int dash = rest.indexOf('-');
        try {
            return OptionalLong.of(Long.parseLong(dash < 0 ? rest : rest.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
