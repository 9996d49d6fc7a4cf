package app.retone.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.JavaRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hostile or unusual file of the hardening issue through the command line and through the
 * app's open path, each in a JVM of 512 MB: it opens, or it is refused with its specific reason,
 * in bounded time, and the process survives to the next file.
 */
class HostileInputsTest {

    private static final String HEAP = "-Xmx512m";

    @TempDir
    static Path dir;

    private static List<HostileInputs.Case> cases;

    @BeforeAll
    static void write() throws IOException {
        cases = HostileInputs.write(Files.createDirectories(dir.resolve("in")));
    }

    private static JavaRuns.Run java(List<String> args, int timeoutSeconds, String... prefix) throws Exception {
        return JavaRuns.java(dir, HEAP, args, timeoutSeconds, prefix);
    }

    @Test
    void theCommandLineOpensOrRefusesEachFileSpecificallyAndGoesOn() throws Exception {
        List<String> args = new ArrayList<>(List.of("app.retone.Main", "enhance"));
        cases.forEach(c -> args.add(c.path().toString()));
        Path outDir = dir.resolve("cli-out");
        args.addAll(List.of("-o", outDir.toString()));
        JavaRuns.Run run = java(args, 240);

        assertEquals(1, run.exit(), "some inputs fail, so the batch exits 1\n" + run.err());
        for (HostileInputs.Case c : cases) {
            String name = c.path().getFileName().toString();
            if (c.mustOpen()) {
                assertTrue(run.out().lines().anyMatch(l -> l.contains(name + " -> ")), name + " was enhanced\n" + run.out() + run.err());
            } else {
                List<String> lines = run.err().lines().filter(l -> l.contains(name)).toList();
                assertFalse(lines.isEmpty(), name + " is named in the failures\n" + run.err());
                assertTrue(lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).contains(c.refusal())),
                        name + ": the reason says '" + c.refusal() + "'\n" + lines);
            }
        }
        assertFalse(run.err().contains("Exception"), "one-line reasons, no stack traces\n" + run.err());
        long written;
        try (var files = Files.list(outDir)) {
            written = files.count();
        }
        assertEquals(cases.stream().filter(HostileInputs.Case::mustOpen).count(), written, "one output per photo that opens");
        app.retone.core.image.PhotoLoader loader = new app.retone.core.image.PhotoLoader();
        for (HostileInputs.Case c : cases.stream().filter(HostileInputs.Case::mustOpen).toList()) {
            String base = c.name().substring(0, c.name().lastIndexOf('.'));
            Path out;
            try (var files = Files.list(outDir)) {
                out = files.filter(f -> f.getFileName().toString().startsWith(base + ".")).findFirst()
                        .orElseThrow(() -> new AssertionError("no output for " + c.name()));
            }
            var photo = loader.load(out);
            assertEquals(c.width() + " × " + c.height(), photo.width() + " × " + photo.height(), c.name() + "'s output");
        }
    }

    @Test
    void theAppOpensOrRefusesEachFileSpecificallyAndKeepsWorking() throws Exception {
        List<String> args = new ArrayList<>(List.of(OpenEach.class.getName()));
        cases.forEach(c -> args.add(c.path().toString()));
        JavaRuns.Run run = java(args, 240);
        assertEquals(0, run.exit(), run.err());
        for (HostileInputs.Case c : cases) {
            String name = c.path().getFileName().toString();
            String line = run.out().lines().filter(l -> l.split(" ")[1].equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no outcome\n" + run.out()));
            long ms = Long.parseLong(line.split(" ")[c.mustOpen() ? 4 : 2]);
            assertTrue(ms < 15_000, name + " took " + ms + " ms");
            if (c.mustOpen()) {
                assertTrue(line.startsWith("OPENED "), line);
                String[] parts = line.split(" ");
                assertEquals(c.width() + " × " + c.height(), parts[2] + " × " + parts[3], name + " opens at its size");
            } else {
                assertTrue(line.startsWith("REFUSED ") && line.toLowerCase(Locale.ROOT).contains(c.refusal()),
                        name + ": expected a refusal saying '" + c.refusal() + "': " + line);
            }
        }
        assertTrue(run.out().contains("HEAP max 512 MB"), run.out());
    }

    @Test
    void aFileWithoutReadPermissionIsRefusedAsSuchByTheCommandLineAndTheApp() throws Exception {
        Path file = Files.copy(cases.get(4).path(), dir.resolve("locked.jpg"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // root reads anything: as root, run without the capabilities that bypass permission
        // bits, so the file is met as any user would meet it
        String[] asUser = "root".equals(System.getProperty("user.name"))
                ? new String[] {"setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"}
                : new String[0];
        JavaRuns.Run cli = java(List.of("app.retone.Main", "histogram", file.toString()), 60, asUser);
        assertEquals(1, cli.exit(), cli.out() + cli.err());
        assertTrue(cli.err().contains("locked.jpg") && cli.err().contains("permission denied"), cli.err());

        JavaRuns.Run app = java(List.of(OpenEach.class.getName(), file.toString(), cases.get(4).path().toString()), 60, asUser);
        assertEquals(0, app.exit(), app.err());
        List<String> lines = app.out().lines().toList();
        assertTrue(lines.get(0).startsWith("REFUSED locked.jpg") && lines.get(0).contains("permission denied"), app.out());
        assertTrue(lines.get(1).startsWith("OPENED "), "the app goes on with the next photo: " + app.out());
    }

    @Test
    void aFileThatVanishesWhileLoadingGivesThePhotoOrSaysItIsGone() throws Exception {
        byte[] bytes = Files.readAllBytes(cases.get(4).path());
        app.retone.core.image.PhotoLoader loader = new app.retone.core.image.PhotoLoader();
        int opened = 0;
        int gone = 0;
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 60; i++) {
            Path file = Files.write(dir.resolve("vanishing-" + i + ".jpg"), bytes);
            long delayNanos = random.nextInt(3_000_000);
            Thread remover = new Thread(() -> {
                long until = System.nanoTime() + delayNanos;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            remover.start();
            try {
                assertEquals(320, loader.load(file).width());
                opened++;
            } catch (app.retone.core.image.ImageReadException e) {
                String m = e.getMessage();
                assertTrue(m.contains("no such file") || m.contains("disappeared"), "a specific reason: " + m);
                gone++;
            }
            remover.join();
        }
        // either outcome is right (the assertions above); say how the races fell
        System.out.println("vanishing file: opened " + opened + ", gone " + gone + " of 60");
    }

    @Test
    void aPipeNamedLikeAPhotoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe.jpg");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        JavaRuns.Run run = java(List.of("app.retone.Main", "histogram", fifo.toString()), 60);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("pipe.jpg") && run.err().contains("not a regular file"), run.err());
    }
}
