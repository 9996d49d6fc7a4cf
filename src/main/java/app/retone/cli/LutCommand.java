package app.retone.cli;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.CubeFile;
import app.retone.core.color.Histogram3D;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.Strength;
import app.retone.predict.ReferenceLook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lut", mixinStandardHelpOptions = true,
        header = "Saves the colour transfer from a photo to a reference as a 3D LUT (.cube).",
        description = {
            "The same transfer as 'transfer', saved as an Adobe/Resolve .cube file that other editors",
            "(Resolve, Premiere, Photoshop, darktable, ffmpeg's lut3d) can apply."},
        footer = {"", "Example:", "  retone lut holiday.jpg --reference sunset.jpg -o sunset.cube --lut-size 65"})
final class LutCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IN", description = "The photo whose colours the LUT starts from.")
    Path input;

    @Option(names = {"-r", "--reference"}, required = true, paramLabel = "REF", description = "The photo whose colours to reach.")
    Path reference;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.cube", description = "The .cube file to write.")
    Path output;

    @Option(names = "--lut-size", paramLabel = "N", defaultValue = "" + ColorLut3D.DEFAULT_SIZE,
            description = "Nodes per side (" + ColorLut3D.MIN_SIZE + ".." + ColorLut3D.MAX_SIZE + "). Default: ${DEFAULT-VALUE}.")
    int lutSize;

    @Option(names = "--strength", paramLabel = "S", defaultValue = "" + Strength.DEFAULT,
            description = (int) Strength.MIN + ".." + Strength.MAX + " of the transfer baked into the LUT. Default: ${DEFAULT-VALUE}.")
    double strength;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionRules.checkLutSize(spec.commandLine(), lutSize);
        OptionRules.checkStrength(spec.commandLine(), strength);
        Path target = output.toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            throw new java.io.IOException(output + ": already exists; refusing to overwrite it (use --force to replace it)");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new java.io.IOException(output + ": the destination folder does not exist");
        }
        PhotoLoader loader = new PhotoLoader(ImageLimits.fromSystemProperties());
        Histogram3D source = ReferenceLook.histogram(loader.load(input));
        Histogram3D goal = ReferenceLook.histogram(loader.load(reference));
        ColorLut3D lut = ReferenceLook.transfer(lutSize).transfer(source, goal).withStrength(strength);
        String title = "Retone: " + input.getFileName() + " to " + reference.getFileName();
        CubeFile.write(lut, title, target);
        spec.commandLine().getOut().println(input + " -> " + output + " [" + lutSize + "³ LUT]");
        return ExitStatus.OK;
    }
}
