package app.retone.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
abstract class CommandLineTestBase {

    protected String stdout;
    protected String stderr;

    protected int run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        stdout = out.toString();
        stderr = err.toString();
        return code;
    }
}
