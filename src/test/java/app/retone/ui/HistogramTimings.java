package app.retone.ui;

import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.histogram.HistogramView;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.PoolTaskExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

/**
 * An instrumented start of the real window with a photo (not a test), for the histogram's two
 * ways of drawing: how long from the JVM's start until the window's first frame is drawn, and
 * until the photo's 3D histogram is; then how long a frame of turning the cloud takes. One start
 * per JVM: {@code src/docs/measure-histogram.sh} runs it several times per pipeline and reports
 * the medians (docs/performance.md, "The histogram without a GPU").
 *
 * <p>Frames are timed as {@link UiTimings} times the slider's: a change is "rendered" when the
 * pulse after the one that showed it begins, since JavaFX starts a pulse only once the renderer
 * finished the last frame. Turning is measured two ways: single drag steps (a mouse event, then
 * its frame rendered) and a continuous drag (one mouse event every pulse for {@code steps}
 * pulses: the mean time from one frame to the next).
 *
 * <p>Usage: {@code HistogramTimings PHOTO [drag-steps]}; with 0 steps only the start is timed
 * (the form that also runs against older code, for the start "before").
 */
public final class HistogramTimings {

    private HistogramTimings() {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path photo = Path.of(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 60;

        FxTools.startPlatform();
        double toolkitMs = System.currentTimeMillis() - jvmStart;
        PoolTaskExecutor executor = new PoolTaskExecutor(2, Platform::runLater);
        CachedPredictorSource model = new CachedPredictorSource(ModelLocator.defaultDirectory(), ModelLocator.DEFAULT_MODEL);
        Scene[] scene = new Scene[1];
        HistogramView[] view = new HistogramView[1];
        CompletableFuture<Double> windowShown = new CompletableFuture<>();
        CompletableFuture<Double> histogramShown = new CompletableFuture<>();
        double[] cpuAt = new double[2];
        FxTools.onFx(() -> {
            // as RetoneApp.start: the window, shown, the model loading meanwhile, then the photo of the command line
            MemorySettings settings = new MemorySettings();
            settings.putDouble("window.width", 1440);
            settings.putDouble("window.height", 900);
            AppViewModels models = AppViewModels.create(EditorServices.standard(
                    new PhotoLoader(ImageLimits.fromSystemProperties()), model, RetoneApp.previewBounds()), executor, settings);
            Stage stage = new Stage();
            MainController controller = MainWindow.create(stage, models, new ScriptedDialogs(), settings);
            stage.show();
            scene[0] = stage.getScene();
            view[0] = (HistogramView) scene[0].lookup("#histogram-view");
            executor.submit(BackgroundTask.of("Loading the model", context -> model.predictor()));
            controller.openFromOutside(List.of(photo));
            renderedAfter(scene[0], () -> true, jvmStart, windowShown, cpuAt, 0);
            renderedAfter(scene[0], () -> view[0].pointCount() > 0, jvmStart, histogramShown, cpuAt, 1);
        });
        double window = windowShown.get(120, TimeUnit.SECONDS);
        double histogram = histogramShown.get(120, TimeUnit.SECONDS);
        String pipeline = Platform.isSupported(ConditionalFeature.SCENE3D) ? "JavaFX 3D (ES2)" : "JavaFX software";
        int[] points = new int[1];
        FxTools.onFx(() -> points[0] = view[0].pointCount());
        System.out.printf(Locale.ROOT, "pipeline: %s; histogram drawn by: %s; %d points%n", pipeline, rendererOf(view[0]), points[0]);
        System.out.printf(Locale.ROOT, "START toolkit %.0f ms, window drawn %.0f ms, photo's histogram drawn %.0f ms "
                + "(from the JVM's start); CPU time by then %.0f ms, %.0f ms%n", toolkitMs, window, histogram, cpuAt[0], cpuAt[1]);
        if (steps > 0) {
            Thread.sleep(1500); // the look arrives and the panel settles
            List<Double> single = new ArrayList<>();
            List<Double> laidOut = new ArrayList<>();
            Point2D centre = centreOf(view[0]);
            FxTools.onFx(() -> Event.fireEvent(view[0], mouse(MouseEvent.MOUSE_PRESSED, view[0], centre.getX(), centre.getY())));
            double x = centre.getX();
            for (int i = 0; i < steps; i++) {
                x += i % 20 < 10 ? 6 : -6;
                double at = x;
                CompletableFuture<Double> shown = new CompletableFuture<>();
                CompletableFuture<Double> rendered = new CompletableFuture<>();
                FxTools.onFx(() -> {
                    long t0 = System.nanoTime();
                    Event.fireEvent(view[0], mouse(MouseEvent.MOUSE_DRAGGED, view[0], at, centre.getY()));
                    afterPulses(scene[0], 1, t0, shown);
                    afterPulses(scene[0], 2, t0, rendered);
                });
                laidOut.add(shown.get(10, TimeUnit.SECONDS));
                single.add(rendered.get(10, TimeUnit.SECONDS));
                Thread.sleep(40);
            }
            double continuous = continuousDrag(scene[0], view[0], centre, steps);
            FxTools.onFx(() -> Event.fireEvent(view[0], mouse(MouseEvent.MOUSE_RELEASED, view[0], centre.getX(), centre.getY())));
            report("drag step -> frame laid out", laidOut);
            report("drag step -> that frame rendered", single);
            System.out.printf(Locale.ROOT, "ROTATE continuous drag: %.1f ms per frame (%d frames)%n", continuous, steps);
        }
        executor.close();
        model.close();
        Platform.exit();
        System.exit(0);
    }

    private static double processCpuMs() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e6 : Double.NaN;
    }

