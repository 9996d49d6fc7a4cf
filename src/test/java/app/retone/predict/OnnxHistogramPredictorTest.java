package app.retone.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped model, run by ONNX Runtime through DJL, offline. */
class OnnxHistogramPredictorTest {

    static final Path MODELS = Path.of("models");
    static OnnxHistogramPredictor predictor;

    @BeforeAll
    static void load() throws PredictionException {
        predictor = OnnxHistogramPredictor.load(MODELS, ModelLocator.DEFAULT_MODEL);
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    static Histogram3D referenceInput(int bins) {
        return OnnxHistogramPredictor.referenceInput(bins);
    }

    @Test
    void onnxRuntimeGivesWhatPyTorchGaveWhenTheModelWasExported() throws PredictionException {
        JsonObject reference = predictor.card().json().getAsJsonObject("reference_output");
        float[] out = predictor.predict(referenceInput(predictor.bins())).normalized();
        JsonArray first = reference.getAsJsonArray("first_values");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).getAsDouble(), out[i], 1e-6 + 1e-3 * first.get(i).getAsDouble(), "value " + i);
        }
        int argmax = 0;
        double sumSquares = 0;
        for (int i = 0; i < out.length; i++) {
            argmax = out[i] > out[argmax] ? i : argmax;
            sumSquares += (double) out[i] * out[i];
        }
        assertEquals(reference.get("argmax").getAsInt(), argmax);
        assertEquals(reference.get("sum_of_squares").getAsDouble(), sumSquares, 1e-3 * sumSquares);
    }

    @Test
    void describesItselfInAUsersWordsFromItsCard() {
        assertEquals(ModelLocator.DEFAULT_MODEL + ": " + predictor.card().json().get("summary").getAsString(),
                predictor.description());
        assertTrue(predictor.description().contains("boosted trees"), predictor.description());
    }

    @Test
    void predictsANormalisedHistogramOfTheSameBins() throws PredictionException {
        Histogram3D source = AutoEnhancer.modelInput(SyntheticPhoto.landscape(400, 300, 1).argb(), 400, 300, 32);
        Histogram3D target = predictor.predict(source);
        assertEquals(32, target.bins());
        float sum = 0;
        for (float v : target.normalized()) {
            assertTrue(v >= 0 && Float.isFinite(v));
            sum += v;
        }
        assertEquals(1f, sum, 1e-3f);
    }

    @Test
    void isSafeToCallFromSeveralThreads() throws Exception {
        List<Histogram3D> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Histogram3D h = AutoEnhancer.modelInput(SyntheticPhoto.landscape(160, 120, 10 + i).argb(), 160, 120, 32);
            inputs.add(h);
            expected.add(predictor.predict(h).normalized());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Histogram3D h : inputs) {
                    results.add(pool.submit(() -> predictor.predict(h).normalized()));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(expected.get(i % inputs.size()), results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aMissingModelSaysWhereItLooked(@TempDir Path dir) {
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "histonet-v1"));
        assertEquals(PredictionException.Problem.MODEL_MISSING, e.problem());
        assertTrue(e.getMessage().contains("histonet-v1.onnx"), e.getMessage());
    }

    @Test
    void aMissingCardIsNamed(@TempDir Path dir) throws IOException {
        Files.copy(MODELS.resolve("histonet-v1.onnx"), dir.resolve("histonet-v1.onnx"));
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "histonet-v1"));
        assertEquals(PredictionException.Problem.MODEL_MISSING, e.problem());
        assertTrue(e.getMessage().contains("model card"), e.getMessage());
    }

    @Test
    void aTruncatedOrForeignModelFileIsBroken(@TempDir Path dir) throws IOException {
        byte[] model = Files.readAllBytes(MODELS.resolve("histonet-v1.onnx"));
        Files.copy(MODELS.resolve("histonet-v1.json"), dir.resolve("cut.json"));
        Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(model, model.length / 3));
        PredictionException cut = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "cut"));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, cut.problem());

        Files.copy(MODELS.resolve("histonet-v1.json"), dir.resolve("text.json"));
        Files.writeString(dir.resolve("text.onnx"), "this is not a model");
        PredictionException text = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "text"));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, text.problem());
        assertTrue(text.getMessage().contains("text.onnx"), text.getMessage());
    }

    @Test
    void aModelOfTheWrongShapeIsRefusedAtLoad(@TempDir Path dir) throws IOException {
        Files.copy(MODELS.resolve("histonet-v1.onnx"), dir.resolve("wrong.onnx"));
        String card = Files.readString(MODELS.resolve("histonet-v1.json")).replaceFirst("\"bins\": 32", "\"bins\": 16");
        Files.writeString(dir.resolve("wrong.json"), card);
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "wrong"));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, e.problem());
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void aCardOfAnotherModelIsCaughtAtLoad(@TempDir Path dir) throws IOException {
        Files.copy(MODELS.resolve("histonet-v1.onnx"), dir.resolve("other.onnx"));
        JsonObject card = predictor.card().json().deepCopy();
        card.getAsJsonObject("reference_output").addProperty("argmax", 0);
        card.getAsJsonObject("reference_output").getAsJsonArray("first_values").set(0, new com.google.gson.JsonPrimitive(0.5));
        Files.writeString(dir.resolve("other.json"), card.toString());
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "other"));
        assertTrue(e.getMessage().contains("does not match its model card"), e.getMessage());
    }

    @Test
    void unusableOutputsAreRefused() {
        float[] nan = new float[8];
        nan[3] = Float.NaN;
        assertEquals(PredictionException.Problem.BAD_OUTPUT,
                assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.checkedOutput(nan, 2)).problem());
        float[] infinite = new float[8];
        infinite[5] = Float.POSITIVE_INFINITY;
        assertEquals("it returned Infinity at bin 5",
                assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.checkedOutput(infinite, 2)).getMessage());
        float[] negative = {0.5f, 0.6f, -0.1f, 0, 0, 0, 0, 0};
        assertTrue(assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.checkedOutput(negative, 2))
                .getMessage().contains("negative"));
        assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.checkedOutput(new float[7], 2));
        assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.checkedOutput(new float[8], 2));
    }
}
