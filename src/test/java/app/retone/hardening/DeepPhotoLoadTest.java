package app.retone.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.retone.testing.JavaRuns;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 24 MP 16-bit TIFF through 'enhance' (regrain included) in the heap Java gives by default on
 * a 4 GB machine (a quarter: 1 GB): it is written at 16 bits. Prints time and peak heap for docs/colour.md ("16 bits").
 */
@Tag("load")
class DeepPhotoLoadTest {

    @TempDir
    Path dir;

    @Test
    void aTwentyFourMegapixelSixteenBitTiffGoesThroughEnhanceInOneGigabyte() throws Exception {
        Path in = TestImages.write(dir.resolve("deep.tif"), TestImages.gradient16(6000, 4000), "tiff");
        Path out = dir.resolve("deep-fixed.tif");
        JavaRuns.Run run = JavaRuns.java(dir, "-Xmx1g", List.of("-Xlog:gc:file=" + dir.resolve("gc.log"), "app.retone.Main",
                "enhance", in.toString(), "-o", out.toString()), 10 * 60);
        assertEquals(0, run.exit(), run.err());
        assertEquals(65535, Pixels.rawSamples(out)[3][0], "written at 16 bits");
        long peak = CliLoadTest.collections(Files.readAllLines(dir.resolve("gc.log"))).stream()
                .mapToLong(g -> g[0]).max().orElse(0);
        System.out.printf(Locale.ROOT, "LOAD deep: 6000x4000 16-bit TIFF enhanced (with regrain) in %.1f s; peak heap %d MB"
                + " of 1024%n", run.millis() / 1000.0, peak);
    }
}
