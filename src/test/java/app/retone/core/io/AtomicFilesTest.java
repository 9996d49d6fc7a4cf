package app.retone.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatAppearedMeanwhileIsNeverReplacedWithoutOverwrite() throws IOException {
        Path target = dir.resolve("out.txt");
        Path temp = AtomicFiles.siblingTemp(target);
        Files.writeString(temp, "new");
        Files.writeString(target, "someone else's"); // appears between our check and our move
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.moveIntoPlace(temp, target, false));
        assertEquals("someone else's", Files.readString(target));
    }

    @Test
    void movesIntoPlaceWithThePermissionsOfAnyNewFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        Path temp = AtomicFiles.siblingTemp(target);
        Files.writeString(temp, "done");
        AtomicFiles.moveIntoPlace(temp, target, false);
        assertEquals("done", Files.readString(target));
        assertFalse(Files.exists(temp));
        assertTrue(temp.getFileName().toString().startsWith(".out.txt.") && temp.toString().endsWith(".part"), temp.toString());
        // what the umask gives any new file here (ExportPermissionsTest runs under other umasks)
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void overwriteKeepsTheReplacedFilesPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("old.txt"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        Path temp = AtomicFiles.siblingTemp(target);
        Files.writeString(temp, "new");
        AtomicFiles.moveIntoPlace(temp, target, true);
        assertEquals("new", Files.readString(target));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
