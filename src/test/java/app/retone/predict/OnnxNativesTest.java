package app.retone.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.retone.core.io.UserCache;
import app.retone.testing.JavaRuns;
import app.retone.testing.TestImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxNativesTest {

    @TempDir
    Path dir;

    @Test
    void platformsAreNamedAsOnnxRuntimesJarNamesItsFolders() {
        assertEquals("linux-x64", OnnxNatives.platform("Linux", "amd64"));
        assertEquals("linux-aarch64", OnnxNatives.platform("Linux", "aarch64"));
        assertEquals("osx-aarch64", OnnxNatives.platform("Mac OS X", "aarch64"));
        assertEquals("osx-x64", OnnxNatives.platform("Mac OS X", "x86_64"));
        assertEquals("win-x64", OnnxNatives.platform("Windows 11", "amd64"));
    }

    @Test
    void aLibraryIsCopiedOnceAndCopiedAgainWhenItsSizeIsWrong() throws Exception {
        byte[] library = new byte[100_000];
        new Random(5).nextBytes(library);
        Path source = Files.write(dir.resolve("libsource.so"), library);
        Path target = dir.resolve("cache/onnxruntime-x/linux-x64/libonnxruntime.so");

        OnnxNatives.place(source.toUri().toURL(), target);
        assertArrayEquals(library, Files.readAllBytes(target));

        FileTime placed = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(target, placed);
        OnnxNatives.place(source.toUri().toURL(), target);
        assertEquals(placed, Files.getLastModifiedTime(target), "a library of the right size is left as it is");

        Files.write(target, new byte[10]);
        OnnxNatives.place(source.toUri().toURL(), target);
        assertArrayEquals(library, Files.readAllBytes(target), "a cut library is replaced");
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(List.of(target), left.collect(Collectors.toList()), "no temporary copies are left");
        }
    }

    @Test
    void theRuntimeRunsFromTheUsersCacheNeverFromTheTemporaryFolder() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "reads the process's mapped files (Linux)");
        // loading a model sets the runtime up exactly as every run of the jar does
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(OnnxHistogramPredictorTest.MODELS,
                ModelLocator.DEFAULT_MODEL)) {
            assertTrue(predictor.description().length() > 0);
        }
        Path folder = Path.of(System.getProperty(OnnxNatives.NATIVE_PATH));
        assertTrue(folder.startsWith(UserCache.home().resolve("retone")), folder + " is in the user's cache");

        List<String> mapped;
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            mapped = maps.filter(line -> line.contains("libonnxruntime")).map(line -> line.substring(line.indexOf('/')))
                    .distinct().collect(Collectors.toList());
        }
        assertFalse(mapped.isEmpty(), "ONNX Runtime is loaded");
        for (String library : mapped) {
            assertTrue(Path.of(library).startsWith(folder), library + " is loaded from " + folder);
        }
    }

    @Test
    void theFolderOnnxRuntimeMakesAtItsStartIsGoneOnceItHasLoaded() throws Exception {
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(OnnxHistogramPredictorTest.MODELS,
                ModelLocator.DEFAULT_MODEL)) {
            assertTrue(predictor.description().length() > 0);
        }
        Path made = OnnxNatives.runtimesOwnFolder().orElseThrow(() -> new AssertionError("the folder is known"));
        assertTrue(made.getFileName().toString().startsWith(OnnxNatives.RUNTIMES_FOLDER_PREFIX), made.toString());
        assertFalse(Files.exists(made), made + " is deleted");
    }

    @Test
    void partialCopiesKilledRunsLeftInTheCacheAreRemovedAndNoOthers() throws Exception {
        Path target = dir.resolve("cache/onnxruntime-x/linux-x64/libonnxruntime.so");
        Files.createDirectories(target.getParent());
        Instant now = Instant.now();
        Path stale = Files.write(target.resolveSibling(".libonnxruntime.so123.part"), new byte[1000]);
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(OnnxNatives.STALE_PART).minusSeconds(60)));
        Path copying = Files.write(target.resolveSibling(".libonnxruntime.so456.part"), new byte[1000]);
        Path otherLibrary = Files.write(target.resolveSibling(".libonnxruntime4j_jni.so789.part"), new byte[1000]);
        Files.setLastModifiedTime(otherLibrary, FileTime.from(now.minus(OnnxNatives.STALE_PART).minusSeconds(60)));

        OnnxNatives.removeStaleParts(target, now);

        assertFalse(Files.exists(stale), "a killed run's partial copy");
        assertTrue(Files.exists(copying), "a copy being made now");
        assertTrue(Files.exists(otherLibrary), "another library's copies are its own placing's to remove");
    }

    /** A command-line run in a JVM of its own, with a temporary folder and a user's cache of the test's. */
    @ParameterizedTest(name = "user''s cache writable: {0}")
    @ValueSource(booleans = {true, false})
    void aRunLeavesNothingInTheTemporaryFolder(boolean cacheWritable) throws Exception {
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        Path cache = cacheWritable ? dir.resolve("cache") : Path.of("/proc/retone-cannot-write-here");
        Path photo = TestImages.write(dir.resolve("in.png"), TestImages.quadrants(), "png");
        JavaRuns.Run run = JavaRuns.java(dir, "-Xmx256m", List.of("-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + temporary, "-D" + UserCache.PROPERTY + "=" + cache,
                "app.retone.Main", "enhance", photo.toString(), "-o", dir.resolve("out.png").toString()), 120);
        assertEquals(0, run.exit(), run.out() + run.err());
        try (Stream<Path> left = Files.list(temporary)) {
            assertEquals(List.of(), left.collect(Collectors.toList()), "left in the temporary folder");
        }
        assertEquals(cacheWritable, Files.isDirectory(cache.resolve("retone")), "the libraries are kept in the cache when it can be written");
    }

    @Test
    @Timeout(120) // the run waits for its kill, so a run that never loads must not hang the build
    void aRunKilledOnceItHasLoadedLeavesNothingInTheTemporaryFolder() throws Exception {
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        for (String cache : List.of(dir.resolve("cache").toString(), "/proc/retone-cannot-write-here")) {
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + temporary, "-D" + UserCache.PROPERTY + "=" + cache,
                    "-cp", System.getProperty("java.class.path"), LoadThenWait.class.getName(),
                    OnnxHistogramPredictorTest.MODELS.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine(); // until the model has loaded, whatever the JVM printed first
                } while (line != null && !line.startsWith("loaded"));
                assertTrue(line != null, "the model loaded before the run ended");
            } finally {
                run.destroyForcibly(); // SIGKILL: no shutdown hook, no delete-on-exit
                run.waitFor();
            }
            try (Stream<Path> left = Files.list(temporary)) {
                assertEquals(List.of(), left.collect(Collectors.toList()), "left in the temporary folder (cache " + cache + ")");
            }
        }
    }
}
