package app.retone.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageLimits;
import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes given to {@link PhotoLoader#load} give a photo or an {@link ImageReadException} with a
 * one-line message: never another exception, an error, a hang or a decompression bomb.
 *
 * <p>Input: the file's bytes, then one last byte that picks the file name's extension (the seeds
 * in {@code PhotoLoaderFuzzTestInputs/load/} are written so by {@link FuzzSeeds}).
 */
@Timeout(10) // per input: JUnit's in a normal build, Jazzer's -timeout when fuzzing (see .ci/fuzz)
class PhotoLoaderFuzzTest {

    /** Small, so that the loader refuses bombs from their header and each run stays quick. */
    static final long MAX_PIXELS = 1 << 16;
    /** Decoding a 65536-pixel photo needs a few MB; hundreds mean the limit did not hold. */
    private static final long MAX_ALLOCATION = 256L << 20;

    static final List<String> EXTENSIONS = List.of("jpg", "png", "tif", "webp", "gif", "bmp", "jpeg", "dat");

    @TempDir
    static Path dir;

    private final PhotoLoader loader = new PhotoLoader(new ImageLimits(MAX_PIXELS));

    @FuzzTest(maxDuration = "60s")
    void load(FuzzedDataProvider data) throws Exception {
        String extension = EXTENSIONS.get(data.consumeInt(0, EXTENSIONS.size() - 1));
        byte[] content = data.consumeRemainingAsBytes();
        Path file = dir.resolve("input." + extension); // one file per extension, rewritten for each input
        Files.write(file, content);

        FuzzChecks.assertAllocatesAtMost(MAX_ALLOCATION, "loading a " + content.length + "-byte file", () -> {
            try {
                Photo photo = loader.load(file);
                assertTrue(photo.pixelCount() <= MAX_PIXELS, "a photo over the pixel limit was loaded");
                assertEquals(photo.pixelCount(), photo.argb().length);
                assertTrue(photo.source().orientation() >= 1 && photo.source().orientation() <= 8);
                photo.warnings().forEach(w -> assertTrue(!w.isBlank() && !w.contains("\n"), "bad warning: " + w));
            } catch (ImageReadException e) {
                String message = FuzzChecks.assertOneLine(e);
                // no photo under MAX_PIXELS needs more than a few MB: running out of memory means a
                // size claim that no check caught (one too large to allocate at all shows only so)
                assertFalse(message.contains("memory"), () -> "a small file ran the loader out of memory: " + message);
            }
        });
    }
}
