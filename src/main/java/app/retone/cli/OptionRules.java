package app.retone.cli;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.render.Strength;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The options every command that takes them checks alike, each by its rule's one home and in its
 * words: a refusal is a usage error (exit code 2) that names the option.
 */
final class OptionRules {

    private OptionRules() {
    }

    /** {@code --strength}: {@link Strength}'s range. */
    static void checkStrength(CommandLine commandLine, double strength) {
        if (!Strength.isValid(strength)) {
            throw new ParameterException(commandLine, Strength.outOfRange("--strength", strength));
        }
    }

    /** {@code --lut-size}: {@link ColorLut3D}'s sizes. */
    static void checkLutSize(CommandLine commandLine, int lutSize) {
        if (!ColorLut3D.isValidSize(lutSize)) {
            throw new ParameterException(commandLine, ColorLut3D.sizeOutOfRange("--lut-size", lutSize));
        }
    }

    /** {@code --bins}: the bins a model's card may have ({@link Histogram3D#isSupportedBins}). */
    static void checkBins(CommandLine commandLine, int bins) {
        if (!Histogram3D.isSupportedBins(bins)) {
            throw new ParameterException(commandLine, Histogram3D.unsupportedBins("--bins", bins));
        }
    }
}
