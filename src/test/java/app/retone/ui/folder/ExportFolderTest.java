package app.retone.ui.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.retone.testing.FaultyDisks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the batch dialog tells about the folder typed in it. */
class ExportFolderTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatExistsIsUsedAsItIs() {
        ExportFolder folder = ExportFolder.of(dir.toString());
        assertTrue(folder.usable());
        assertEquals(dir.toAbsolutePath().normalize(), folder.path());
        assertTrue(folder.note().isEmpty());
    }

    @Test
    void aNewFolderWillBeMadeAndTheDialogSaysWhere() {
        ExportFolder folder = ExportFolder.of(dir.resolve("exports/2026").toString());
        assertTrue(folder.usable());
        assertEquals("The folder exports/2026 will be made in " + dir.toAbsolutePath().normalize() + ".", folder.note().orElseThrow());
        assertFalse(Files.exists(dir.resolve("exports")), "nothing is made before the batch runs");
    }

    @Test
    void aFileOrNothingTypedIsRefusedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        ExportFolder onFile = ExportFolder.of(file.toString());
        assertFalse(onFile.usable());
        assertEquals(file + " is a file, not a folder.", onFile.note().orElseThrow());
        ExportFolder under = ExportFolder.of(file.resolve("inside").toString());
        assertFalse(under.usable());
        assertTrue(under.note().orElseThrow().endsWith(file + " is a file, not a folder."), under.note().orElseThrow());
        assertFalse(ExportFolder.of("  ").usable());
        assertEquals("Choose the folder to export to.", ExportFolder.of("").note().orElseThrow());
    }

    @Test
    void aFolderThatCannotBeWrittenToIsRefused() throws Exception {
        assumeTrue(FaultyDisks.permissionsApply(dir), "running as root: permission bits do not bind");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertFalse(ExportFolder.of(locked.toString()).usable());
            ExportFolder inside = ExportFolder.of(locked.resolve("new").toString());
            assertFalse(inside.usable());
            assertEquals("Cannot make " + locked.resolve("new") + ": " + locked + " cannot be written to.", inside.note().orElseThrow());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
