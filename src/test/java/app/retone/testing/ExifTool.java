package app.retone.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Phil Harvey's exiftool (Debian's libimage-exiftool-perl), run live: the reference reader (and
 * writer) the exports' metadata is checked against, independent of metadata-extractor.
 */
public final class ExifTool {

    private ExifTool() {
    }

    /**
     * Every tag exiftool reads in {@code file}, as numbers where it can ({@code -n}), keyed
     * "GROUP:Tag" by the directory it was found in ({@code -G1}: IFD0, ExifIFD, GPS, PNG, ICC_Profile...),
     * with its warnings and errors under "ExifTool:Warning"/"ExifTool:Error".
     */
    public static JsonObject read(Path file) {
        String json = new String(bytes("-j", "-n", "-G1", "-a", file.toString()), StandardCharsets.UTF_8);
        JsonArray all = JsonParser.parseString(json).getAsJsonArray();
        return all.get(0).getAsJsonObject();
    }

    /** A tag's value as text ("IFD0:Make"), or null when exiftool did not find it. */
    public static String text(JsonObject tags, String key) {
        JsonElement value = tags.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** What exiftool writes to its output for these arguments, as bytes ({@code -b -ICC_Profile file}: the profile). */
    public static byte[] bytes(String... args) {
        return run(args).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs exiftool with these arguments; fails the test with its output when it fails or is missing. */
    public static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("exiftool"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("exiftool is needed (apt-get install libimage-exiftool-perl): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
