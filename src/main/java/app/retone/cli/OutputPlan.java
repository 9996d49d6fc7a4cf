package app.retone.cli;

import app.retone.core.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Where each input's result goes: one input and {@code -o FILE}, or a batch with {@code -o DIR}
 * (created if missing), where each result keeps its input's name.
 */
final class OutputPlan {

    private final Path output;
    private final boolean directory;
    private final ImageFormat format;

    private OutputPlan(Path output, boolean directory, ImageFormat format) {
        this.output = output;
        this.directory = directory;
        this.format = format;
    }

    static OutputPlan of(CommandLine commandLine, List<Path> inputs, Path output, ImageFormat format) {
        boolean looksLikeDir = Files.isDirectory(output) || output.toString().endsWith("/")
                || output.toString().endsWith(java.io.File.separator);
        if (inputs.size() > 1 && !looksLikeDir && Files.exists(output)) {
            throw new CommandLine.ParameterException(commandLine,
                    "with several inputs, -o must be a folder; " + output + " is a file");
        }
        boolean directory = looksLikeDir || inputs.size() > 1;
        if (!directory && format == null && ImageFormat.fromPath(output).isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot tell the output format from '" + output.getFileName() + "': name it .jpg, .png or .tif, or give --format");
        }
        return new OutputPlan(output, directory, format);
    }

    /** Creates the output folder of a batch if needed. */
    void prepare() throws IOException {
        if (directory) {
            Files.createDirectories(output);
        }
    }

    /** Fails when two inputs of a batch would be written to the same file. */
    void checkDistinct(CommandLine commandLine, List<Path> inputs) {
        java.util.Map<Path, Path> seen = new java.util.HashMap<>();
        for (Path input : inputs) {
            Path destination = destinationFor(input).toAbsolutePath().normalize();
            Path first = seen.putIfAbsent(destination, input);
            if (first != null) {
                throw new CommandLine.ParameterException(commandLine, first + " and " + input
                        + " would both be written to " + destination + "; rename one, or run them separately");
            }
        }
    }

    /** The result's file: in a batch, the input's name with the output format's extension. */
    Path destinationFor(Path input) {
        if (!directory) {
            return output;
        }
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        ImageFormat chosen = format != null ? format : ImageFormat.forResultOf(input);
        String ext = ImageFormat.fromPath(input).filter(f -> f == chosen)
                .map(f -> name.substring(dot + 1)).orElse(chosen.defaultExtension());
        return output.resolve(base + "." + ext);
    }

    boolean isBatch() {
        return directory;
    }
}
