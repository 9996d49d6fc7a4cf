package app.retone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one job per input: every input is attempted; each failure is one line, and a batch of several
 * lists its failures again at the end.
 * On a terminal it draws a progress bar; otherwise it prints one line per input.
 */
final class Batch {

    @FunctionalInterface
    interface Job {
        /** Processes one input and returns a short description of what was written. */
        String run(Path input) throws Exception;
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean debug;

    Batch(PrintWriter out, PrintWriter err, boolean terminal, boolean debug) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.debug = debug;
    }

    /** Returns the exit code: 0 when every input succeeded, 1 otherwise. */
    int run(List<Path> inputs, Job job) {
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            Path input = inputs.get(i);
            if (terminal && inputs.size() > 1) {
                drawBar(i, inputs.size(), input.getFileName().toString());
            }
            long t0 = System.nanoTime();
            try {
                String result = job.run(input);
                if (!terminal || inputs.size() == 1) {
                    out.printf(Locale.ROOT, "%s -> %s (%.2f s)%n", input, result, (System.nanoTime() - t0) / 1e9);
                }
            } catch (Exception | OutOfMemoryError e) {
                String line = Messages.oneLine(e);
                failures.add(line);
                if (terminal && inputs.size() > 1) {
                    err.print("\r\033[K");
                }
                err.println("retone: " + line);
                if (debug) {
                    e.printStackTrace(err);
                }
            }
            out.flush();
            err.flush();
        }
        if (terminal && inputs.size() > 1) {
            drawBar(inputs.size(), inputs.size(), "");
            err.println();
        }
        if (inputs.size() > 1) {
            out.printf(Locale.ROOT, "%d of %d done in %.1f s%n", inputs.size() - failures.size(), inputs.size(),
                    (System.nanoTime() - start) / 1e9);
        }
        if (!failures.isEmpty() && inputs.size() > 1) {
            err.println(failures.size() + " failed:");
            failures.forEach(f -> err.println("  " + f));
        }
        out.flush();
        err.flush();
        return failures.isEmpty() ? Cli.OK : Cli.SOME_FAILED;
    }

    private void drawBar(int done, int total, String current) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String name = current.length() > 40 ? current.substring(0, 37) + "..." : current;
        err.print("\r\033[K[" + bar + "] " + done + "/" + total + " " + name);
        err.flush();
    }

    static boolean isTerminal() {
        return System.console() != null;
    }
}
