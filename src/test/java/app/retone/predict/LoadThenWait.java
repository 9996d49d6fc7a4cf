package app.retone.predict;

import java.nio.file.Path;

/**
 * A program for {@link OnnxNativesTest}: loads the shipped model as every run does, says so on
 * standard output, then waits to be killed.
 */
public final class LoadThenWait {

    private LoadThenWait() {
    }

    public static void main(String[] args) throws Exception {
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(Path.of(args[0]), ModelLocator.DEFAULT_MODEL)) {
            System.out.println("loaded " + predictor.description());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
