package app.retone.cli;

import app.retone.core.render.PhotoRender;
import app.retone.core.render.Strength;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.ExportOptions;
import app.retone.core.io.TemporaryFolders;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SyntheticPhoto;
import app.retone.predict.AutoEnhancer;
import app.retone.core.render.LookTransfer;
import app.retone.predict.OnnxHistogramPredictor;
import app.retone.predict.PredictionException;
import app.retone.predict.ReferenceLook;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Times each engine step on generated photos and prints it next to its budget.",
        description = {
            "Photos are generated (a 24 MP and a 6 MP landscape, a 1920x1080 preview), so the figures",
            "do not depend on any file. Each step is warmed up, then timed; the median is compared with",
            "the budget in docs/performance.md. Run it on an otherwise idle machine."},
        footer = {"", "Example:", "  java -jar target/retone.jar bench --runs 9"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs per step. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--photo", paramLabel = "FILE",
            description = "Also time 'enhance' of this photo file to file in the warm JVM (the figure the cold command is compared with).")
    Path photo;

    @Option(names = "--quick", description = "Tiny photos and one run each: checks that every step works, measures nothing.")
    boolean quick;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private interface Step {
        void run() throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be ≥ 1 and --warmup ≥ 0");
        }
        int n = quick ? 1 : runs;
        int w = quick ? 0 : warmup;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Retone bench: %d cores, Java %s, max heap %d MB, %d warm-up + %d timed runs per step%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, w, n);
        out.printf(Locale.ROOT, "%-44s %10s %10s %10s  %s%n", "step", "median", "best", "budget", "");
        out.flush();

        Photo large = quick ? SyntheticPhoto.landscape(600, 400, 1) : SyntheticPhoto.landscape(6000, 4000, 1);
        Photo medium = quick ? SyntheticPhoto.landscape(300, 200, 2) : SyntheticPhoto.landscape(3000, 2000, 2);
        Photo preview = quick ? SyntheticPhoto.landscape(192, 108, 3) : SyntheticPhoto.landscape(1920, 1080, 3);
        Photo reference = SyntheticPhoto.landscape(1200, 800, 4);
        String largeLabel = quick ? "0.24 MP" : "24 MP";

        Histogram3D source = Histogram3D.of(large.argb());
        Histogram3D target = Histogram3D.of(reference.argb());
        PdfTransfer pdf = new PdfTransfer();
        ColorLut3D lut = pdf.transfer(source, target);
        Regrain regrain = new Regrain();
        boolean allWithin = true;

        allWithin &= report(out, Histogram3D.DEFAULT_BINS + "³ histogram of a " + largeLabel + " photo", 60, w, n, () -> Histogram3D.of(large.argb()));
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.loadDefault()) {
            Histogram3D modelInput = AutoEnhancer.modelInput(large.argb(), large.width(), large.height(), predictor.bins());
            allWithin &= report(out, "prediction (one histogram, " + predictor.card().name() + ")", 50, w, n,
                    () -> predictor.predict(modelInput));
        } catch (PredictionException e) {
            out.printf(Locale.ROOT, "%-44s %10s %10s %10s  %s%n", "prediction (one histogram)", "-", "-", "50 ms",
                    "no model: " + e.getMessage());
        }
        allWithin &= report(out, "Pitié IDT -> " + ColorLut3D.DEFAULT_SIZE + "³ LUT (" + PdfTransfer.DEFAULT_ITERATIONS + " iterations)", 60, w, n, () -> pdf.transfer(source, target));
        int[] previewOut = new int[preview.argb().length];
        String previewLabel = quick ? "192x108" : "1920x1080";
        report(out, "new LUT on a " + previewLabel + " preview (once)", Double.NaN, w, n,
                () -> new StrengthPreview(preview.argb(), lut, Interpolation.TETRAHEDRAL));
        StrengthPreview slider = new StrengthPreview(preview.argb(), lut, Interpolation.TETRAHEDRAL);
        double[] strength = {0.5};
        allWithin &= report(out, "LUT + strength on " + previewLabel + " (one repaint)", 15, w, n, () -> {
            strength[0] = strength[0] >= 1.4 ? 0.5 : strength[0] + 0.1; // a slider moving
            slider.render(strength[0], previewOut);
        });
        // the app renders these once per look; a slider move then mixes two of them on the GPU
        double[] sliderFrames = Strength.sliderFrames();
        double[] frameStrengths = Arrays.copyOfRange(sliderFrames, 1, sliderFrames.length); // the first is the photo itself
        int[][] frames = new int[frameStrengths.length][preview.argb().length];
        report(out, "a look's " + frameStrengths.length + " frames for the slider (once)", Double.NaN, w, n, () -> {
            for (int i = 0; i < frames.length; i++) {
                slider.render(frameStrengths[i], frames[i]);
            }
        });
        int[] largeOut = new int[large.argb().length];
        allWithin &= report(out, "LUT on " + largeLabel, 250, w, n, () -> lut.apply(large.argb(), largeOut, Interpolation.TETRAHEDRAL));
        int[] colored = lut.apply(medium.argb(), Interpolation.TETRAHEDRAL);
        allWithin &= report(out, "regrain on " + (quick ? "0.06 MP" : "6 MP"), 1500, Math.min(w, 1), Math.min(n, 3),
                () -> regrain.apply(medium.argb(), colored, medium.width(), medium.height()));

        TemporaryFolders.sweep("bench");
        Path dir = TemporaryFolders.make("bench");
        try {
            Path jpeg = dir.resolve("in.jpg");
            new PhotoExporter().export(medium, jpeg, ExportOptions.DEFAULT);
            Path result = dir.resolve("out.jpg");
            PhotoLoader loader = new PhotoLoader();
            Path largeJpeg = dir.resolve("large.jpg");
            new PhotoExporter().export(large, largeJpeg, ExportOptions.DEFAULT);
            report(out, "decode of a " + largeLabel + " JPEG", Double.NaN,
                    Math.min(w, 1), Math.min(n, 5), () -> loader.load(largeJpeg));
            report(out, "the same, reduced to 1,024 px", Double.NaN,
                    Math.min(w, 1), Math.min(n, 5), () -> loader.loadReduced(largeJpeg, 1024));
            ColorTransfer engine = new ColorTransfer();
            allWithin &= report(out, "transfer of a " + (quick ? "0.06" : "6") + " MP JPEG, in a warm JVM", 3000,
                    Math.min(w, 1), Math.min(n, 3), () -> {
                        Photo photo = loader.load(jpeg);
                        ColorLut3D l = engine.lut(ReferenceLook.histogram(photo), target); // as 'transfer' does
                        int[] px = engine.render(photo.argb(), photo.width(), photo.height(), l, 1.0, true);
                        new PhotoExporter().export(photo.withPixels(px), result, ExportOptions.DEFAULT.withOverwrite(true));
                    });
            if (photo != null) {
                allWithin &= reportWarmEnhance(out, loader, result, w, n);
            }
        } finally {
            TemporaryFolders.deleteTree(dir);
        }
        out.println();
        out.println("JVM start to file written is measured from outside, e.g.:");
        out.println("  hyperfine 'java -jar target/retone.jar transfer in.jpg --reference ref.jpg -o out.jpg --force'");
        if (quick) {
            out.println("(--quick: tiny photos, timings are not comparable with the budgets)");
        } else {
            out.println(allWithin ? "All steps within budget." : "Some steps over budget.");
        }
        out.flush();
        return ExitStatus.OK;
    }

    /** 'enhance' of --photo, load to file written, with the model already loaded (what a warm JVM does per photo). */
    private boolean reportWarmEnhance(PrintWriter out, PhotoLoader loader, Path result, int warmup, int runs) throws Exception {
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.loadDefault()) {
            AutoEnhancer enhancer = new AutoEnhancer(predictor, LookTransfer.DEFAULT.create(ColorLut3D.DEFAULT_SIZE));
            ColorTransfer engine = new ColorTransfer();
            Path output = result.resolveSibling("enhanced" + photo.getFileName().toString().replaceAll("^.*(\\.[^.]+)$", "$1"));
            return report(out, "enhance of " + photo.getFileName() + ", in a warm JVM", Double.NaN, Math.min(warmup, 2),
                    Math.min(runs, 5), () -> {
                        Photo p = loader.load(photo);
                        ColorLut3D l = enhancer.enhance(p.argb(), p.width(), p.height()).lut();
                        PhotoRender.export(engine, new PhotoExporter(), p, app.retone.core.render.Recipe.of(l, 1.0, LookTransfer.DEFAULT.regrainByDefault()), output,
                                ExportOptions.DEFAULT.withOverwrite(true));
                    });
        }
    }

    private static boolean report(PrintWriter out, String name, double budgetMs, int warmup, int runs, Step step) throws Exception {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            step.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[runs / 2];
        boolean within = Double.isNaN(budgetMs) || median <= budgetMs;
        out.printf(Locale.ROOT, "%-44s %10s %10s %10s  %s%n", name, fmt(median), fmt(ms[0]),
                Double.isNaN(budgetMs) ? "-" : fmt(budgetMs), Double.isNaN(budgetMs) ? "" : within ? "ok" : "OVER");
        out.flush();
        return within;
    }

    private static String fmt(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
