package app.retone.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;

/** Runs the command line and gives its {@link ExitStatus}. */
public final class Cli {

    private static final Set<String> SUBCOMMANDS = Set.of("enhance", "transfer", "lut", "histogram", "dataset", "eval", "bench", "help");

    private Cli() {
    }

    /** True when the arguments ask for the command line rather than the app. */
    public static boolean isCommandLine(String[] args) {
        return args.length > 0 && (args[0].startsWith("-") || SUBCOMMANDS.contains(args[0]));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(new RetoneCommand(), out, err, args);
    }

    /** Runs with a given root command (tests: one holding a failing exporter). */
    static int run(RetoneCommand root, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(root, out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(new RetoneCommand(), out, err);
    }

    private static CommandLine commandLine(RetoneCommand command, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = commandLine.getCommandSpec().root().userObject() instanceof RootOptions root && root.debug();
            err.println("retone: " + Messages.oneLine(ex));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitStatus.SOME_FAILED;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            err.println("retone: " + ex.getMessage());
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitStatus.USAGE;
        });
        return cli;
    }
}