    private static String rendererOf(HistogramView view) {
        try {
            return String.valueOf(HistogramView.class.getMethod("renderer").invoke(view));
        } catch (ReflectiveOperationException e) {
            return "(the view before HistogramRenderer)";
        }
    }

    /**
     * Completes {@code done} with the ms from {@code jvmStart} to the start of the pulse after the
     * first one laid out with {@code ready}, and puts the process's CPU time by then (all its
     * threads, Mesa's rendering ones included) into {@code cpu[at]}: the work the start took,
     * which other processes on the machine change less than the wall time.
     */
    private static void renderedAfter(Scene scene, java.util.function.BooleanSupplier ready, long jvmStart,
                                      CompletableFuture<Double> done, double[] cpu, int at) {
        boolean[] seen = new boolean[1];
        Runnable[] before = new Runnable[1];
        Runnable[] after = new Runnable[1];
        before[0] = () -> {
            if (seen[0]) {
                scene.removePreLayoutPulseListener(before[0]);
                cpu[at] = processCpuMs();
                done.complete((double) (System.currentTimeMillis() - jvmStart));
            }
        };
        after[0] = () -> {
            if (ready.getAsBoolean()) {
                seen[0] = true;
                scene.removePostLayoutPulseListener(after[0]);
                Platform.requestNextPulse();
            }
        };
        scene.addPreLayoutPulseListener(before[0]);
        scene.addPostLayoutPulseListener(after[0]);
        Platform.requestNextPulse();
    }

    /** Completes {@code done} with the ms since {@code t0} when the {@code n}th pulse from now reaches its layout's end (n = 1) or begins (n = 2). */
    private static void afterPulses(Scene scene, int n, long t0, CompletableFuture<Double> done) {
        if (n == 1) {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                done.complete((System.nanoTime() - t0) / 1e6);
            };
            scene.addPostLayoutPulseListener(listener[0]);
        } else {
            int[] pulses = new int[1];
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (++pulses[0] == n) {
                    scene.removePreLayoutPulseListener(listener[0]);
                    done.complete((System.nanoTime() - t0) / 1e6);
                } else {
                    Platform.requestNextPulse();
                }
            };
            scene.addPreLayoutPulseListener(listener[0]);
        }
        Platform.requestNextPulse();
    }

    /** A drag that moves every pulse for {@code frames} pulses: the mean time between their starts. */
    private static double continuousDrag(Scene scene, HistogramView view, Point2D centre, int frames) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        FxTools.onFx(() -> new AnimationTimer() {
            private int frame;
            private long first;
            private double x = centre.getX();

            @Override
            public void handle(long now) {
                if (frame == 0) {
                    first = now;
                } else if (frame == frames) {
                    stop();
                    done.complete((now - first) / 1e6 / frames);
                    return;
                }
                x += 5;
                Event.fireEvent(view, mouse(MouseEvent.MOUSE_DRAGGED, view, x, centre.getY()));
                frame++;
            }
        }.start());
        return done.get(120, TimeUnit.SECONDS);
    }

    private static Point2D centreOf(HistogramView view) throws Exception {
        CompletableFuture<Point2D> centre = new CompletableFuture<>();
        FxTools.onFx(() -> centre.complete(view.localToScene(view.getWidth() / 2, view.getHeight() / 2)));
        return centre.get();
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, HistogramView view, double sceneX, double sceneY) {
        // x and y are the scene's: the event is given the view's own as it is delivered
        return new MouseEvent(view, view, type, sceneX, sceneY, sceneX, sceneY, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null);
    }

    private static void report(String what, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "ROTATE %-34s median %6.1f ms   p90 %6.1f ms   (n=%d)%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))],
                sorted.length);
    }
}
