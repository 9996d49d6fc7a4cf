package app.retone.cli;

import app.retone.core.image.PhotoExporter;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
abstract class CommandLineTestBase {

    protected String stdout;
    protected String stderr;

    protected int run(String... args) {
        return runWith(new PhotoExporter(), args);
    }

    /** Runs with results written through {@code exporter} (one whose disk fails, say). */
    protected int runWith(PhotoExporter exporter, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new RetoneCommand(exporter), new PrintWriter(out, true), new PrintWriter(err, true), args);
        stdout = out.toString();
        stderr = err.toString();
        return code;
    }
}
