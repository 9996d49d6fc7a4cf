package app.retone.predict;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the models folder: -Dretone.models, $RETONE_MODELS, beside the app, or ./models. */
public final class ModelLocator {

    public static final String DEFAULT_MODEL = "tonecurves-v4";

    private ModelLocator() {
    }

    public static Path defaultDirectory() {
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate.resolve(DEFAULT_MODEL + ".onnx"))) {
                return candidate;
            }
        }
        return candidates().get(0);
    }

    static List<Path> candidates() {
        List<Path> dirs = new ArrayList<>();
        String property = System.getProperty("retone.models");
        if (property != null && !property.isBlank()) {
            dirs.add(Path.of(property));
        }
        String env = System.getenv("RETONE_MODELS");
        if (env != null && !env.isBlank()) {
            dirs.add(Path.of(env));
        }
        try {
            Path code = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = Files.isRegularFile(code) ? code.getParent() : code; // the jar's folder, or target/classes
            if (base != null) {
                dirs.add(base.resolve("models"));
                if (base.getParent() != null) {
                    dirs.add(base.getParent().resolve("models"));
                    if (base.getParent().getParent() != null) {
                        dirs.add(base.getParent().getParent().resolve("models"));
                    }
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): fall through to the working directory
        }
        dirs.add(Path.of("models"));
        return dirs;
    }
}
