package app.retone.predict;

import ai.djl.engine.Engine;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs and outputs an ONNX graph declares (names, element types, shapes), read through ONNX
 * Runtime's own API because DJL only gives the input names. It lets a model whose tensors do not
 * fit its card be refused at load with a sentence that says how, instead of ONNX Runtime's message
 * about indices on the first run.
 *
 * @param inputs  the graph's inputs (weights not included)
 * @param outputs the graph's outputs
 */
record ModelSignature(List<Tensor> inputs, List<Tensor> outputs) {

    /** One declared tensor; a dimension below 0 is symbolic (the batch axis, or a size only known when run). */
    record Tensor(String name, String type, long[] shape) {

        /** [N, 1, 32, 32, 32], with N for symbolic dimensions. */
        String shapeText() {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < shape.length; i++) {
                text.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "N" : Long.toString(shape[i]));
            }
            return text.append(']').toString();
        }
    }

    /** Reads the signature of {@code onnx}; empty when ONNX Runtime cannot describe it (the first run then judges). */
    static Optional<ModelSignature> read(Path onnx) {
        try {
            // DJL's engine creates ONNX Runtime's one environment with its own thread pool; had we
            // asked first, it would find a default one and refuse to start
            Engine.getEngine("OnnxRuntime");
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // only the declarations are read: without graph optimisation (which this second session
            // does not need) loading tonecurves-v2 cold took 0.45 s instead of 1.55 s
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            return describe(onnx, options);
        } catch (OrtException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ModelSignature> describe(Path onnx, OrtSession.SessionOptions options) {
        try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx.toString(), options)) {
            return Optional.of(new ModelSignature(tensors(session.getInputInfo()), tensors(session.getOutputInfo())));
        } catch (OrtException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Tensor> tensors(Map<String, NodeInfo> infos) {
        List<Tensor> tensors = new ArrayList<>();
        for (NodeInfo info : infos.values()) {
            if (info.getInfo() instanceof TensorInfo t) {
                tensors.add(new Tensor(info.getName(), t.type.name().toLowerCase(Locale.ROOT), t.getShape()));
            } else {
                tensors.add(new Tensor(info.getName(), "not a tensor", new long[0]));
            }
        }
        return tensors;
    }

    /**
     * Why a model of this signature cannot take what Retone gives it (one float32 tensor named as
     * the card says, [N, 1, B, B, B]) or cannot give one histogram back; empty when it fits. Sizes
     * only known when run are left to the run-time checks.
     */
    Optional<String> misfit(ModelCard card) {
        int b = card.bins();
        String wanted = "[N, 1, " + b + ", " + b + ", " + b + "]";
        if (inputs.size() != 1) {
            return Optional.of("it takes " + inputs.size() + " inputs (" + names(inputs) + "); Retone gives one, a histogram "
                    + wanted);
        }
        Tensor in = inputs.get(0);
        if (!in.name().equals(card.inputName())) {
            return Optional.of("its input is named '" + in.name() + "', but its card says '" + card.inputName() + "'");
        }
        if (!in.type().equals("float")) {
            return Optional.of("its input '" + in.name() + "' holds " + in.type() + " values; Retone gives float32");
        }
        if (!fits(in.shape(), b)) {
            return Optional.of("it takes '" + in.name() + "' as " + in.shapeText() + ", but Retone gives " + wanted
                    + " (the card's " + b + " bins)");
        }
        if (outputs.size() != 1) {
            return Optional.of("it has " + outputs.size() + " outputs (" + names(outputs) + "); Retone reads one histogram");
        }
        Tensor out = outputs.get(0);
        if (!out.type().equals("float")) {
            return Optional.of("its output '" + out.name() + "' holds " + out.type() + " values; Retone reads float32");
        }
        long values = valuesPerHistogram(out.shape());
        if (values >= 0 && values != (long) b * b * b) {
            return Optional.of("it answers '" + out.name() + "' as " + out.shapeText() + ", but Retone needs " + wanted
                    + " (" + (long) b * b * b + " values)");
        }
        return Optional.empty();
    }

    /**
     * How many values one answer holds: the product of the dimensions, the first left out when it is
     * the symbolic batch axis of a tensor of rank 2 or more; -1 when only the run can tell.
     */
    private static long valuesPerHistogram(long[] shape) {
        long values = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0) {
                values *= shape[i];
            } else if (i > 0 || shape.length < 2) {
                return -1;
            }
        }
        return values;
    }

    /** [N, 1, B, B, B], where any dimension may be symbolic (then the run decides). */
    private static boolean fits(long[] shape, int bins) {
        if (shape.length != 5) {
            return false;
        }
        long[] want = {-1, 1, bins, bins, bins};
        for (int i = 1; i < 5; i++) {
            if (shape[i] >= 0 && shape[i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    private static String names(List<Tensor> tensors) {
        return String.join(", ", tensors.stream().map(Tensor::name).toList());
    }
}
