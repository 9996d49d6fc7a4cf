package app.retone.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this build in a JVM of its own, with a capped heap, and keeps what it printed. */
public final class JavaRuns {

    /** Exit code, printed text, and wall time of one run. */
    public record Run(int exit, String out, String err, long millis) {
    }

    private JavaRuns() {
    }

    /**
     * {@code java HEAP -cp <this build> ARGS}, after {@code prefix} (e.g. a privilege wrapper);
     * fails the test if it has not ended within {@code timeoutSeconds}.
     */
    public static Run java(Path workDir, String heap, List<String> args, int timeoutSeconds, String... prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(args);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "no hang: the run ended within " + timeoutSeconds + " s\n" + Files.readString(err));
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1_000_000);
    }
}
