package app.retone.cli;

import app.retone.core.image.PhotoFolder;
import app.retone.core.color.AutoLevels;
import app.retone.core.color.ColorLut3D;
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
import app.retone.predict.LookTransfer;
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
            "Each photo (reduced to --size pixels on its long side) gets --edits random edits, made as the seed",
            "project's random_edit makes them. Each edit is then fixed by each method - doing nothing, per-channel",
            "auto-levels and Retone's whole enhance path at default settings - and compared with the original: PSNR,",
            "mean CIELAB ΔE76, the share of edits brought closer (ΔE76), and KL(original || result) over 32³",
            "histograms (information only). Retone is also run on the unedited originals: a good photo should be",
            "left alone. Then each edit step is undone alone, and the bars are checked.",
            "Use photos the model was neither trained nor tuned on."},
        footer = {"", "Example:", "  retone eval --photos photos/independent --edits 5 --seed 7 --ceilings --grid grid.jpg"})
final class EvalCommand implements Callable<Integer> {

    /** The bars a model must meet on independent photos (issue 13). */
    static final double PSNR_GAIN_BAR_DB = 1.5;
    static final double DELTA_E_RATIO_BAR = 0.85;
    static final double CLOSER_SHARE_BAR = 0.80;
    static final double MOVED_ORIGINALS_BAR = 2.5;

    @Option(names = "--photos", required = true, paramLabel = "DIR", description = "Folder of good photos.")
    Path photos;

    @Option(names = "--edits", defaultValue = "5", description = "Random edits per photo. Default: ${DEFAULT-VALUE}.")
    int edits;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed of the edits. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--size", defaultValue = "768", description = "Long side the photos are reduced to. Default: ${DEFAULT-VALUE}.")
    int size;

    @Mixin
    ModelOptions model;

    @Option(names = "--ceilings", description = "Also fix each edit knowing the original's histogram: the ceilings of the "
            + "curves and of Pitié's transfer (what a perfect prediction would give).")
    boolean ceilings;

    @Option(names = "--no-regrain", description = "Leave regrain out of every method's path (default: on, as in 'enhance').")
    boolean noRegrain;

    @Option(names = "--grid", paramLabel = "FILE", description = "Also write a picture: edited | Retone | original, one row per photo.")
    Path grid;

    @Option(names = "--grid-rows", defaultValue = "4", description = "Photos in that picture. Default: ${DEFAULT-VALUE}.")
    int gridRows;

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

        void add(int[] original, Histogram3D originalHist, int[] result, double editedDeltaE) {
            double psnrValue = ImageMetrics.psnr(original, result);
            double deltaEValue = ImageMetrics.meanDeltaE76(original, result);
            kl += Histogram3D.klDivergence(originalHist, Histogram3D.of(result));
            psnr += Double.isInfinite(psnrValue) ? 99 : psnrValue;
            deltaE += deltaEValue;
            closer += deltaEValue < editedDeltaE ? 1 : 0;
            n++;
        }

        double meanPsnr() {
            return psnr / n;
        }

        double meanDeltaE() {
            return deltaE / n;
        }

