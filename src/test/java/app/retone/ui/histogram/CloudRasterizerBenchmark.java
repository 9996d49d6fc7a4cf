package app.retone.ui.histogram;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the software renderer's frame: a photo's cloud (or an overlay of two) drawn with
 * the frame into a panel-sized raster, the camera turned a little each time as a drag does. Here,
 * beside the package-private renderer; run with
 * {@code mvn -Pjmh test-compile exec:exec -Djmh.args=CloudRasterizer}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CloudRasterizerBenchmark {

    /** The panel in the window at 1440 × 900 (380 × 240), and a large one. */
    @Param({"380x240", "800x600"})
    public String panel;

    private final CloudRasterizer rasterizer = new CloudRasterizer();
    private final CloudCamera camera = new CloudCamera();
    private HistogramCloud photo;
    private HistogramCloud overlay;
    private int width;
    private int height;

    @Setup
    public void setUp() {
        String[] size = panel.split("x");
        width = Integer.parseInt(size[0]);
        height = Integer.parseInt(size[1]);
        int[] pixels = SyntheticPhoto.landscape(2000, 1500, 3).argb();
        Histogram3D before = Histogram3D.of(pixels);
        photo = HistogramCloud.of(before);
        int[] brighter = pixels.clone();
        for (int i = 0; i < brighter.length; i++) {
            int p = brighter[i];
            brighter[i] = 0xFF000000 | Math.min(255, (p >> 16 & 0xFF) + 20) << 16 | (p & 0xFFFF);
        }
        overlay = HistogramCloud.overlay(before, Histogram3D.of(brighter));
        System.out.printf("%npoints: photo %d, overlay %d%n", photo.size(), overlay.size());
    }

    @Benchmark
    public int[] photoFrame() {
        camera.drag(3, 0);
        return rasterizer.render(photo, camera.projection(width, height), width, height);
    }

    @Benchmark
    public int[] overlayFrame() {
        camera.drag(3, 0);
        return rasterizer.render(overlay, camera.projection(width, height), width, height);
    }
}
