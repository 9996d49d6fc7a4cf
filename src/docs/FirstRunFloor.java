// The floor under the first run (docs/performance.md): what a cold JVM spends before
// 'retone enhance' can do any work of its own — the engine's start, the model's load and the
// photo's decode, each timed alone, in that order, in one fresh JVM.
//
// Usage (after 'mvn package'): javac -cp target/retone.jar -d /tmp/floor src/docs/FirstRunFloor.java &&
//        java -cp target/retone.jar:/tmp/floor FirstRunFloor PHOTO [MODELS_DIR]
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.predict.OnnxHistogramPredictor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

public class FirstRunFloor {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp target/retone.jar:CLASSES FirstRunFloor PHOTO [MODELS_DIR]");
            System.exit(2);
        }
        long startToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        long t1 = System.nanoTime();
        Path models = args.length > 1 ? Path.of(args[1]) : Path.of("models");
        try (var predictor = OnnxHistogramPredictor.load(models, ModelLocator.DEFAULT_MODEL)) {
            long t2 = System.nanoTime();
            var photo = new PhotoLoader().load(Path.of(args[0]));
            long t3 = System.nanoTime();
            System.out.printf("JVM start to main %d ms; ONNX Runtime engine start %d ms; model load %d ms; "
                            + "decode of %d x %d %d ms%n", startToMain, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    photo.width(), photo.height(), (t3 - t2) / 1_000_000);
        }
    }
}
