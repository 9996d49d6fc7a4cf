package app.retone.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Histogram3D;
import app.retone.testing.FaultyModels;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real ONNX models that are wrong on purpose, each refused with a sentence that names the file and the fault. */
class FaultyModelTest {

    @Test
    void theHealthyFixtureLoadsAndGivesItsInputBack() throws Exception {
        assertNull(FaultyModels.caughtAt(FaultyModels.HEALTHY));
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(FaultyModels.DIR, FaultyModels.HEALTHY)) {
            Histogram3D photo = FaultyModels.photoHistogram();
            float[] in = photo.normalized();
            float[] out = predictor.predict(photo).normalized();
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i], out[i], 1e-7, "bin " + i);
            }
        }
    }

    @Test
    void theHealthyFixtureOf16BinsLoadsAndMovesEveryBinOneRedBinUp() throws Exception {
        assertNull(FaultyModels.caughtAt(FaultyModels.HEALTHY_16_BINS));
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(FaultyModels.DIR, FaultyModels.HEALTHY_16_BINS)) {
            assertEquals(16, predictor.bins());
            int[] argb = app.retone.core.image.SyntheticPhoto.landscape(400, 300, 1).argb();
            Histogram3D photo = app.retone.predict.AutoEnhancer.modelInput(argb, 400, 300, 16);
            float[] in = photo.normalized();
            float[] out = predictor.predict(photo).normalized();
            double kept = 0;   // the mass that stays in the cube: all but the top red bins'
            for (int i = 0; i < 16 * 16 * 15; i++) {
                kept += in[i];
            }
            for (int i = 0; i < in.length; i++) {
                float expected = i < 16 * 16 ? 0 : (float) (in[i - 16 * 16] / kept); // bin (r, g, b) gets (r - 1, g, b)'s
                assertEquals(expected, out[i], 1e-6, "bin " + i);
            }
        }
    }

    static Stream<Arguments> caughtAtLoad() {
        return Stream.of(
                Arguments.of("nan-always", "does not fit Retone: it returned NaN at bin 0"),
                Arguments.of("negative-always", "does not fit Retone: it returned negative mass (-3.0517578E-5) at bin 0"),
                Arguments.of("zero-output", "does not fit Retone: it returned an empty histogram (no mass in any bin)"),
                Arguments.of("input-16-card-32", "does not fit Retone: it takes 'histogram' as [N, 1, 16, 16, 16],"
                        + " but Retone gives [N, 1, 32, 32, 32] (the card's 32 bins)"),
                Arguments.of("input-flat-card-32", "does not fit Retone: it takes 'histogram' as [N, 32768],"
                        + " but Retone gives [N, 1, 32, 32, 32] (the card's 32 bins)"),
                Arguments.of("input-named-x", "does not fit Retone: its input is named 'x', but its card says 'histogram'"),
                Arguments.of("output-16", "does not fit Retone: it answers 'target' as [N, 1, 16, 16, 16],"
                        + " but Retone needs [N, 1, 32, 32, 32] (32768 values)"),
                Arguments.of("truncated", "is damaged or not an ONNX model (")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caughtAtLoad")
    void aModelThatCannotWorkIsRefusedAtLoadWithTheReason(String name, String reason) throws IOException {
        assertEquals("load", FaultyModels.caughtAt(name), "the card and the test agree");
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(FaultyModels.DIR, name));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, e.problem());
        assertTrue(e.getMessage().startsWith("the model " + name + ".onnx " + reason), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    static Stream<Arguments> caughtAtPredict() {
        return Stream.of(
                Arguments.of("nan-on-empty-bins", "it returned NaN at bin "),
                Arguments.of("negative-on-empty-bins", "it returned negative mass (-1.0E-4) at bin "),
                Arguments.of("output-drops-empty-bins", "it returned ")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caughtAtPredict")
    void aModelThatFailsOnRealPhotosLoadsButItsAnswerIsRefused(String name, String reason) throws Exception {
        assertEquals("predict", FaultyModels.caughtAt(name), "the card and the test agree");
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(FaultyModels.DIR, name)) {
            // the card's reference output is exact, so the load got past it
            assertTrue(predictor.card().json().has("reference_output"));
            Histogram3D photo = FaultyModels.photoHistogram();
            PredictionException e = assertThrows(PredictionException.class, () -> predictor.predict(photo));
            assertEquals(PredictionException.Problem.BAD_OUTPUT, e.problem());
            assertTrue(e.getMessage().startsWith("the model " + name + ".onnx gave an unusable answer: " + reason), e.getMessage());
            // a refused answer does not use up the predictor: the reference input still gets an answer
            float[] reference = predictor.predict(OnnxHistogramPredictor.referenceInput(32)).normalized();
            assertEquals(32 * 32 * 32, reference.length);
        }
    }

    @Test
    void anOutputOfTheWrongSizeForAPhotoSaysHowManyValuesCameBack() throws Exception {
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(FaultyModels.DIR, "output-drops-empty-bins")) {
            Histogram3D photo = FaultyModels.photoHistogram();
            long nonEmpty = 0;
            for (float v : photo.normalized()) {
                nonEmpty += v > 0 ? 1 : 0;
            }
            PredictionException e = assertThrows(PredictionException.class, () -> predictor.predict(photo));
            assertTrue(e.getMessage().endsWith("it returned " + nonEmpty + " values instead of 32768 (a 32³ histogram)"),
                    e.getMessage());
        }
    }

    @Test
    void everyFixtureIsCoveredAndTiny() throws IOException {
        try (Stream<Path> files = Files.list(FaultyModels.DIR)) {
            for (Path onnx : files.filter(p -> p.toString().endsWith(".onnx")).toList()) {
                String name = onnx.getFileName().toString().replace(".onnx", "");
                assertTrue(name.equals(FaultyModels.HEALTHY) || name.equals(FaultyModels.HEALTHY_16_BINS)
                        || name.equals(FaultyModels.HEALTHY_64_BINS)
                        || FaultyModels.CAUGHT_AT_LOAD.contains(name)
                        || FaultyModels.CAUGHT_AT_PREDICT.contains(name), name + " is tested");
                assertTrue(Files.size(onnx) < 8192, name + " stays a few KB");
                assertTrue(Files.isRegularFile(FaultyModels.DIR.resolve(name + ".json")), name + " has its card");
            }
        }
    }

    @Test
    void aCardWithoutTheInputIsNamedWithWhatItLacks(@TempDir Path dir) throws IOException {
        Files.copy(FaultyModels.DIR.resolve("identity.onnx"), dir.resolve("m.onnx"));
        JsonObject card = JsonParser.parseString(Files.readString(FaultyModels.DIR.resolve("identity.json"))).getAsJsonObject();
        card.remove("input");
        Files.writeString(dir.resolve("m.json"), card.toString());
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "m"));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, e.problem());
        assertEquals("the model card m.json cannot be read (it has no \"input\")", e.getMessage());
    }

    @Test
    void aCardWhoseBinsNoModelMayHaveIsRefusedByTheOneBinsRule(@TempDir Path dir) throws IOException {
        Files.copy(FaultyModels.DIR.resolve("identity.onnx"), dir.resolve("m.onnx"));
        JsonObject card = JsonParser.parseString(Files.readString(FaultyModels.DIR.resolve("identity.json"))).getAsJsonObject();
        card.addProperty("bins", 4);
        Files.writeString(dir.resolve("m.json"), card.toString());
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "m"));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, e.problem());
        assertEquals("the model card m.json cannot be read (" + app.retone.core.color.Histogram3D.unsupportedBins("bins", 4)
                + ")", e.getMessage());
    }

    @Test
    void aCardWhoseReferenceOutputIsGarbledIsRefusedAtLoadNotThrownAsABug(@TempDir Path dir) throws IOException {
        Files.copy(FaultyModels.DIR.resolve("identity.onnx"), dir.resolve("m.onnx"));
        JsonObject card = JsonParser.parseString(Files.readString(FaultyModels.DIR.resolve("identity.json"))).getAsJsonObject();
        card.getAsJsonObject("reference_output").addProperty("first_values", "not a list");
        Files.writeString(dir.resolve("m.json"), card.toString());
        PredictionException e = assertThrows(PredictionException.class, () -> OnnxHistogramPredictor.load(dir, "m"));
        assertEquals(PredictionException.Problem.MODEL_BROKEN, e.problem());
        assertTrue(e.getMessage().startsWith("the model m.onnx does not fit Retone: the reference_output of its model card"
                + " cannot be read ("), e.getMessage());
    }

    @Test
    void aPhotoWithNothingOpaqueIsNotBlamedOnTheModel() throws Exception {
        try (OnnxHistogramPredictor predictor = OnnxHistogramPredictor.load(FaultyModels.DIR, FaultyModels.HEALTHY)) {
            Histogram3D clear = Histogram3D.of(new int[16], 32);
            PredictionException e = assertThrows(PredictionException.class, () -> predictor.predict(clear));
            assertEquals("the photo has no opaque pixels to judge", e.getMessage());
        }
    }

    @Test
    void modelSignaturesAreReadFromTheFile() {
        ModelSignature identity = ModelSignature.read(FaultyModels.DIR.resolve("identity.onnx")).orElseThrow();
        assertEquals(1, identity.inputs().size());
        assertEquals("histogram", identity.inputs().get(0).name());
        assertEquals("[N, 1, 32, 32, 32]", identity.inputs().get(0).shapeText());
        assertArrayEquals(new long[] {-1, 1, 32, 32, 32}, identity.outputs().get(0).shape());
        assertTrue(ModelSignature.read(FaultyModels.DIR.resolve("truncated.onnx")).isEmpty(), "a damaged file has none");
    }
}
