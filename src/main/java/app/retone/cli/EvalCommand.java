package app.retone.cli;

import app.retone.core.color.AutoLevels;
import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.ImageMetrics;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.edit.EditParameters;
import app.retone.core.edit.RandomEdits;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.Resample;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.OnnxHistogramPredictor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        header = "Measures how well Retone undoes random bad edits of good photos.",
        description = {
            "Each photo (reduced to --size pixels on its long side) gets --edits random edits, drawn like the",
            "training edits. Each edit is then fixed by each method - doing nothing, per-channel auto-levels,",
            "and Retone's whole enhance path - and compared with the original: KL(original || result) over 32³",
            "histograms, PSNR, mean CIELAB ΔE76, and the share of edits brought closer (ΔE76) to the original.",
            "Retone is also run on the unedited originals: a good photo should be left alone.",
            "Use photos the model was not trained on."},
        footer = {"", "Example:", "  retone eval --photos photos/val --edits 10 --by-edit --grid grid.jpg"})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--photos", required = true, paramLabel = "DIR", description = "Folder of good photos.")
    Path photos;

    @Option(names = "--edits", defaultValue = "10", description = "Random edits per photo. Default: ${DEFAULT-VALUE}.")
    int edits;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed of the edits. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--size", defaultValue = "768", description = "Long side the photos are reduced to. Default: ${DEFAULT-VALUE}.")
    int size;

    @Mixin
    ModelOptions model;

    @Option(names = "--grid", paramLabel = "FILE", description = "Also write a picture: edited | Retone | original, one row per photo.")
    Path grid;

    @Option(names = "--grid-rows", defaultValue = "4", description = "Photos in that picture. Default: ${DEFAULT-VALUE}.")
    int gridRows;

    @Option(names = "--by-edit", description = "Also undo each edit step alone (--edits draws of each) and print a table per step.")
    boolean byEdit;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Sums of one method's figures. */
    static final class Tally {
        final String name;
        double kl;
        double psnr;
        double deltaE;
        int closer;
        int n;

        Tally(String name) {
            this.name = name;
        }

        void add(double kl, double psnr, double deltaE, boolean isCloser) {
            this.kl += kl;
            this.psnr += Double.isInfinite(psnr) ? 99 : psnr;
            this.deltaE += deltaE;
            this.closer += isCloser ? 1 : 0;
            this.n++;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (edits < 1 || size < 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--edits must be ≥ 1 and --size ≥ 64");
        }
        PrintWriter out = spec.commandLine().getOut();
        PhotoLoader loader = new PhotoLoader();
        List<Path> files = PhotoFolder.list(photos);
        Tally none = new Tally("edited (do nothing)");
        Tally levels = new Tally("auto-levels");
        Tally retone = new Tally("Retone");
        double klPredicted = 0;
        double klEdited = 0;
        double movedOriginals = 0;
        int predictions = 0;
        List<int[][]> gridRowsPixels = new ArrayList<>();
        EditParameters.Step[] steps = EditParameters.Step.values();
        Tally[] perStep = new Tally[steps.length];
        for (int k = 0; k < steps.length; k++) {
            perStep[k] = new Tally(steps[k].name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        double[] perStepEditedDeltaE = new double[steps.length];
        int tile = 320;
        long start = System.nanoTime();
        try (OnnxHistogramPredictor predictor = model.load()) {
            PdfTransfer pdf = new PdfTransfer();
            AutoEnhancer enhancer = new AutoEnhancer(predictor, pdf);
            ColorTransfer engine = new ColorTransfer(pdf, new Regrain(), Interpolation.TETRAHEDRAL);
            SplittableRandom random = new SplittableRandom(seed);
            // its own stream: asking for --by-edit does not change the edits of the main table
            SplittableRandom stepRandom = new SplittableRandom(seed ^ 0x57E9_5EEDL);
            for (Path file : files) {
                Photo full = loader.load(file);
                double scale = Math.min(1.0, (double) size / Math.max(full.width(), full.height()));
                int w = Math.max(1, (int) Math.round(full.width() * scale));
                int h = Math.max(1, (int) Math.round(full.height() * scale));
                int[] original = scale == 1.0 ? full.argb()
                        : Resample.crop(full.argb(), full.width(), full.height(), 0, 0, full.width(), full.height(), w, h);
                Histogram3D originalHist = Histogram3D.of(original);
                Histogram3D originalModelHist = AutoEnhancer.modelInput(original, w, h, predictor.bins());

                AutoEnhancer.Result self = enhancer.enhance(original, w, h);
                movedOriginals += ImageMetrics.meanDeltaE76(original, engine.render(original, w, h, self.lut(), 1.0, true));

                for (int e = 0; e < edits; e++) {
                    EditParameters edit = RandomEdits.draw(random);
                    while (edit.isIdentity()) {
                        edit = RandomEdits.draw(random); // an unedited "edit" measures nothing
                    }
                    int[] edited = RandomEdits.apply(original, edit);
                    double baseDeltaE = ImageMetrics.meanDeltaE76(original, edited);
                    none.add(Histogram3D.klDivergence(originalHist, Histogram3D.of(edited)),
                            ImageMetrics.psnr(original, edited), baseDeltaE, false);

                    int[] leveled = AutoLevels.apply(edited, 0.005);
                    double levelsDeltaE = ImageMetrics.meanDeltaE76(original, leveled);
                    levels.add(Histogram3D.klDivergence(originalHist, Histogram3D.of(leveled)),
                            ImageMetrics.psnr(original, leveled), levelsDeltaE, levelsDeltaE < baseDeltaE);

                    AutoEnhancer.Result result = enhancer.enhance(edited, w, h);
                    int[] fixed = engine.render(edited, w, h, result.lut(), 1.0, true);
                    double retoneDeltaE = ImageMetrics.meanDeltaE76(original, fixed);
                    retone.add(Histogram3D.klDivergence(originalHist, Histogram3D.of(fixed)),
                            ImageMetrics.psnr(original, fixed), retoneDeltaE, retoneDeltaE < baseDeltaE);

                    klPredicted += Histogram3D.klDivergence(originalModelHist, result.target());
                    klEdited += Histogram3D.klDivergence(originalModelHist, result.source());
                    predictions++;

                    if (grid != null && e == 0 && gridRowsPixels.size() < gridRows) {
                        gridRowsPixels.add(new int[][] {thumb(edited, w, h, tile), thumb(fixed, w, h, tile), thumb(original, w, h, tile)});
                    }
                }
                if (byEdit) {
                    for (int k = 0; k < steps.length; k++) {
                        for (int e = 0; e < edits; e++) {
                            EditParameters edit = RandomEdits.draw(stepRandom);
                            while (!edit.has(steps[k])) {
                                edit = RandomEdits.draw(stepRandom);
                            }
                            int[] edited = RandomEdits.apply(original, edit.only(steps[k]));
                            double baseDeltaE = ImageMetrics.meanDeltaE76(original, edited);
                            int[] fixed = engine.render(edited, w, h, enhancer.enhance(edited, w, h).lut(), 1.0, true);
                            double deltaE = ImageMetrics.meanDeltaE76(original, fixed);
                            perStep[k].add(0, ImageMetrics.psnr(original, fixed), deltaE, deltaE < baseDeltaE);
                            perStepEditedDeltaE[k] += baseDeltaE;
                        }
                    }
                }
                out.printf(Locale.ROOT, "%-60s done%n", file.getFileName());
                out.flush();
            }
        }
        int photosCount = files.size();
        out.println();
        out.printf(Locale.ROOT, "%d photos × %d edits (seed %d, long side %d px), %.0f s%n%n", photosCount, edits, seed, size,
                (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "%-22s %14s %10s %10s %14s%n", "method", "KL(orig||·)", "PSNR dB", "ΔE76", "closer (ΔE76)");
        for (Tally t : List.of(none, levels, retone)) {
            out.printf(Locale.ROOT, "%-22s %14.3f %10.2f %10.2f %14s%n", t.name, t.kl / t.n, t.psnr / t.n, t.deltaE / t.n,
                    t == none ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * t.closer / t.n));
        }
        double meanKlPredicted = klPredicted / predictions;
        double meanKlEdited = klEdited / predictions;
        double moved = movedOriginals / photosCount;
        out.println();
        out.printf(Locale.ROOT, "model histograms: KL(orig||predicted) %.3f vs KL(orig||edited) %.3f (ratio %.2f)%n",
                meanKlPredicted, meanKlEdited, meanKlPredicted / meanKlEdited);
        out.printf(Locale.ROOT, "unedited originals moved by Retone: mean ΔE76 %.2f%n", moved);
        if (byEdit) {
            out.println();
            out.printf(Locale.ROOT, "%-22s %14s %14s %14s%n", "one step alone", "edited ΔE76", "Retone ΔE76", "closer");
            for (int k = 0; k < steps.length; k++) {
                Tally t = perStep[k];
                out.printf(Locale.ROOT, "%-22s %14.2f %14.2f %13.0f %%%n", t.name, perStepEditedDeltaE[k] / t.n,
                        t.deltaE / t.n, 100.0 * t.closer / t.n);
            }
        }
        out.println();
        boolean klBar = meanKlPredicted <= 0.5 * meanKlEdited;
        boolean closerBar = retone.closer >= 0.75 * retone.n;
        boolean beatsLevels = retone.deltaE < levels.deltaE && retone.psnr > levels.psnr;
        boolean leavesAlone = moved <= 3.0;
        out.println("bar: predicted KL ≤ half the edited KL ........ " + (klBar ? "met" : "NOT met"));
        out.println("bar: ≥ 75 % of edits brought closer ........... " + (closerBar ? "met" : "NOT met"));
        out.println("bar: beats auto-levels on ΔE76 and PSNR ....... " + (beatsLevels ? "met" : "NOT met"));
        out.println("bar: moves good photos by ΔE76 ≤ 3 ............ " + (leavesAlone ? "met" : "NOT met"));
        if (grid != null && !gridRowsPixels.isEmpty()) {
            writeGrid(gridRowsPixels, tile);
            out.println("wrote " + grid + " (columns: edited | Retone | original)");
        }
        out.flush();
        return Cli.OK;
    }

    private static int[] thumb(int[] px, int w, int h, int tile) {
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        return Resample.crop(px, w, h, x0, y0, side, side, tile, tile);
    }

    private void writeGrid(List<int[][]> rows, int tile) throws Exception {
        int gap = 4;
        int width = 3 * tile + 4 * gap;
        int height = rows.size() * tile + (rows.size() + 1) * gap;
        int[] canvas = new int[width * height];
        java.util.Arrays.fill(canvas, 0xFFFFFFFF);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 3; c++) {
                int[] t = rows.get(r)[c];
                int ox = gap + c * (tile + gap);
                int oy = gap + r * (tile + gap);
                for (int y = 0; y < tile; y++) {
                    System.arraycopy(t, y * tile, canvas, (oy + y) * width + ox, tile);
                }
            }
        }
        new PhotoExporter().export(Photo.of(width, height, canvas, false), grid,
                ExportOptions.DEFAULT.withQuality(88).withOverwrite(true));
    }
}
