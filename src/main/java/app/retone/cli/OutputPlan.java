package app.retone.cli;

import app.retone.core.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

    Path destinationFor(Path input, String sourceFormat) {
        if (!directory) {
            return output;
        }
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        ImageFormat chosen = format != null ? format : switch (sourceFormat.toLowerCase(Locale.ROOT)) {
            case "jpeg" -> ImageFormat.JPEG;
            case "tiff" -> ImageFormat.TIFF;
            default -> ImageFormat.PNG; // PNG, and lossless or paletted sources (BMP, GIF, WebP)
        };
        String ext = ImageFormat.fromPath(input).filter(f -> f == chosen)
                .map(f -> name.substring(dot + 1)).orElse(chosen.defaultExtension());
        return output.resolve(base + "." + ext);
    }

    boolean isBatch() {
        return directory;
    }
}
