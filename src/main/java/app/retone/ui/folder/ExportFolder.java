package app.retone.ui.folder;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a batch export goes to, as typed or chosen: whether the batch can write there, and
 * what to tell the user about it. A folder that does not exist yet is made by the batch (as the
 * command line makes its output folder), when the nearest folder that does exist can be written to.
 *
 * @param path   the folder, absolute; null when nothing usable was typed
 * @param usable whether the batch can export there
 * @param note   what the dialog says about it: why not, or that it will be made
 */
public record ExportFolder(Path path, boolean usable, Optional<String> note) {

    public static ExportFolder of(String typed) {
        if (typed == null || typed.isBlank()) {
            return new ExportFolder(null, false, Optional.of("Choose the folder to export to."));
        }
        Path folder;
        try {
            folder = Path.of(typed.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return new ExportFolder(null, false, Optional.of("\"" + typed.strip() + "\" is not a folder name here ("
                    + e.getReason() + ")."));
        }
        if (Files.isDirectory(folder)) {
            return Files.isWritable(folder) ? new ExportFolder(folder, true, Optional.empty())
                    : refused(folder, folder + " cannot be written to (its permissions do not allow it).");
        }
        if (Files.exists(folder)) {
            return refused(folder, folder + " is a file, not a folder.");
        }
        Path existing = folder.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return refused(folder, "Cannot make " + folder + ": " + (existing == null ? "no part of it exists"
                    : existing + " is a file, not a folder") + ".");
        }
        if (!Files.isWritable(existing)) {
            return refused(folder, "Cannot make " + folder + ": " + existing + " cannot be written to.");
        }
        return new ExportFolder(folder, true, Optional.of("The folder " + existing.relativize(folder) + " will be made in "
                + existing + "."));
    }

    private static ExportFolder refused(Path folder, String why) {
        return new ExportFolder(folder, false, Optional.of(why));
    }
}
