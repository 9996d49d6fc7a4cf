package app.retone.cli;

import app.retone.core.color.ColorLut3D;
import app.retone.core.render.Strength;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.OutputColourSpace;
import picocli.CommandLine.Option;

/** Options shared by the commands that transform photos. */
final class RenderOptions {

    @Option(names = "--strength", paramLabel = "S",
            description = "How much of the look to apply, " + (int) Strength.MIN + " (none: the input back, exactly, but for"
                    + " adjustments) to " + Strength.MAX + ". Default: the photo's sidecar's, else " + Strength.DEFAULT + ".")
    Double strength;

    @Option(names = "--regrain", negatable = true,
            description = {"Regrain (Pitié 2007): keeps the photo's own fine detail and noise under the new colours.",
                "Default: the photo's sidecar's, else off for the automatic look's tone curves, on for Pitié's 3D transfer",
                "and reference looks."})
    Boolean regrain;

    @Option(names = "--lut-size", paramLabel = "N", defaultValue = "" + ColorLut3D.DEFAULT_SIZE,
            description = "Nodes per side of the 3D LUT the transfer builds (" + ColorLut3D.MIN_SIZE + ".." + ColorLut3D.MAX_SIZE
                    + "). Default: ${DEFAULT-VALUE}.")
    int lutSize;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "92",
            description = "JPEG quality, 1..100. Default: ${DEFAULT-VALUE}.")
    int quality;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: jpeg, png or tiff. Default: from the output's extension (in a batch: the input's format).")
    String format;

    @Option(names = "--colour-space", paramLabel = "SPACE", defaultValue = "source",
            description = "Colour space of the output: source (the photo's own, its ICC profile embedded: Display P3 stays"
                    + " Display P3) or srgb (tagged sRGB: the sRGB profile, or a PNG's sRGB chunk). Default: ${DEFAULT-VALUE}.")
    String colourSpace;

    @Option(names = "--force",
            description = "Replace existing files, the input photo included. Without it nothing is ever overwritten.")
    boolean force;

    void validate(picocli.CommandLine commandLine) {
        if (strength != null) {
            OptionRules.checkStrength(commandLine, strength);
        }
        OptionRules.checkLutSize(commandLine, lutSize);
        if (quality < 1 || quality > 100) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--quality must be between 1 and 100, got " + quality);
        }
        if (OutputColourSpace.fromId(colourSpace).isEmpty()) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--colour-space must be source or srgb, got '"
                    + colourSpace + "'");
        }
        if (format != null && ImageFormat.fromName(format).isEmpty()) {
            throw new picocli.CommandLine.ParameterException(commandLine, "--format must be jpeg, png or tiff, got '" + format + "'");
        }
    }

    ImageFormat formatOrNull() {
        return format == null ? null : ImageFormat.fromName(format).orElseThrow();
    }

    ExportOptions exportOptions() {
        return new ExportOptions(formatOrNull(), quality, force, OutputColourSpace.fromId(colourSpace).orElseThrow());
    }
}
