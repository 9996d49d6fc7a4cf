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
