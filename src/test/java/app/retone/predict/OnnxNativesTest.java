package app.retone.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.retone.core.io.UserCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