        double closerShare() {
            return (double) closer / n;
        }
    }

    /** Everything one run needs to fix an edited photo. */
    private record Fixers(AutoEnhancer enhancer, ColorTransfer engine, PdfTransfer curves, PdfTransfer pitie,
            boolean regrain) {
        int[] retone(int[] px, int w, int h) throws Exception {
            return engine.render(px, w, h, enhancer.enhance(px, w, h).lut(), 1.0, regrain);
        }

        /** The photo moved onto a known histogram, from the histogram the model would see of it. */
        int[] onto(PdfTransfer transfer, int[] px, int w, int h, Histogram3D seen, Histogram3D goal) {
            return engine.render(px, w, h, transfer.transfer(seen, goal), 1.0, regrain);
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
        Tally retone = new Tally("Retone (" + model.transfer.id() + ")");
        Tally curvesCeiling = new Tally("ceiling: curves");
        Tally pitieCeiling = new Tally("ceiling: Pitié");
        double movedOriginals = 0;
        List<int[][]> gridRowsPixels = new ArrayList<>();
        EditParameters.Step[] steps = EditParameters.Step.values();
        Tally[] stepEdited = new Tally[steps.length];
        Tally[] stepRetone = new Tally[steps.length];
        for (int k = 0; k < steps.length; k++) {
            stepEdited[k] = new Tally(steps[k].name().toLowerCase(Locale.ROOT).replace('_', '-'));
            stepRetone[k] = new Tally(stepEdited[k].name);
        }
        int tile = 320;
        long start = System.nanoTime();
        try (OnnxHistogramPredictor predictor = model.load()) {
            int bins = predictor.bins();
            Fixers fix = new Fixers(new AutoEnhancer(predictor, model.transfer.create(ColorLut3D.DEFAULT_SIZE)),
                    new ColorTransfer(new PdfTransfer(), new Regrain(), Interpolation.TETRAHEDRAL),
                    LookTransfer.CURVES.create(ColorLut3D.DEFAULT_SIZE), LookTransfer.PITIE.create(ColorLut3D.DEFAULT_SIZE),
                    !noRegrain);
            SplittableRandom random = new SplittableRandom(seed);
            // its own stream: the per-step table does not change the edits of the main table
            SplittableRandom stepRandom = new SplittableRandom(seed ^ 0x57E9_5EEDL);
            for (Path file : files) {
                Photo full = loader.load(file);
                double scale = Math.min(1.0, (double) size / Math.max(full.width(), full.height()));
                int w = Math.max(1, (int) Math.round(full.width() * scale));
                int h = Math.max(1, (int) Math.round(full.height() * scale));
                int[] original = scale == 1.0 ? full.argb()
                        : Resample.crop(full.argb(), full.width(), full.height(), 0, 0, full.width(), full.height(), w, h);
                Histogram3D originalHist = Histogram3D.of(original);
                Histogram3D originalModelHist = AutoEnhancer.modelInput(original, w, h, bins);
                movedOriginals += ImageMetrics.meanDeltaE76(original, fix.retone(original, w, h));

                for (int e = 0; e < edits; e++) {
                    int[] edited = RandomEdits.apply(original, drawEdit(random));
                    double editedDeltaE = ImageMetrics.meanDeltaE76(original, edited);
                    none.add(original, originalHist, edited, editedDeltaE);
                    levels.add(original, originalHist, AutoLevels.apply(edited, 0.005), editedDeltaE);
                    int[] fixed = fix.retone(edited, w, h);
                    retone.add(original, originalHist, fixed, editedDeltaE);
                    if (ceilings) {
                        Histogram3D seen = AutoEnhancer.modelInput(edited, w, h, bins); // once for both
                        curvesCeiling.add(original, originalHist, fix.onto(fix.curves(), edited, w, h, seen, originalModelHist),
                                editedDeltaE);
                        pitieCeiling.add(original, originalHist, fix.onto(fix.pitie(), edited, w, h, seen, originalModelHist),
                                editedDeltaE);
                    }
                    if (grid != null && e == 0 && gridRowsPixels.size() < gridRows) {
                        gridRowsPixels.add(new int[][] {thumb(edited, w, h, tile), thumb(fixed, w, h, tile), thumb(original, w, h, tile)});
                    }
                }
                for (int k = 0; k < steps.length; k++) {
                    for (int e = 0; e < edits; e++) {
                        EditParameters edit = drawEdit(stepRandom);
                        int[] edited = RandomEdits.apply(original, edit.only(steps[k]));
                        double editedDeltaE = ImageMetrics.meanDeltaE76(original, edited);
                        stepEdited[k].add(original, originalHist, edited, editedDeltaE);
                        stepRetone[k].add(original, originalHist, fix.retone(edited, w, h), editedDeltaE);
                    }
                }
                out.printf(Locale.ROOT, "%-60s done%n", file.getFileName());
                out.flush();
            }
        }
        double moved = movedOriginals / files.size();
        out.println();
        out.printf(Locale.ROOT, "%d photos × %d edits (seed %d, long side %d px), model %s, transfer %s, regrain %s, %.0f s%n%n",
                files.size(), edits, seed, size, model.modelName, model.transfer.id(), noRegrain ? "off" : "on",
                (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "%-22s %10s %10s %14s %14s%n", "method", "PSNR dB", "ΔE76", "closer (ΔE76)", "KL(orig||·)");
        List<Tally> rows = new ArrayList<>(List.of(none, levels, retone));
        if (ceilings) {
            rows.addAll(List.of(curvesCeiling, pitieCeiling));
        }
        for (Tally t : rows) {
            out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %14s %14.3f%n", t.name, t.meanPsnr(), t.meanDeltaE(),
                    t == none ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * t.closerShare()), t.kl / t.n);
        }
        out.printf(Locale.ROOT, "%nunedited originals moved by Retone: mean ΔE76 %.2f%n%n", moved);
        out.printf(Locale.ROOT, "%-22s %14s %14s %10s %12s%n", "one step alone", "edited ΔE76", "Retone ΔE76", "closer",
                "Retone PSNR");
        for (int k = 0; k < steps.length; k++) {
            out.printf(Locale.ROOT, "%-22s %14.2f %14.2f %9.0f %% %+9.2f dB%n", stepEdited[k].name, stepEdited[k].meanDeltaE(),
                    stepRetone[k].meanDeltaE(), 100 * stepRetone[k].closerShare(),
                    stepRetone[k].meanPsnr() - stepEdited[k].meanPsnr());
        }
        out.println();
        bar(out, String.format(Locale.ROOT, "PSNR ≥ doing nothing + %.1f dB (%+.2f dB)", PSNR_GAIN_BAR_DB,
                retone.meanPsnr() - none.meanPsnr()), retone.meanPsnr() >= none.meanPsnr() + PSNR_GAIN_BAR_DB);
        bar(out, String.format(Locale.ROOT, "ΔE76 ≤ %.2f × doing nothing's (%.3f ×)", DELTA_E_RATIO_BAR,
                retone.meanDeltaE() / none.meanDeltaE()), retone.meanDeltaE() <= DELTA_E_RATIO_BAR * none.meanDeltaE());
        bar(out, String.format(Locale.ROOT, "≥ %.0f %% of edits brought closer (%.0f %%)", 100 * CLOSER_SHARE_BAR,
                100 * retone.closerShare()), retone.closerShare() >= CLOSER_SHARE_BAR);
        bar(out, String.format(Locale.ROOT, "good originals moved by ΔE76 ≤ %.1f (%.2f)", MOVED_ORIGINALS_BAR, moved),
                moved <= MOVED_ORIGINALS_BAR);
        bar(out, "beats auto-levels on PSNR and ΔE76",
                retone.meanDeltaE() < levels.meanDeltaE() && retone.meanPsnr() > levels.meanPsnr());
        if (grid != null && !gridRowsPixels.isEmpty()) {
            writeGrid(gridRowsPixels, tile);
            out.println("wrote " + grid + " (columns: edited | Retone | original)");
        }
        out.flush();
        return Cli.OK;
    }

    /** A random edit that changes something: an unedited draw (5 % of the seed's) measures nothing here. */
    private static EditParameters drawEdit(SplittableRandom random) {
        EditParameters edit = RandomEdits.draw(random);
        while (edit.isIdentity()) {
            edit = RandomEdits.draw(random);
        }
        return edit;
    }

    private static void bar(PrintWriter out, String what, boolean met) {
        String label = "bar: " + what + " ";
        out.println(label + ".".repeat(Math.max(3, 64 - label.length())) + (met ? " met" : " NOT met"));
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
