package app.retone.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.JavaRuns;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch-enhances 500 photos in one JVM capped at 1 GB: nothing fails, and the heap left after
 * each garbage collection stays flat from the first photos to the last (no leak). Prints the
 * throughput and the peak heap for docs/reliability.md ("Load").
 */
@Tag("load")
class CliLoadTest {

    private static final int PHOTOS = 500;

    @TempDir
    Path dir;

    @Test
    void fiveHundredPhotosInOneGigabyteWithoutFailureOrLeak() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Random random = new Random(42);
        List<String> args = new ArrayList<>(List.of("-Xlog:gc:file=" + dir.resolve("gc.log"), "app.retone.Main", "enhance"));
        for (int i = 0; i < PHOTOS; i++) {
            int[] argb = SyntheticPhoto.landscape(640, 427, i % 50).argb();
            double warm = 0.85 + 0.3 * random.nextDouble();
            double[] m = {warm, 0.05, 0, 0.02, 1, 0.02, 0, 0.05, 2 - warm};
            int[] cast = Pixels.cast(argb, m, new double[] {random.nextInt(30), random.nextInt(20), random.nextInt(30)});
            Path file = TestImages.write(in.resolve(String.format(Locale.ROOT, "photo-%03d.jpg", i)),
                    TestImages.jpeg(TestImages.fromArgb(cast, 640, 427, false), 0.9f));
            args.add(file.toString());
        }
        Path out = dir.resolve("out");
        args.addAll(List.of("-o", out.toString()));

        JavaRuns.Run run = JavaRuns.java(dir, "-Xmx1g", args, 20 * 60);

        assertEquals(0, run.exit(), run.err());
        long written;
        try (var files = Files.list(out)) {
            written = files.count();
        }
        assertEquals(PHOTOS, written);
        List<long[]> gcs = collections(Files.readAllLines(dir.resolve("gc.log")));
        assertTrue(gcs.size() >= 20, "enough collections to judge: " + gcs.size());
        long[] after = gcs.stream().mapToLong(g -> g[1]).toArray();
        int fifth = after.length / 5;
        long early = median(Arrays.copyOfRange(after, 0, fifth));
        long late = median(Arrays.copyOfRange(after, after.length - fifth, after.length));
        long peak = gcs.stream().mapToLong(g -> g[0]).max().orElse(0);
        System.out.printf(Locale.ROOT, "LOAD cli: %d photos (640x427 JPEG) in %.1f s = %.2f photos/s; heap after GC"
                        + " median %d MB (first fifth) -> %d MB (last fifth); peak %d MB of 1024; %d GCs%n",
                PHOTOS, run.millis() / 1000.0, PHOTOS * 1000.0 / run.millis(), early, late, peak, gcs.size());
        assertTrue(late <= early + 32, "heap after GC grows from " + early + " MB to " + late + " MB: a leak");
    }

    /** Heap before and after each pause, in MB, from unified GC logging ("... 120M->40M(1024M) 5.1ms"). */
    static List<long[]> collections(List<String> log) {
        Pattern pause = Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
        List<long[]> out = new ArrayList<>();
        for (String line : log) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                out.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
        }
        return out;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
