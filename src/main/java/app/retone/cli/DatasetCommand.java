package app.retone.cli;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.PhotoFolder;
import app.retone.core.edit.DatasetBuilder;
import app.retone.core.edit.EditFamily;
import app.retone.core.edit.HistogramDataset;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dataset", mixinStandardHelpOptions = true,
        header = "Makes training pairs (edited, original histogram) from a folder of good photos.",
        description = {
            "Each photo gives --crops random crops (35-100 %% of its short side, rescaled to the model's",
            "input size); each crop gets --edits random bad edits of the --family chosen: the seed project's",
            "random_edit, step for step (contrast, gamma, a brightness curve and per-hue saturation in HSV, colour",
            "spill, noise), or what cameras get wrong (exposure, white balance, flat tone, saturation), or both;",
            "5 %% stay unedited. --mosaics adds 2x2 mosaics of crops from different photos. Pairs are written",
            "in Retone's dataset format (header 'RTHD', version 1, then float32 histograms; see",
            "docs/model.md), deterministic for a seed."},
        footer = {"", "Example:", "  retone dataset --photos photos/train --out train.rthd --crops 40 --edits 12 --mosaics 800 --family both"})
final class DatasetCommand implements Callable<Integer> {

    @Option(names = "--photos", required = true, paramLabel = "DIR", description = "Folder of good photos (not searched recursively).")
    Path photos;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The dataset file to write.")
    Path out;

    @Option(names = "--crops", defaultValue = "20", description = "Crops per photo. Default: ${DEFAULT-VALUE}.")
    int crops;

    @Option(names = "--edits", defaultValue = "8", description = "Random edits per crop. Default: ${DEFAULT-VALUE}.")
    int edits;

    @Option(names = "--mosaics", defaultValue = "0", description = "Mosaics of crops from several photos (each gets --edits edits). Default: ${DEFAULT-VALUE}.")
    int mosaics;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bins", paramLabel = "B", defaultValue = "" + Histogram3D.DEFAULT_BINS,
            description = "Bins per channel, a power of two from " + Histogram3D.MIN_SUPPORTED_BINS + " to "
                    + Histogram3D.MAX_SUPPORTED_BINS + " (the model's card's). Default: ${DEFAULT-VALUE}.")
    int bins;

    @Option(names = "--family", paramLabel = "FAMILY", defaultValue = "seed", converter = FamilyConverter.class,
            description = {"The bad edits: seed (the seed project's random edits), camera (what cameras get wrong: exposure,",
                "white balance, flat tone, saturation, in linear light) or both (half and half). Default: ${DEFAULT-VALUE}."})
    EditFamily family;

    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (crops < 1 || edits < 1 || mosaics < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--crops and --edits must be ≥ 1, --mosaics ≥ 0");
        }
        OptionRules.checkBins(spec.commandLine(), bins);
        if (Files.exists(out) && !force) {
            throw new java.io.IOException(out + ": already exists; refusing to overwrite it (use --force to replace it)");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        PhotoLoader loader = new PhotoLoader(ImageLimits.fromSystemProperties());
        List<DatasetBuilder.Source> sources = new ArrayList<>();
        for (Path file : PhotoFolder.list(photos)) {
            try {
                sources.add(DatasetBuilder.Source.of(file.getFileName().toString(), loader.load(file)));
            } catch (java.io.IOException e) {
                stderr.println("retone: skipped " + Messages.oneLine(e));
            }
        }
        if (sources.isEmpty()) {
            throw new java.io.IOException(photos + ": none of the photos could be read");
        }
        DatasetBuilder builder = new DatasetBuilder(bins, crops, edits, mosaics, seed, family);
        long total = builder.pairCount(sources.size());
        long start = System.nanoTime();
        HistogramDataset.Writer writer = new HistogramDataset.Writer(out, bins);
        boolean terminal = Batch.isTerminal();
        try {
            builder.build(sources, (edited, original) -> {
                writer.add(edited, original);
                if (terminal && writer.count() % 200 == 0) {
                    stderr.printf(Locale.ROOT, "\r\033[K%d / %d pairs", writer.count(), total);
                    stderr.flush();
                }
            });
            writer.close();
        } catch (Exception | OutOfMemoryError e) {
            writer.abort();
            throw e;
        }
        if (terminal) {
            stderr.print("\r\033[K");
        }
        stdout.printf(Locale.ROOT, "%s: %d pairs from %d photos (%d bins, %s edits) in %.1f s%n", out, writer.count(),
                sources.size(), bins, family.id(), (System.nanoTime() - start) / 1e9);
        return ExitStatus.OK;
    }

    /** --family's values: {@link EditFamily} ids. */
    static final class FamilyConverter implements CommandLine.ITypeConverter<EditFamily> {
        @Override
        public EditFamily convert(String value) {
            return EditFamily.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + value + "' is not a family of edits: use seed, camera or both"));
        }
    }
}
