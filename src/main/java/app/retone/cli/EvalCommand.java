package app.retone.cli;

import app.retone.core.color.AutoLevels;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.color.GrayWorld;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.ImageMetrics;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.edit.EditFamily;
import app.retone.core.edit.PhotoEdit;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoFolder;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.Resample;
import app.retone.predict.AutoEnhancer;
import app.retone.core.render.LookTransfer;
import app.retone.predict.ModelLocator;
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
        header = "Measures how well Retone undoes bad edits of good photos.",
        description = {
            "Each photo (reduced to --size pixels on its long side) gets --edits bad edits of each --family: the seed",
            "project's random edits (seed) and what cameras get wrong (camera: exposure, white balance, flat tone,",
            "saturation). Each edit is then fixed by each method - doing nothing, per-channel auto-levels, gray world,",
            "the model's whole enhance path at the command line's defaults, and any --compare models - and compared",
            "with the original: PSNR, mean CIELAB ΔE76, the share of edits brought closer (ΔE76), and KL(original ||",
            "result) over " + Histogram3D.DEFAULT_BINS + "³ histograms (information only). Each model also runs on the unedited originals: a good",
            "photo should be left alone. Then each edit step is undone alone, and the bars are checked.",
            "Use photos the model was neither trained nor tuned on."},
        footer = {"", "Example:", "  retone eval --photos photos/independent --edits 5 --seed 7 --compare tonecurves-v3 --grid grid.jpg"})
final class EvalCommand implements Callable<Integer> {

    /** The bars a model must meet on the seed family's edits of independent photos (issue 20). */
    static final double PSNR_GAIN_BAR_DB = 1.5;
    static final double DELTA_E_RATIO_BAR = 0.85;
    static final double CLOSER_SHARE_BAR = 0.80;
    static final double MOVED_ORIGINALS_BAR = 2.0;

    /** Salts that give each family, and each family's per-step table, a random stream of its own. */
    private static final long STEP_SALT = 0x57E9_5EEDL;
    private static final long CAMERA_SALT = 0xCA3E_3A00L;
    private static final long BOTH_SALT = 0xB07B_0000L;

    @Option(names = "--photos", required = true, paramLabel = "DIR", description = "Folder of good photos.")
    Path photos;

    @Option(names = "--edits", defaultValue = "5", description = "Edits per photo and family. Default: ${DEFAULT-VALUE}.")
    int edits;

    @Option(names = "--family", paramLabel = "FAMILY", split = ",", defaultValue = "seed,camera",
            converter = DatasetCommand.FamilyConverter.class,
            description = "The families of edits, each in a table of its own: seed, camera, both (a mix). Default: ${DEFAULT-VALUE}.")
    List<EditFamily> families;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed of the edits. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--size", defaultValue = "768", description = "Long side the photos are reduced to. Default: ${DEFAULT-VALUE}.")
    int size;

    @Mixin
    ModelOptions model;

    @Option(names = "--compare", paramLabel = "NAME", description = "Another model of the same folder to measure beside "
            + "--model, with the same transfer (repeatable), e.g. the model it would replace.")
    List<String> compare = new ArrayList<>();

    @Option(names = "--ceilings", description = "Also fix each edit knowing the original's histogram: the ceilings of the "
            + "curves and of Pitié's transfer (what a perfect prediction would give).")
    boolean ceilings;

    @Option(names = "--regrain", negatable = true, description = "Regrain every method's result. Default: as 'enhance' does "
            + "for the --transfer (off for curves, on for pitie).")
    Boolean regrain;

    @Option(names = "--grid", paramLabel = "FILE", description = "Also write a picture: edited | Retone | original, one row per "
            + "photo (the first family's edits).")
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

    /** A way of fixing an edited photo. */
    @FunctionalInterface
    private interface Fixer {
        int[] fix(int[] edited, int w, int h) throws Exception;
    }

