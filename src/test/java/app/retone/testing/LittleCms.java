package app.retone.testing;

import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LittleCMS's own command-line tools (Debian's liblcms2-utils), as the reference the app's
 * colour management is checked against: {@code jpgicc} for JPEG, {@code tificc} for TIFF, both
 * relative colorimetric, from the file's embedded profile to sRGB.
 */
public final class LittleCms {

    public static final Path DISPLAY_P3 = Path.of("/usr/share/color/argyll/ref/DisplayP3.icm");
    public static final Path PROPHOTO = Path.of("/usr/share/color/argyll/ref/ProPhoto.icm");
    public static final Path ADOBE_RGB = Path.of("/usr/share/color/icc/colord/AdobeRGB1998.icc");

    private LittleCms() {
    }

    /** The file as LittleCMS shows it: converted from its embedded profile to sRGB, as packed ARGB. */
    public static int[] shownAsSrgb(Path photo, Path workFolder) {
        String name = photo.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean jpeg = name.endsWith(".jpg") || name.endsWith(".jpeg");
        Path out = workFolder.resolve("lcms-" + System.nanoTime() + (jpeg ? ".jpg" : ".tif"));
        if (jpeg) {
            run("jpgicc", "-t1", "-q100", photo.toString(), out.toString());
        } else {
            run("tificc", "-t1", photo.toString(), out.toString());
        }
        try {
            Photo shown = new PhotoLoader().load(out); // sRGB without a profile: its values as they are
            return shown.argb();
        } catch (Exception e) {
            throw new AssertionError("cannot read LittleCMS's output " + out + ": " + e.getMessage(), e);
        }
    }

    /** The named tool with its arguments; fails the test with its output when it fails or is missing. */
    public static void run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed (apt-get install liblcms2-utils): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What a tool run ended with: its exit code and what it printed (standard output and error together). */
    public record Result(int exit, String output) {
    }

    /**
     * The named tool with its arguments, {@code input} on its standard input (null: none), whatever
     * it ends with; fails the test only when it is missing or does not end within a minute.
     */
    public static Result attempt(String input, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed (apt-get install liblcms2-utils): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * {@code rgb} (values 0..255, three per colour) through {@code transicc}, relative colorimetric,
     * from {@code input} to {@code output} (a file, or a built-in such as *sRGB), unclipped: its answers, three per colour.
     */
    public static double[] transicc(String input, String output, double... rgb) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < rgb.length; i += 3) {
            lines.append(rgb[i]).append(' ').append(rgb[i + 1]).append(' ').append(rgb[i + 2]).append('\n');
        }
        Result result = attempt(lines.toString(), "transicc", "-t1", "-i" + input, "-o" + output);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("R=(\\S+) G=(\\S+) B=(\\S+)").matcher(result.output());
        double[] out = new double[rgb.length];
        for (int i = 0; i < out.length; i += 3) {
            if (!m.find()) {
                throw new AssertionError("transicc answered " + result.output());
            }
            out[i] = Double.parseDouble(m.group(1));
            out[i + 1] = Double.parseDouble(m.group(2));
            out[i + 2] = Double.parseDouble(m.group(3));
        }
        return out;
    }

    /** A fixture of src/test/resources/app/retone/core/image/colour, made by src/test/colour/make-fixtures.sh. */
    public static Path fixture(String name) {
        try {
            return Path.of(LittleCms.class.getResource("/app/retone/core/image/colour/" + name).toURI());
        } catch (Exception e) {
            throw new AssertionError("missing colour fixture " + name, e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
