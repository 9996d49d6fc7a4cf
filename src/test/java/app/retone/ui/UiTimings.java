package app.retone.ui;

import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.PoolTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * An instrumented run of the real window (not a test): opens a photo several times and moves the
 * strength slider, and prints how long a person waits. Times are taken on the FX thread at the end
 * of the layout pass of the pulse that first shows the change, i.e. just before that frame is drawn.
 *
 * <p>Run with {@code src/docs/measure-ui.sh PHOTO} (see docs/performance.md).
 */
public final class UiTimings {

    private UiTimings() {
    }

    /** Pulses begun since the run started, counted by a scene pre-layout listener added before the window's own. */
    private static long pulses;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: UiTimings PHOTO [opens] [slider-moves]");
            System.exit(2);
        }
        Path photo = Path.of(args[0]);
        int opens = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int moves = args.length > 2 ? Integer.parseInt(args[2]) : 60;

        FxTools.startPlatform();
        PoolTaskExecutor executor = new PoolTaskExecutor(2, Platform::runLater);
        CachedPredictorSource model = new CachedPredictorSource(ModelLocator.defaultDirectory(), ModelLocator.DEFAULT_MODEL);
        EditorViewModel[] vm = new EditorViewModel[1];
        Scene[] scene = new Scene[1];
        app.retone.ui.editor.PreviewBounds[] previewEdge = new app.retone.ui.editor.PreviewBounds[1];
        FxTools.onFx(() -> {
            previewEdge[0] = RetoneApp.previewBounds();
            AppViewModels models = AppViewModels.create(EditorServices.standard(new PhotoLoader(ImageLimits.fromSystemProperties()), model,
                    previewEdge[0]), executor, new MemorySettings());
            vm[0] = models.editor();
            Stage stage = new Stage();
            MainWindow.create(stage, models, new ScriptedDialogs(), new MemorySettings());
            stage.setMaximized(true);
            stage.show();
            scene[0] = stage.getScene();
        });
        // the app loads the model at start, while the user picks a photo
        CompletableFuture<Object> loaded = new CompletableFuture<>();
        executor.submit(BackgroundTask.of("model", c -> model.predictor()).onSuccess(loaded::complete)
                .onFailure(loaded::completeExceptionally));
        loaded.get(60, TimeUnit.SECONDS);

        List<Double> firstPaint = new ArrayList<>();
        List<Double> prediction = new ArrayList<>();
        for (int run = 0; run < opens; run++) {
            CompletableFuture<Double> painted = new CompletableFuture<>();
            CompletableFuture<Double> predicted = new CompletableFuture<>();
            long[] t0 = new long[1];
            FxTools.onFx(() -> {
                vm[0].session().beforeProperty().addListener(new OneShot<>(() -> afterNextPulse(scene[0], t0, painted)));
                vm[0].look().hasLookProperty().addListener((obs, old, now) -> {
                    if (now && !predicted.isDone()) {
                        afterNextPulse(scene[0], t0, predicted);
                    }
                });
                vm[0].adjustments().strengthProperty().set(1.0);
                t0[0] = System.nanoTime();
                vm[0].open(photo);
            });
            firstPaint.add(painted.get(60, TimeUnit.SECONDS));
            prediction.add(predicted.get(60, TimeUnit.SECONDS) - firstPaint.get(firstPaint.size() - 1));
            Thread.sleep(300);
        }

        javafx.scene.control.Slider slider = (javafx.scene.control.Slider) scene[0].lookup(".slider");
        app.retone.ui.photo.PhotoView view = (app.retone.ui.photo.PhotoView) scene[0].lookup("#photo-view");
        List<Double> laidOutFit = new ArrayList<>();
        List<Double> renderedFit = new ArrayList<>();
        List<Double> workFit = new ArrayList<>();
        List<Long> framesFit = new ArrayList<>();
        moveSlider(scene[0], slider, moves, laidOutFit, renderedFit, workFit, framesFit,
                random -> 20 + random.nextDouble() * 130);
        // a drag of the Develop section's Exposure at fit: the quick LUT while dragging, the exact one on release
        javafx.scene.control.Slider exposure = (javafx.scene.control.Slider) scene[0].lookup("#develop-exposure");
        List<Double> laidOutDevelop = new ArrayList<>();
        List<Double> renderedDevelop = new ArrayList<>();
        List<Double> workDevelop = new ArrayList<>();
        List<Long> framesDevelop = new ArrayList<>();
        FxTools.onFx(() -> exposure.setValueChanging(true));
        moveSlider(scene[0], exposure, moves, laidOutDevelop, renderedDevelop, workDevelop, framesDevelop,
                random -> -1.5 + random.nextDouble() * 3);
        CompletableFuture<Double> settled = new CompletableFuture<>();
        long[] released = new long[1];
        FxTools.onFx(() -> {
            vm[0].preview().afterProperty().addListener(new OneShot<>(() -> afterNextPulse(scene[0], released, settled)));
            released[0] = System.nanoTime();
            exposure.setValueChanging(false);
        });
        double settle = settled.get(30, TimeUnit.SECONDS);
        FxTools.onFx(() -> vm[0].develop().resetAll()); // the strength at 50 % is timed without adjustments, as before
        Thread.sleep(1000);
        // half size: the view shows full-resolution detail at the screen's resolution
        FxTools.onFx(() -> view.setZoom(0.5));
        Thread.sleep(2500);
        List<Double> laidOutHalf = new ArrayList<>();
        List<Double> renderedHalf = new ArrayList<>();
        List<Double> workHalf = new ArrayList<>();
        List<Long> framesHalf = new ArrayList<>();
        moveSlider(scene[0], slider, moves, laidOutHalf, renderedHalf, workHalf, framesHalf,
                random -> 20 + random.nextDouble() * 130);
        // and a drag of Exposure at 50 %: the display copy and the detail repainted with the coarse LUT
        List<Double> laidOutDevelopHalf = new ArrayList<>();
        List<Double> renderedDevelopHalf = new ArrayList<>();
        List<Double> workDevelopHalf = new ArrayList<>();
        List<Long> framesDevelopHalf = new ArrayList<>();
        FxTools.onFx(() -> exposure.setValueChanging(true));
        moveSlider(scene[0], exposure, moves, laidOutDevelopHalf, renderedDevelopHalf, workDevelopHalf, framesDevelopHalf,
                random -> -1.5 + random.nextDouble() * 3);
        FxTools.onFx(() -> exposure.setValueChanging(false));
        var shownDetail = vm[0].detail().detailProperty().get();
        var frame = vm[0].session().beforeProperty().get();
        System.out.printf(Locale.ROOT, "photo %s, preview %d x %d (fits %d x %d), %d opens, %d slider moves%n",
                photo.getFileName(), frame.width(), frame.height(), previewEdge[0].width(), previewEdge[0].height(),
                opens, moves);
        report("open -> first paint", firstPaint.subList(1, firstPaint.size()));
        report("first paint -> prediction on screen", prediction.subList(1, prediction.size()));
        report("slider move -> frame laid out (fit)", laidOutFit);
        report("slider move -> that frame rendered (fit)", renderedFit);
        report("  the FX thread's work in that frame (fit)", workFit);
        reportFrames("fit", framesFit);
        report("develop drag -> frame laid out (fit)", laidOutDevelop);
        report("develop drag -> that frame rendered (fit)", renderedDevelop);
        report("  the FX thread's work in that frame (develop)", workDevelop);
        reportFrames("develop", framesDevelop);
        System.out.printf(Locale.ROOT, "develop released -> the exact frame on screen: %.0f ms%n", settle);
        System.out.printf(Locale.ROOT, "at 50 %%: detail %s%n", shownDetail == null ? "none"
                : shownDetail.before().width() + " x " + shownDetail.before().height() + " px");
        report("slider move -> frame laid out (50 %, detail)", laidOutHalf);
        report("slider move -> that frame rendered (50 %, detail)", renderedHalf);
        report("  the FX thread's work in that frame (50 %)", workHalf);
        reportFrames("50 %", framesHalf);
        report("develop drag -> frame laid out (50 %, detail)", laidOutDevelopHalf);
        report("  the FX thread's work in that frame (develop, 50 %)", workDevelopHalf);
        reportFrames("develop, 50 %", framesDevelopHalf);
        System.out.printf(Locale.ROOT, "(first open, JVM cold: first paint %.0f ms, prediction +%.0f ms)%n",
                firstPaint.get(0), prediction.get(0));
        executor.close();
        model.close();
        Platform.exit();
        System.exit(0);
    }

    /** How many pulses began between a move and the end of the layout that shows it: 1 is the very next frame. */
    private static void reportFrames(String what, List<Long> frames) {
        long next = frames.stream().filter(f -> f == 1).count();
        System.out.printf(Locale.ROOT, "  shown in the next frame (%s): %d of %d moves; at most %d frames later%n",
                what, next, frames.size(), frames.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static void report(String what, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-50s median %7.1f ms   p90 %7.1f ms   max %7.1f ms   (n=%d)%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))],
                sorted[sorted.length - 1], sorted.length);
        if (Arrays.stream(sorted).anyMatch(Double::isNaN)) {
            throw new IllegalStateException("missing timings");
        }
    }

    /**
     * Moves the slider as a drag does (its value changes; the window applies it on the next frame)
     * and times the frame that shows it: laid out, and rendered (the next pulse starts only after
     * the renderer finished the previous frame).
     */
    private static void moveSlider(Scene scene, javafx.scene.control.Slider slider, int moves, List<Double> laidOut,
                                   List<Double> rendered, List<Double> work, List<Long> frames,
                                   java.util.function.ToDoubleFunction<java.util.Random> values) throws Exception {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < moves; i++) {
            double value = values.applyAsDouble(random);
            CompletableFuture<Double> shown = new CompletableFuture<>();
            CompletableFuture<Double> next = new CompletableFuture<>();
            long[] t0 = new long[1];
            long[] pulseStart = new long[1];
            long[] pulsesBefore = new long[1];
            double[] workMs = new double[1];
            long[] framesTaken = new long[1];
            // counts pulses and stamps the start of each one's layout phase; added before the move,
            // it runs before the window's own listener that applies the slider's value
            Runnable clock = () -> {
                pulseStart[0] = System.nanoTime();
                pulses++;
            };
            FxTools.onFx(() -> {
                scene.addPreLayoutPulseListener(clock);
                t0[0] = System.nanoTime();
                pulsesBefore[0] = pulses;
                slider.setValue(value);
                afterNextPulse(scene, t0, shown, () -> {
                    workMs[0] = (System.nanoTime() - pulseStart[0]) / 1e6;
                    framesTaken[0] = pulses - pulsesBefore[0];
                    scene.removePreLayoutPulseListener(clock);
                });
            });
            laidOut.add(shown.get(10, TimeUnit.SECONDS));
            work.add(workMs[0]);
            frames.add(framesTaken[0]);
            FxTools.onFx(() -> afterNextPulse(scene, t0, next));
            rendered.add(next.get(10, TimeUnit.SECONDS));
            Thread.sleep(30);
        }
    }

    private static void afterNextPulse(Scene scene, long[] t0, CompletableFuture<Double> done) {
        afterNextPulse(scene, t0, done, () -> { });
    }

    private static void afterNextPulse(Scene scene, long[] t0, CompletableFuture<Double> done, Runnable alsoThen) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            alsoThen.run();
            done.complete((System.nanoTime() - t0[0]) / 1e6);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** A change listener that acts on the first change only, then removes itself. */
    private static final class OneShot<T> implements javafx.beans.value.ChangeListener<T> {
        private final Runnable action;

        OneShot(Runnable action) {
            this.action = action;
        }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends T> obs, T old, T now) {
            obs.removeListener(this);
            action.run();
        }
    }
}
