package app.retone.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ImageMagick's {@code convert}, run live: files Java's encoders do not make (CMYK JPEG and TIFF). */
public final class ImageMagick {

    private ImageMagick() {
    }

    /** {@code source} converted to CMYK as {@code out} (its extension picks the format), as a prepress tool leaves it. */
    public static Path cmyk(Path source, Path out) {
        convert(source.toString(), "-colorspace", "CMYK", out.toString());
        return out;
    }

    /** Runs {@code convert} with these arguments; fails the test with its output when it fails or is missing. */
    public static void convert(String... args) {
        List<String> command = new ArrayList<>(List.of("convert"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("ImageMagick's convert is needed (apt-get install imagemagick): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
