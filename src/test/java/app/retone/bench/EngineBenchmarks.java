package app.retone.bench;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.Photo;
import app.retone.core.image.SyntheticPhoto;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the engine steps with a budget in docs/performance.md. Run with
 * {@code mvn -Pjmh test-compile exec:exec} (see docs/performance.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmarks {

    private Photo photo24mp;
    private Photo photo6mp;
    private Photo preview;
    private int[] colored6mp;
    private int[] out24mp;
    private int[] outPreview;
    private Histogram3D source;
    private Histogram3D target;
    private ColorLut3D lut;
    private StrengthPreview slider;
    private final PdfTransfer pdfTransfer = new PdfTransfer();
    private final Regrain regrain = new Regrain();
    private double strength = 0.5;

    @Setup(Level.Trial)
    public void setUp() {
        photo24mp = SyntheticPhoto.landscape(6000, 4000, 1);
        photo6mp = SyntheticPhoto.landscape(3000, 2000, 2);
        preview = SyntheticPhoto.landscape(1920, 1080, 3);
        source = Histogram3D.of(photo24mp.argb());
        target = Histogram3D.of(SyntheticPhoto.landscape(1200, 800, 4).argb());
        lut = pdfTransfer.transfer(source, target);
        colored6mp = lut.apply(photo6mp.argb(), Interpolation.TETRAHEDRAL);
        out24mp = new int[photo24mp.argb().length];
        outPreview = new int[preview.argb().length];
        slider = new StrengthPreview(preview.argb(), lut, Interpolation.TETRAHEDRAL);
    }

    @Benchmark
    public Histogram3D histogram24mp() {
        return Histogram3D.of(photo24mp.argb());
    }

    @Benchmark
    public ColorLut3D pdfTransferTo33CubedLut() {
        return pdfTransfer.transfer(source, target);
    }

    @Benchmark
    public int[] sliderMoveOn1080pPreview() {
        strength = strength >= 1.4 ? 0.5 : strength + 0.1;
        slider.render(strength, outPreview);
        return outPreview;
    }

    @Benchmark
    public StrengthPreview newLutOn1080pPreview() {
        return new StrengthPreview(preview.argb(), lut, Interpolation.TETRAHEDRAL);
    }

    @Benchmark
    public int[] lutTetrahedral24mp() {
        lut.apply(photo24mp.argb(), out24mp, Interpolation.TETRAHEDRAL);
        return out24mp;
    }

    @Benchmark
    public int[] lutTrilinear24mp() {
        lut.apply(photo24mp.argb(), out24mp, Interpolation.TRILINEAR);
        return out24mp;
    }

    @Benchmark
    public int[] regrain6mp() {
        return regrain.apply(photo6mp.argb(), colored6mp, photo6mp.width(), photo6mp.height());
    }
}
