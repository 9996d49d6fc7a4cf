package app.retone.predict;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import app.retone.core.color.Histogram3D;
import app.retone.core.io.UserCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@link HistogramPredictor} backed by an ONNX model run by ONNX Runtime through DJL, offline.
 * The model is loaded once; calls from several threads each borrow one of a small pool of DJL
 * predictors (a DJL predictor is not thread-safe, the ONNX Runtime session behind them is).
 */
public final class OnnxHistogramPredictor implements HistogramPredictor {

    static {
        // never look for anything on the network: the model and the runtime ship with the app
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("DJL_CACHE_DIR", System.getProperty("DJL_CACHE_DIR",
                UserCache.home().resolve("retone").resolve("djl").toString()));
        OnnxNatives.load();
    }

    private final ModelCard card;
    /** The .onnx file's name, which every message about the model's answers starts with. */
    private final String fileName;
    private final ZooModel<float[], float[]> model;
    private final BlockingQueue<Predictor<float[], float[]>> pool;
    private final List<Predictor<float[], float[]>> all = new ArrayList<>();

    private OnnxHistogramPredictor(ModelCard card, String fileName, ZooModel<float[], float[]> model, int poolSize) {
        this.card = card;
        this.fileName = fileName;
        this.model = model;
        this.pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            Predictor<float[], float[]> p = model.newPredictor();
            all.add(p);
            pool.add(p);
        }
    }

    @Override
    public String description() {
        return card.name() + ": " + card.summary();
    }

    /**
     * Loads {@code name}.onnx and its card from {@code directory}, and checks it fits: its tensors
     * are what the card says, a uniform histogram comes back as a distribution, and the card's
     * reference input gives the card's reference output. A refusal names the file and says why.
     */
    public static OnnxHistogramPredictor load(Path directory, String name) throws PredictionException {
        Path onnx = directory.resolve(name + ".onnx");
        if (!Files.isRegularFile(onnx)) {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING,
                    "no model at " + onnx.toAbsolutePath() + " (set -Dretone.models=DIR to point elsewhere)");
        }
        ModelCard card = ModelCard.read(directory.resolve(name + ".json"));
        int bins = card.bins();
        Criteria<float[], float[]> criteria = Criteria.builder()
                .setTypes(float[].class, float[].class)
                .optModelPath(directory)
                .optModelName(name)
                .optEngine("OnnxRuntime")
                .optTranslator(new HistogramTranslator(bins, card.inputName()))
                .build();
        ZooModel<float[], float[]> model;
        try {
            model = criteria.loadModel();
        } catch (ModelNotFoundException e) {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING,
                    "the model " + onnx.getFileName() + " cannot be found (" + e.getMessage() + ")", e);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new PredictionException(PredictionException.Problem.MODEL_BROKEN,
                    "the model " + onnx.getFileName() + " is damaged or not an ONNX model (" + rootMessage(e) + ")", e);
        }
        String fileName = onnx.getFileName().toString();
        java.util.Optional<String> misfit = ModelSignature.read(onnx).flatMap(signature -> signature.misfit(card));
        if (misfit.isPresent()) {
            model.close();
            throw new PredictionException(PredictionException.Problem.MODEL_BROKEN,
                    "the model " + fileName + " does not fit Retone: " + misfit.get());
        }
        OnnxHistogramPredictor predictor = new OnnxHistogramPredictor(card, fileName, model,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            // a uniform histogram must come back as a distribution of the right size
            float[] uniform = new float[bins * bins * bins];
            java.util.Arrays.fill(uniform, 1f / uniform.length);
            predictor.answer(Histogram3D.ofMasses(bins, uniform));
            predictor.checkReference();
        } catch (PredictionException e) {
            predictor.close();
            if (e.getCause() instanceof InterruptedException) {
                throw e;
            }
            throw new PredictionException(PredictionException.Problem.MODEL_BROKEN,
                    "the model " + fileName + " does not fit Retone: " + e.getMessage(), e);
        }
        return predictor;
    }

    /**
     * The input of the card's reference output, as the trainer builds it (export.reference_input):
     * bin j proportional to (1 + (7 j) mod 13)^4.
     */
    public static Histogram3D referenceInput(int bins) {
        float[] h = new float[bins * bins * bins];
        for (int j = 0; j < h.length; j++) {
            h[j] = (float) Math.pow(1.0 + (7L * j) % 13, 4);
        }
        return Histogram3D.ofMasses(bins, h);
    }

    /**
     * When the card records what PyTorch answered for the reference input, ONNX Runtime must
     * answer the same: this catches a model exported with other axes, or a card of another model.
     */
    private void checkReference() throws PredictionException {
        com.google.gson.JsonObject json = card.json();
        if (!json.has("reference_output")) {
            return;
        }
        float[] out = answer(referenceInput(card.bins())).normalized();
        boolean same;
        try {
            com.google.gson.JsonObject reference = json.getAsJsonObject("reference_output");
            com.google.gson.JsonArray first = reference.getAsJsonArray("first_values");
            same = first != null && first.size() <= out.length;
            for (int i = 0; same && i < first.size(); i++) {
                double want = first.get(i).getAsDouble();
                same = Math.abs(out[i] - want) <= 1e-6 + 1e-3 * Math.abs(want);
            }
            if (same && reference.has("argmax")) {
                int argmax = 0;
                for (int i = 1; i < out.length; i++) {
                    argmax = out[i] > out[argmax] ? i : argmax;
                }
                same = argmax == reference.get("argmax").getAsInt();
            }
        } catch (RuntimeException e) {
            throw new PredictionException(PredictionException.Problem.BAD_OUTPUT,
                    "the reference_output of its model card cannot be read (" + rootMessage(e) + ")", e);
        }
        if (!same) {
            throw new PredictionException(PredictionException.Problem.BAD_OUTPUT,
                    "its answer to the reference input does not match its model card (another model, or another export)");
        }
    }

    public static OnnxHistogramPredictor loadDefault() throws PredictionException {
        return load(ModelLocator.defaultDirectory(), ModelLocator.DEFAULT_MODEL);
    }

    public ModelCard card() {
        return card;
    }

    @Override
    public int bins() {
        return card.bins();
    }

    /**
     * {@inheritDoc} A model that fails to run, or answers with NaN, negative mass, no mass or the
     * wrong number of values, gives a {@link PredictionException} that names the model's file.
     */
    @Override
    public Histogram3D predict(Histogram3D source) throws PredictionException {
        if (source.bins() != card.bins()) {
            throw new IllegalArgumentException("the model takes " + card.bins() + "³ histograms, got " + source.bins() + "³");
        }
        if (source.isEmpty()) {
            throw new PredictionException(PredictionException.Problem.FAILED, "the photo has no opaque pixels to judge");
        }
        try {
            return answer(source);
        } catch (PredictionException e) {
            if (e.getCause() instanceof InterruptedException) {
                throw e;
            }
            String how = e.problem() == PredictionException.Problem.BAD_OUTPUT ? " gave an unusable answer: " : " ";
            throw new PredictionException(e.problem(), "the model " + fileName + how + e.getMessage(), e);
        }
    }

    /**
     * The model's checked answer. Messages say what went wrong without naming the model: the
     * callers do ("does not fit Retone" at load, "gave an unusable answer" for a photo).
     */
    private Histogram3D answer(Histogram3D source) throws PredictionException {
        float[] output;
        Predictor<float[], float[]> predictor;
        try {
            predictor = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionException(PredictionException.Problem.FAILED, "prediction was interrupted", e);
        }
        try {
            output = predictor.predict(source.normalized());
        } catch (TranslateException | RuntimeException e) {
            throw new PredictionException(PredictionException.Problem.FAILED, "failed to run (" + rootMessage(e) + ")", e);
        } finally {
            pool.add(predictor);
        }
        return checkedOutput(output, card.bins());
    }

    /** Refuses an output of the wrong size, with NaN, or with negative mass; renormalises the rest. */
    static Histogram3D checkedOutput(float[] output, int bins) throws PredictionException {
        int cells = bins * bins * bins;
        if (output.length != cells) {
            throw new PredictionException(PredictionException.Problem.BAD_OUTPUT,
                    "it returned " + output.length + " values instead of " + cells + " (a " + bins + "³ histogram)");
        }
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            float v = output[i];
            if (!Float.isFinite(v)) {
                throw new PredictionException(PredictionException.Problem.BAD_OUTPUT, "it returned " + v + " at bin " + i);
            }
            if (v < -1e-6f) {
                throw new PredictionException(PredictionException.Problem.BAD_OUTPUT,
                        "it returned negative mass (" + v + ") at bin " + i);
            }
            sum += Math.max(0, v);
        }
        if (!(sum > 1e-6)) {
            throw new PredictionException(PredictionException.Problem.BAD_OUTPUT, "it returned an empty histogram (no mass in any bin)");
        }
        float[] clean = new float[cells];
        for (int i = 0; i < cells; i++) {
            clean[i] = Math.max(0, output[i]);
        }
        return Histogram3D.ofMasses(bins, clean);
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
        model.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    /** Owns the tensor layout: a flat B³ histogram in, [1, 1, B, B, B] to the model, flat B³ out. */
    static final class HistogramTranslator implements NoBatchifyTranslator<float[], float[]> {
        private final int bins;
        private final String inputName;

        HistogramTranslator(int bins, String inputName) {
            this.bins = bins;
            this.inputName = inputName;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, float[] histogram) {
            NDArray array = ctx.getNDManager().create(histogram, new Shape(1, 1, bins, bins, bins));
            array.setName(inputName);
            return new NDList(array);
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList list) {
            return list.singletonOrThrow().toFloatArray();
        }
    }
}
