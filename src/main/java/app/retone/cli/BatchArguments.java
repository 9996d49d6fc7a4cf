package app.retone.cli;

import app.retone.core.image.ReadableFormat;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The photos a transforming command works on and where the results go. */
final class BatchArguments {

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Photos (" + ReadableFormat.NAMES + ").")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "The output file, or with several inputs a folder (created if missing).")
    Path output;

    /** Checks the render options and the inputs against the output, and says where each result goes. */
    OutputPlan plan(picocli.CommandLine commandLine, RenderOptions render) {
        render.validate(commandLine);
        OutputPlan plan = OutputPlan.of(commandLine, inputs, output, render.formatOrNull());
        plan.checkDistinct(commandLine, inputs);
        return plan;
    }
}
