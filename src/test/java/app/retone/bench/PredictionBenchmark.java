package app.retone.bench;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.Photo;
import app.retone.core.image.SyntheticPhoto;
import app.retone.predict.AutoEnhancer;
import app.retone.predict.OnnxHistogramPredictor;
import app.retone.predict.PredictionException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One prediction of the shipped model (budget ≤ 50 ms on 2 cores), single-threaded and from two threads. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PredictionBenchmark {

    private OnnxHistogramPredictor predictor;
    private Histogram3D input;

    @Setup(Level.Trial)
    public void setUp() throws PredictionException {
        predictor = OnnxHistogramPredictor.load(Path.of("models"), "histonet-v1");
        Photo photo = SyntheticPhoto.landscape(1600, 1200, 1);
        input = AutoEnhancer.modelInput(photo.argb(), photo.width(), photo.height(), predictor.bins());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        predictor.close();
    }

    @Benchmark
    public Histogram3D predict() throws PredictionException {
        return predictor.predict(input);
    }

    @Benchmark
    @Threads(2)
    public Histogram3D predictFromTwoThreads() throws PredictionException {
        return predictor.predict(input);
    }
}
