package app.retone.predict;

import app.retone.core.color.Histogram3D;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parts of a model card ({@code models/NAME.json}) the app relies on.
 *
 * @param name       the model's name (file name without extension)
 * @param bins       histogram bins per channel ({@link Histogram3D#isSupportedBins})
 * @param inputName  the ONNX input tensor's name
 * @param outputName the ONNX output tensor's name
 * @param opset      the ONNX opset
 * @param parameters the parameter count
 * @param json       the whole card, for display
 */
public record ModelCard(String name, int bins, String inputName, String outputName, int opset, long parameters, JsonObject json) {

    public static ModelCard read(Path path) throws PredictionException {
        if (!Files.isRegularFile(path)) {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING,
                    "the model card " + path + " is missing (it sits beside the .onnx file)");
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8)).getAsJsonObject();
            int bins = Histogram3D.checkSupportedBins(required(o, "bins").getAsInt());
            return new ModelCard(required(o, "name").getAsString(), bins, text(o, "input"), text(o, "output"),
                    required(o, "opset").getAsInt(), o.has("parameters") ? o.get("parameters").getAsLong() : -1, o);
        } catch (IOException | RuntimeException e) {
            throw new PredictionException(PredictionException.Problem.MODEL_BROKEN,
                    "the model card " + path.getFileName() + " cannot be read (" + app.retone.core.Errors.oneLine(e) + ")", e);
        }
    }

    private static JsonElement required(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("it has no \"" + key + "\"");
        }
        return e;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = required(o, key);
        return e.isJsonObject() ? required(e.getAsJsonObject(), "name").getAsString() : e.getAsString();
    }

    /**
     * What the model is, in a user's words (the card's {@code summary}, e.g. "boosted trees on
     * histogram statistics predict three tone curves"), or its name when the card has none.
     */
    public String summary() {
        JsonElement e = json.get("summary");
        return e != null && e.isJsonPrimitive() ? e.getAsString() : name;
    }
}
