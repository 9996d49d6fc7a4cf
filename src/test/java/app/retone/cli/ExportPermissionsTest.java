package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.retone.testing.JavaRuns;
import app.retone.testing.TestImages;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An export gets the permissions any new file gets from the user's umask, as other tools' output
 * does: {@code retone transfer} runs in a JVM of its own under the umask, beside a file that
 * {@code touch} creates under the same umask.
 */
class ExportPermissionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "umask {0}")
    @CsvSource({"027, rw-r-----", "002, rw-rw-r--", "077, rw-------"})
    void anExportHasThePermissionsTheUmaskGivesAnyNewFile(String umask, String expected) throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path in = TestImages.write(dir.resolve("in.png"), TestImages.quadrants(), "png");
        Path reference = TestImages.write(dir.resolve("reference.png"), TestImages.quadrants(), "png");
        Path out = dir.resolve("out.png");
        Path plain = dir.resolve("plain");
        // sh sets the umask, makes a plain file, then becomes the JVM ($0 and $@ are the java command)
        JavaRuns.Run run = JavaRuns.java(dir, "-Xmx256m",
                List.of("app.retone.Main", "transfer", in.toString(), "--reference", reference.toString(), "-o", out.toString()),
                120, "sh", "-c", "umask " + umask + " && touch '" + plain + "' && exec \"$0\" \"$@\"");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)), "the umask applies");
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}
