package app.retone.core.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsNamedAfterItsPurposeAndThisProcess() throws Exception {
        Path made = TemporaryFolders.make("test");
        try {
            assertTrue(made.getFileName().toString().startsWith("retone-test-" + ProcessHandle.current().pid() + "-"), made.toString());
            assertTrue(Files.isDirectory(made));
        } finally {
            TemporaryFolders.deleteTree(made);
        }
        assertFalse(Files.exists(made), "deleted with what it holds");
    }

    @Test
    void onlyThisUsersPrivateFoldersOfEndedRunsAreSweptAway() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path ofEndedRun = Files.createDirectories(dir.resolve("retone-bench-" + ended.pid() + "-123"));
        Files.write(ofEndedRun.resolve("in.jpg"), new byte[100]);
        Path ofThisRun = Files.createDirectories(dir.resolve("retone-bench-" + ProcessHandle.current().pid() + "-456"));
        Path otherPurpose = Files.createDirectories(dir.resolve("retone-other-" + ended.pid() + "-789"));
        Path notANumber = Files.createDirectories(dir.resolve("retone-bench-x-1"));
        Path othersMayWrite = Files.createDirectories(dir.resolve("retone-bench-" + ended.pid() + "-777"));
        Files.setPosixFilePermissions(othersMayWrite, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(ofEndedRun, PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(dir.resolve("retone-bench-" + ended.pid() + "-link"), ofThisRun);

        TemporaryFolders.sweep(dir, "bench");

        assertFalse(Files.exists(ofEndedRun), "a killed run's folder");
        assertTrue(Files.exists(ofThisRun), "a running process's folder");
        assertTrue(Files.exists(otherPurpose), "another purpose's folder");
        assertTrue(Files.exists(notANumber), "a folder not named by this rule");
        assertTrue(Files.exists(othersMayWrite), "a folder others may write in (a link could be slipped into it)");
        assertTrue(Files.isSymbolicLink(link) && Files.exists(ofThisRun), "a link, and what it leads to");
    }
}
