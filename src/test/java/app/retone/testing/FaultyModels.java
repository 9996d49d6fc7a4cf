package app.retone.testing;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.SyntheticPhoto;
import app.retone.predict.AutoEnhancer;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ONNX models that are wrong on purpose (src/test/resources/fixtures/models, made by
 * src/training/make_fault_models.py). Each card says in {@code fault.caught_at} whether Retone
 * must refuse it at load or when it answers for a photo.
 */
public final class FaultyModels {

    public static final Path DIR = Path.of("src/test/resources/fixtures/models");

    /** A healthy model that gives its input back: the fixtures themselves are sound. */
    public static final String HEALTHY = "identity";

    /**
     * A healthy model of 16 bins (its card says 16): every bin's mass moves one red bin up. A card
     * may give 8 to 64 bins; the app and the command line must both take it at its word.
     */
    public static final String HEALTHY_16_BINS = "redder-16";

    /** The same model at 64 bins, the largest a card may give (its card says 64). */
    public static final String HEALTHY_64_BINS = "redder-64";

    /** Refused at load: the shape check, the uniform input or the reference input shows the fault. */
    public static final List<String> CAUGHT_AT_LOAD = List.of("nan-always", "negative-always", "zero-output",
            "input-16-card-32", "input-flat-card-32", "input-named-x", "output-16", "truncated");

    /** Loaded (they answer the uniform and reference inputs well), refused for a photo with empty bins. */
    public static final List<String> CAUGHT_AT_PREDICT = List.of("nan-on-empty-bins", "negative-on-empty-bins",
            "output-drops-empty-bins");

    private FaultyModels() {
    }

    /** "load", "predict", or null for the healthy model: what the fixture's card promises. */
    public static String caughtAt(String name) throws IOException {
        JsonElement at = JsonParser.parseString(Files.readString(DIR.resolve(name + ".json")))
                .getAsJsonObject().getAsJsonObject("fault").get("caught_at");
        return at.isJsonNull() ? null : at.getAsString();
    }

    /** The model's input for a generated photo: like every real photo's, it has empty bins. */
    public static Histogram3D photoHistogram() {
        int[] argb = SyntheticPhoto.landscape(400, 300, 1).argb();
        return AutoEnhancer.modelInput(argb, 400, 300, Histogram3D.DEFAULT_BINS);
    }

    /**
     * A 256 × 128 PNG holding one pixel of every 32³ bin: its histogram has no empty bin, so the
     * models caught at predict answer it well. Small enough for the model to see it as it is.
     */
    public static Path everyColourPhoto(Path file) throws IOException {
        int[] argb = new int[32 * 32 * 32];
        for (int i = 0; i < argb.length; i++) {
            int r = i / (32 * 32);
            int g = i / 32 % 32;
            int b = i % 32;
            argb[i] = 0xFF000000 | (r * 8 + 4) << 16 | (g * 8 + 4) << 8 | (b * 8 + 4);
        }
        return TestImages.write(file, TestImages.fromArgb(argb, 256, 128, false), "png");
    }
}
