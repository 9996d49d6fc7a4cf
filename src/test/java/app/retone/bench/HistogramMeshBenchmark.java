package app.retone.bench;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import app.retone.ui.histogram.HistogramCloud;
import app.retone.ui.histogram.HistogramMeshFactory;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of rebuilding the histogram panel's points: the cloud, the mesh arrays, and
 * the copy into a JavaFX mesh and palette (the budget is well under 100 ms for 10–30 thousand
 * non-empty bins). Run with {@code mvn -Pjmh test-compile exec:exec -Djmh.args=HistogramMesh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HistogramMeshBenchmark {

    private static final float CUBE_SIDE = 100;

    private Histogram3D photo24mp;
    private Histogram3D noisy;
    private Histogram3D everyBin;
    /** Held so the setting sticks: JavaFX warns on every new mesh when no 3D-capable toolkit is running. */
    private Logger meshLogger;

    @Setup(Level.Trial)
    public void setUp() {
        meshLogger = Logger.getLogger("javafx.scene.shape.Mesh");
        meshLogger.setLevel(java.util.logging.Level.SEVERE);
        photo24mp = Histogram3D.of(SyntheticPhoto.landscape(6000, 4000, 1).argb());
        noisy = Histogram3D.of(withNoise(SyntheticPhoto.landscape(2000, 1500, 3).argb(), 60, 1));
        everyBin = Histogram3D.of(randomPixels(1 << 20, 2));
        System.out.printf("%nnon-empty bins (drawn points): 24 MP photo %d (%d), noisy 3 MP photo %d (%d), random %d (%d)%n",
                photo24mp.nonEmptyBins(), HistogramCloud.of(photo24mp).size(),
                noisy.nonEmptyBins(), HistogramCloud.of(noisy).size(),
                everyBin.nonEmptyBins(), HistogramCloud.of(everyBin).size());
    }

    /** Adds uniform noise of ± {@code amplitude} per channel, which spreads the histogram over ~20 k bins. */
    private static int[] withNoise(int[] argb, int amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = clamp((p >>> 16 & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
            int g = clamp((p >>> 8 & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
            int b = clamp((p & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** Uniformly random opaque pixels: about 32 per bin, so all 32 768 bins are filled (the worst case). */
    private static int[] randomPixels(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    @Benchmark
    public HistogramCloud cloud24mp() {
        return HistogramCloud.of(photo24mp);
    }

    @Benchmark
    public HistogramMeshFactory.MeshArrays cloudAndMeshArrays24mp() {
        return HistogramMeshFactory.arrays(HistogramCloud.of(photo24mp), CUBE_SIDE);
    }

    @Benchmark
    public HistogramMeshFactory.MeshArrays cloudAndMeshArraysNoisy() {
        return HistogramMeshFactory.arrays(HistogramCloud.of(noisy), CUBE_SIDE);
    }

    @Benchmark
    public HistogramMeshFactory.MeshArrays cloudAndMeshArraysEveryBin() {
        return HistogramMeshFactory.arrays(HistogramCloud.of(everyBin), CUBE_SIDE);
    }

    @Benchmark
    public HistogramMeshFactory.MeshArrays overlayCloudAndMeshArrays() {
        return HistogramMeshFactory.arrays(HistogramCloud.overlay(photo24mp, noisy), CUBE_SIDE);
    }

    /** The whole rebuild the view does on the FX thread: cloud, arrays, TriangleMesh and palette image. */
    @Benchmark
    public HistogramMeshFactory.PointMesh fullRebuildNoisy() {
        return HistogramMeshFactory.build(HistogramCloud.of(noisy), CUBE_SIDE);
    }

    @Benchmark
    public HistogramMeshFactory.PointMesh fullRebuildEveryBin() {
        return HistogramMeshFactory.build(HistogramCloud.of(everyBin), CUBE_SIDE);
    }
}
