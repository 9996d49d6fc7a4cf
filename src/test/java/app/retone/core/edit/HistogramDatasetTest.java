package app.retone.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset contract with the Python trainer: both sides test against the same fixture file,
 * src/test/resources/fixtures/dataset-v1.rthd (read by src/training/tests/test_data.py).
 * Regenerate it with {@code mvn test -Dtest=HistogramDatasetTest -Dretone.regenerateFixtures=true}.
 */
class HistogramDatasetTest {

    static final int BINS = 4;
    static final int COUNT = 3;

    /** The fixture's pairs, defined identically in test_data.py. */
    static float[][] fixturePair(int i) {
        int cells = BINS * BINS * BINS;
        double[] e = new double[cells];
        double[] o = new double[cells];
        double se = 0;
        double so = 0;
        for (int j = 0; j < cells; j++) {
            e[j] = 1 + (7 * j + i) % 5;
            o[j] = 1 + (3 * j + 2 * i) % 4;
            se += e[j];
            so += o[j];
        }
        float[] edited = new float[cells];
        float[] original = new float[cells];
        for (int j = 0; j < cells; j++) {
            edited[j] = (float) (e[j] / se);
            original[j] = (float) (o[j] / so);
        }
        return new float[][] {edited, original};
    }

    private static Path writeFixture(Path file) throws IOException {
        try (HistogramDataset.Writer writer = new HistogramDataset.Writer(file, BINS)) {
            for (int i = 0; i < COUNT; i++) {
                float[][] pair = fixturePair(i);
                writer.add(pair[0], pair[1]);
            }
        }
        return file;
    }

    @Test
    void writesExactlyTheSharedFixture(@TempDir Path dir) throws IOException {
        Path file = writeFixture(dir.resolve("d.rthd"));
        if (Boolean.getBoolean("retone.regenerateFixtures")) {
            Files.copy(file, Path.of("src/test/resources/fixtures/dataset-v1.rthd"), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        byte[] expected;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/dataset-v1.rthd")) {
            assertNotNull(in, "fixture missing");
            expected = in.readAllBytes();
        }
        assertEquals(32 + COUNT * 2 * 64 * 4, expected.length);
        assertArrayEquals(expected, Files.readAllBytes(file));
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws IOException {
        HistogramDataset.Contents contents = HistogramDataset.read(writeFixture(dir.resolve("d.rthd")));
        assertEquals(BINS, contents.bins());
        assertEquals(COUNT, contents.count());
        assertArrayEquals(fixturePair(2)[1], contents.original()[2]);
        assertArrayEquals(fixturePair(1)[0], contents.edited()[1]);
    }

    @Test
    void anAbortedWriteLeavesNoFile(@TempDir Path dir) throws IOException {
        HistogramDataset.Writer writer = new HistogramDataset.Writer(dir.resolve("d.rthd"), BINS);
        writer.add(fixturePair(0)[0], fixturePair(0)[1]);
        writer.abort();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void rejectsOtherFiles(@TempDir Path dir) throws IOException {
        Path bad = Files.write(dir.resolve("x.rthd"), "not a dataset at all, no, no, no, not at all!".getBytes());
        IOException e = assertThrows(IOException.class, () -> HistogramDataset.read(bad));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }
}
