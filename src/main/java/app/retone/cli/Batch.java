package app.retone.cli;

import app.retone.core.render.PhotoBatch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How a command's batch shows on the command line; the loop itself is {@link PhotoBatch}'s (every
 * input is attempted). Each failure is one line, and a batch of several lists its failures again
 * at the end. On a terminal it draws a progress bar; otherwise it prints one line per input.
 */
final class Batch implements PhotoBatch.Listener<Path> {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean debug;
    private int total;

    Batch(PrintWriter out, PrintWriter err, boolean terminal, boolean debug) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.debug = debug;
    }

    /** Runs {@code job} on every input; returns the exit code: 0 when every input succeeded, 1 otherwise. */
    int run(List<Path> inputs, PhotoBatch.Job<Path> job) {
        total = inputs.size();
        long start = System.nanoTime();
        PhotoBatch.Tally<Path> tally = new PhotoBatch<>(inputs).run(job, this);
        if (drawsBar()) {
            drawBar(total, total, "");
            err.println();
        }
        if (total > 1) {
            out.printf(Locale.ROOT, "%d of %d done in %.1f s%n", total - tally.failures().size(), total,
                    (System.nanoTime() - start) / 1e9);
        }
        if (!tally.failures().isEmpty() && total > 1) {
            err.println(tally.failures().size() + " failed:");
            tally.failures().forEach(f -> err.println("  " + Messages.oneLine(f.error())));
        }
        out.flush();
        err.flush();
        return tally.allSucceeded() ? ExitStatus.OK : ExitStatus.SOME_FAILED;
    }

    @Override
    public void trying(int index, int total, Path input) {
        if (drawsBar()) {
            drawBar(index, total, input.getFileName().toString());
        }
    }

    @Override
    public void done(Path input, PhotoBatch.Outcome outcome, long nanos) {
        if (!drawsBar()) {
            out.printf(Locale.ROOT, "%s -> %s (%.2f s)%n", input, outcome.account(), nanos / 1e9);
        }
        out.flush();
        err.flush();
    }

    @Override
    public void failed(Path input, Throwable error) {
        if (drawsBar()) {
            err.print("\r\033[K");
        }
        err.println("retone: " + Messages.oneLine(error));
        if (debug) {
            error.printStackTrace(err);
        }
        out.flush();
        err.flush();
    }

    /** A bar only on a terminal, and only for several inputs. */
    private boolean drawsBar() {
        return terminal && total > 1;
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