    private record Method(String name, Fixer fixer) {
    }

    /** A model's whole enhance path, as 'enhance' runs it. */
    private record ModelFixer(String name, AutoEnhancer enhancer, ColorTransfer engine, boolean regrain) implements Fixer {
        @Override
        public int[] fix(int[] px, int w, int h) throws Exception {
            return engine.render(px, w, h, enhancer.enhance(px, w, h).lut(), 1.0, regrain);
        }
    }

    /** One photo, reduced. */
    private record Original(String name, int[] px, int w, int h, Histogram3D histogram) {
    }

    @Override
    public Integer call() throws Exception {
        if (edits < 1 || size < 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--edits must be ≥ 1 and --size ≥ 64");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean withRegrain = regrain != null ? regrain : model.transfer.regrainByDefault();
        long start = System.nanoTime();
        List<Original> originals = readPhotos(out);
        ColorTransfer engine = new ColorTransfer(new PdfTransfer(), new Regrain(), Interpolation.TETRAHEDRAL);
        List<OnnxHistogramPredictor> predictors = new ArrayList<>();
        try {
            List<ModelFixer> models = new ArrayList<>();
            List<String> names = new ArrayList<>(List.of(model.modelName));
            names.addAll(compare);
            for (String name : names) {
                OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(
                        model.models != null ? model.models : ModelLocator.defaultDirectory(), name);
                predictors.add(predictor);
                models.add(new ModelFixer(name, new AutoEnhancer(predictor, model.transfer.create(ColorLut3D.DEFAULT_SIZE)),
                        engine, withRegrain));
            }
            List<Method> methods = new ArrayList<>(List.of(
                    new Method("edited (do nothing)", (px, w, h) -> px),
                    new Method("auto-levels", (px, w, h) -> AutoLevels.apply(px, 0.005)),
                    new Method("gray world", (px, w, h) -> GrayWorld.apply(px))));
            models.forEach(m -> methods.add(new Method(m.name(), m)));

            double[] moved = new double[models.size()];
            for (Original o : originals) {
                for (int m = 0; m < models.size(); m++) {
                    moved[m] += ImageMetrics.meanDeltaE76(o.px(), models.get(m).fix(o.px(), o.w(), o.h())) / originals.size();
                }
            }
            out.printf(Locale.ROOT, "%n%d photos × %d edits a family (seed %d, long side %d px), transfer %s, regrain %s%n",
                    originals.size(), edits, seed, size, model.transfer.id(), withRegrain ? "on" : "off");
            out.println("unedited originals moved (mean ΔE76): " + String.join(", ", java.util.stream.IntStream
                    .range(0, models.size()).mapToObj(m -> String.format(Locale.ROOT, "%s %.2f", models.get(m).name(),
                            moved[m])).toList()));
            List<int[][]> gridTiles = new ArrayList<>();
            for (EditFamily family : families) {
                evaluate(out, family, originals, methods, models.get(0), moved[0], withRegrain, engine,
                        family == families.get(0) ? gridTiles : null);
            }
            if (grid != null && !gridTiles.isEmpty()) {
                writeGrid(gridTiles, GRID_TILE);
                out.println("wrote " + grid + " (columns: edited | " + model.modelName + " | original)");
            }
        } finally {
            for (OnnxHistogramPredictor p : predictors) {
                p.close();
            }
        }
        out.printf(Locale.ROOT, "%n%.0f s%n", (System.nanoTime() - start) / 1e9);
        out.flush();
        return ExitStatus.OK;
    }

    private List<Original> readPhotos(PrintWriter out) throws Exception {
        PhotoLoader loader = new PhotoLoader();
        List<Original> originals = new ArrayList<>();
        for (Path file : PhotoFolder.list(photos)) {
            Photo full = loader.load(file);
            double scale = Math.min(1.0, (double) size / Math.max(full.width(), full.height()));
            int w = Math.max(1, (int) Math.round(full.width() * scale));
            int h = Math.max(1, (int) Math.round(full.height() * scale));
            int[] px = scale == 1.0 ? full.argb()
                    : Resample.crop(full.argb(), full.width(), full.height(), 0, 0, full.width(), full.height(), w, h);
            originals.add(new Original(String.valueOf(file.getFileName()), px, w, h, Histogram3D.of(px)));
        }
        out.printf(Locale.ROOT, "%d photos read%n", originals.size());
        return originals;
    }

    private static final int GRID_TILE = 320;

    /** One family's table, its per-step table and its bars. */
    private void evaluate(PrintWriter out, EditFamily family, List<Original> originals, List<Method> methods,
                          ModelFixer main, double moved, boolean withRegrain, ColorTransfer engine, List<int[][]> gridTiles)
            throws Exception {
        long salt = switch (family) {
            case SEED -> 0;
            case CAMERA -> CAMERA_SALT;
            case BOTH -> BOTH_SALT;
        };
        SplittableRandom random = new SplittableRandom(seed ^ salt);
        // its own stream: the per-step table does not change the edits of the main table
        SplittableRandom stepRandom = new SplittableRandom(seed ^ salt ^ STEP_SALT);
        List<Tally> tallies = new ArrayList<>();
        methods.forEach(m -> tallies.add(new Tally(m.name())));
        Tally curvesCeiling = new Tally("ceiling: curves");
        Tally pitieCeiling = new Tally("ceiling: Pitié");
        PdfTransfer curves = LookTransfer.CURVES.create(ColorLut3D.DEFAULT_SIZE);
        PdfTransfer pitie = LookTransfer.PITIE.create(ColorLut3D.DEFAULT_SIZE);
        List<String> steps = family.stepNames();
        Tally[] stepEdited = new Tally[steps.size()];
        Tally[] stepModel = new Tally[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            stepEdited[k] = new Tally(steps.get(k));
            stepModel[k] = new Tally(steps.get(k));
        }
        for (Original o : originals) {
            int bins = main.enhancer().bins();
            Histogram3D originalModelHist = AutoEnhancer.modelInput(o.px(), o.w(), o.h(), bins);
            for (int e = 0; e < edits; e++) {
                PhotoEdit edit = family.drawChanging(random);
                int[] edited = edit.apply(o.px());
                double editedDeltaE = ImageMetrics.meanDeltaE76(o.px(), edited);
                int[] mainResult = null;
                for (int m = 0; m < methods.size(); m++) {
                    int[] result = methods.get(m).fixer().fix(edited, o.w(), o.h());
                    if (methods.get(m).fixer() == main) {
                        mainResult = result;
                    }
                    tallies.get(m).add(o.px(), o.histogram(), result, editedDeltaE);
                }
                if (ceilings) {
                    Histogram3D seen = AutoEnhancer.modelInput(edited, o.w(), o.h(), bins); // once for both
                    curvesCeiling.add(o.px(), o.histogram(), engine.render(edited, o.w(), o.h(),
                            curves.transfer(seen, originalModelHist), 1.0, withRegrain), editedDeltaE);
                    pitieCeiling.add(o.px(), o.histogram(), engine.render(edited, o.w(), o.h(),
                            pitie.transfer(seen, originalModelHist), 1.0, withRegrain), editedDeltaE);
                }
                if (gridTiles != null && e == 0 && gridTiles.size() < gridRows) {
                    gridTiles.add(new int[][] {thumb(edited, o.w(), o.h()), thumb(mainResult, o.w(), o.h()),
                        thumb(o.px(), o.w(), o.h())});
                }
            }
            for (int k = 0; k < steps.size(); k++) {
                for (int e = 0; e < edits; e++) {
                    int[] edited = family.drawStep(stepRandom, k).apply(o.px());
                    double editedDeltaE = ImageMetrics.meanDeltaE76(o.px(), edited);
                    stepEdited[k].add(o.px(), o.histogram(), edited, editedDeltaE);
                    stepModel[k].add(o.px(), o.histogram(), main.fix(edited, o.w(), o.h()), editedDeltaE);
                }
            }
            out.printf(Locale.ROOT, "%-60s %s done%n", o.name(), family.id());
            out.flush();
        }
        Tally none = tallies.get(0);
        Tally mainTally = tallies.get(methods.size() - 1 - compare.size());
        out.printf(Locale.ROOT, "%n== %s edits ==%n", family.id());
        out.printf(Locale.ROOT, "%-22s %10s %10s %14s %14s%n", "method", "PSNR dB", "ΔE76", "closer (ΔE76)", "KL(orig||·)");
        List<Tally> rows = new ArrayList<>(tallies);
        if (ceilings) {
            rows.addAll(List.of(curvesCeiling, pitieCeiling));
        }
        for (Tally t : rows) {
            out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %14s %14.3f%n", t.name, t.meanPsnr(), t.meanDeltaE(),
                    t == none ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * t.closerShare()), t.kl / t.n);
        }
        out.printf(Locale.ROOT, "%n%-22s %14s %14s %10s %12s%n", "one step alone", "edited ΔE76", main.name() + " ΔE76",
                "closer", "PSNR gain");
        for (int k = 0; k < steps.size(); k++) {
            out.printf(Locale.ROOT, "%-22s %14.2f %14.2f %9.0f %% %+9.2f dB%n", stepEdited[k].name, stepEdited[k].meanDeltaE(),
                    stepModel[k].meanDeltaE(), 100 * stepModel[k].closerShare(),
                    stepModel[k].meanPsnr() - stepEdited[k].meanPsnr());
        }
        out.println();
        if (family == EditFamily.SEED) {
            bar(out, String.format(Locale.ROOT, "PSNR ≥ doing nothing + %.1f dB (%+.2f dB)", PSNR_GAIN_BAR_DB,
                    mainTally.meanPsnr() - none.meanPsnr()), mainTally.meanPsnr() >= none.meanPsnr() + PSNR_GAIN_BAR_DB);
            bar(out, String.format(Locale.ROOT, "ΔE76 ≤ %.2f × doing nothing's (%.3f ×)", DELTA_E_RATIO_BAR,
                    mainTally.meanDeltaE() / none.meanDeltaE()), mainTally.meanDeltaE() <= DELTA_E_RATIO_BAR * none.meanDeltaE());
            bar(out, String.format(Locale.ROOT, "≥ %.0f %% of edits brought closer (%.0f %%)", 100 * CLOSER_SHARE_BAR,
                    100 * mainTally.closerShare()), mainTally.closerShare() >= CLOSER_SHARE_BAR);
            bar(out, String.format(Locale.ROOT, "good originals moved by ΔE76 ≤ %.1f (%.2f)", MOVED_ORIGINALS_BAR, moved),
                    moved <= MOVED_ORIGINALS_BAR);
        }
        for (Tally other : tallies.subList(1, tallies.size())) {
            if (other != mainTally) {
                bar(out, mainTally.name + " beats " + other.name + " on PSNR, ΔE76 and closer", beats(mainTally, other));
            }
        }
    }

    private static boolean beats(Tally a, Tally b) {
        return a.meanPsnr() > b.meanPsnr() && a.meanDeltaE() < b.meanDeltaE() && a.closerShare() >= b.closerShare();
    }

    private static void bar(PrintWriter out, String what, boolean met) {
        String label = "bar: " + what + " ";
        out.println(label + ".".repeat(Math.max(3, 72 - label.length())) + (met ? " met" : " NOT met"));
    }

    private static int[] thumb(int[] px, int w, int h) {
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        return Resample.crop(px, w, h, x0, y0, side, side, GRID_TILE, GRID_TILE);
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
