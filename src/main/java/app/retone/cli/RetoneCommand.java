package app.retone.cli;

import app.retone.core.image.PhotoExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "retone",
        mixinStandardHelpOptions = true,
        versionProvider = RetoneCommand.VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        header = "Fixes the colour of photos automatically, or gives them a reference photo's colours.",
        description = {
            "",
            "Without a command, Retone opens the desktop app (photos or a folder given as arguments are opened in it).",
            "With a command, it works on the command line and never needs a display; 'retone COMMAND --help' says more.",
            ""},
        subcommands = {EnhanceCommand.class, TransferCommand.class, LutCommand.class, HistogramCommand.class, DatasetCommand.class, EvalCommand.class, BenchCommand.class,
            picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  " + ExitStatus.OK + "  everything was done",
            "  " + ExitStatus.SOME_FAILED + "  some input failed (each failure is listed)",
            "  " + ExitStatus.USAGE + "  the command line was wrong",
            "",
            "Examples:",
            "  retone enhance holiday.jpg -o holiday-fixed.jpg",
            "  retone enhance *.jpg -o fixed/ --exposure 0.3 --vibrance 15",
            "  retone transfer holiday.jpg --reference sunset.jpg -o holiday-warm.jpg",
            "  retone transfer *.jpg --reference look.jpg -o out/ --strength 0.7",
            "  retone lut holiday.jpg --reference sunset.jpg -o sunset.cube",
            "  retone histogram holiday.jpg --json",
            "  retone bench"})
public final class RetoneCommand implements Runnable, RootOptions {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show the full stack trace of errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PhotoExporter exporter;

    public RetoneCommand() {
        this(new PhotoExporter());
    }

    RetoneCommand(PhotoExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public boolean debug() {
        return debug;
    }

    @Override
    public PhotoExporter exporter() {
        return exporter;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a command is needed (enhance, transfer, lut, histogram, dataset, eval, bench)");
    }

    /** 'retone --version': the pom's, from {@link app.retone.Version}. */
    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Retone " + app.retone.Version.current()};
        }
    }
}
