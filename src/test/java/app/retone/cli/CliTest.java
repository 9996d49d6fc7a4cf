package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import app.retone.testing.CubeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    private Path photo;
    private Path reference;

    @BeforeEach
    void photos() throws IOException {
        Photo p = SyntheticPhoto.landscape(240, 160, 1);
        photo = TestImages.write(dir.resolve("photo.png"), TestImages.fromArgb(p.argb(), 240, 160, false), "png");
        // the reference: another scene with a strong warm cast
        Photo r = SyntheticPhoto.landscape(200, 150, 2);
        int[] warm = Pixels.cast(r.argb(), new double[] {1, 0, 0, 0, 0.85, 0, 0, 0, 0.6}, new double[] {30, 5, -10});
        reference = TestImages.write(dir.resolve("ref.png"), TestImages.fromArgb(warm, 200, 150, false), "png");
    }


    @Test
    void transferMovesThePhotosColoursTowardsTheReference() throws IOException {
        Path out = dir.resolve("out.jpg");
        assertEquals(0, run("transfer", photo.toString(), "--reference", reference.toString(), "-o", out.toString()), stderr);
        PhotoLoader loader = new PhotoLoader();
        double[] before = Pixels.mean(loader.load(photo).argb());
        double[] after = Pixels.mean(loader.load(out).argb());
        double[] goal = Pixels.mean(loader.load(reference).argb());
        double distBefore = Math.abs(before[0] - goal[0]) + Math.abs(before[1] - goal[1]) + Math.abs(before[2] - goal[2]);
        double distAfter = Math.abs(after[0] - goal[0]) + Math.abs(after[1] - goal[1]) + Math.abs(after[2] - goal[2]);
        assertTrue(distAfter < 0.3 * distBefore, "mean colour distance " + distBefore + " -> " + distAfter);
        assertTrue(stdout.contains("out.jpg"), stdout);
    }

    @Test
    void aCmykPhotoIsToldOfAndItsResultIsTaggedSrgb() throws IOException {
        Path cmyk = app.retone.testing.ImageMagick.cmyk(photo, dir.resolve("print.jpg"));
        Path out = dir.resolve("print-out.jpg");
        assertEquals(0, run("transfer", cmyk.toString(), "--reference", reference.toString(), "-o", out.toString()), stderr);
        assertTrue(stderr.contains("retone: warning: print.jpg: the photo is stored in CMYK, for print: it was converted to RGB"
                + " (sRGB) to be shown and edited, and its exports are RGB, tagged as sRGB"), stderr);
        assertEquals("sRGB built-in", app.retone.testing.ExifTool.text(app.retone.testing.ExifTool.read(out),
                "ICC_Profile:ProfileDescription"));
    }

    @Test
    void strengthZeroWithoutRegrainGivesTheInputBackExactly() throws IOException {
        Path out = dir.resolve("same.png");
        assertEquals(0, run("transfer", photo.toString(), "-r", reference.toString(), "-o", out.toString(),
                "--strength", "0", "--no-regrain"), stderr);
        PhotoLoader loader = new PhotoLoader();
        assertArrayEquals(loader.load(photo).argb(), loader.load(out).argb());
    }

    @Test
    void aBatchAttemptsEveryInputAndListsFailures() throws IOException {
        Path broken = TestImages.write(dir.resolve("broken.jpg"), "not a photo".getBytes());
        Path second = Files.copy(photo, dir.resolve("second.png"));
        Path outDir = dir.resolve("results");
        int code = run("transfer", photo.toString(), broken.toString(), second.toString(), "-r", reference.toString(),
                "-o", outDir.toString());
        assertEquals(1, code);
        assertTrue(Files.exists(outDir.resolve("photo.png")));
        assertTrue(Files.exists(outDir.resolve("second.png")));
        assertFalse(Files.exists(outDir.resolve("broken.jpg")));
        assertTrue(stderr.contains("1 failed:"), stderr);
        assertTrue(stderr.contains("broken.jpg: not an image"), stderr);
        assertTrue(stdout.contains("2 of 3 done"), stdout);
        assertFalse(stderr.contains("\tat "), "no stack trace without --debug: " + stderr);
    }

    @Test
    void twoInputsThatWouldShareAnOutputAreAUsageError() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path same = Files.copy(photo, sub.resolve("photo.png"));
        assertEquals(2, run("transfer", photo.toString(), same.toString(), "-r", reference.toString(), "-o", dir.resolve("o").toString()));
        assertTrue(stderr.contains("would both be written"), stderr);
    }

    @Test
    void neverOverwritesTheInputWithoutForce() throws IOException {
        byte[] before = Files.readAllBytes(photo);
        assertEquals(1, run("transfer", photo.toString(), "-r", reference.toString(), "-o", photo.toString()));
        assertTrue(stderr.contains("--force"), stderr);
        assertArrayEquals(before, Files.readAllBytes(photo));
        assertEquals(0, run("transfer", photo.toString(), "-r", reference.toString(), "-o", photo.toString(), "--force"), stderr);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(photo)));
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() {
        assertEquals(2, run("transfer", photo.toString(), "-o", "x.jpg"));
        assertTrue(stderr.contains("--reference"), stderr);
        assertEquals(2, run("transfer", photo.toString(), "-r", reference.toString(), "-o", "x.jpg", "--strength", "2"));
        assertTrue(stderr.contains("--strength must be between 0 and 1.5"), stderr);
        assertEquals(2, run("lut", photo.toString(), "-r", reference.toString(), "-o", "x.cube", "--strength", "1.6"));
        assertTrue(stderr.contains("--strength must be between 0 and 1.5"), stderr);
        // one bound for every LUT: ColorLut3D.MAX_SIZE, the transfer's and the command line's
        assertEquals(2, run("transfer", photo.toString(), "-r", reference.toString(), "-o", "x.jpg", "--lut-size", "130"));
        assertTrue(stderr.contains("--lut-size must be between 2 and 129, got 130"), stderr);
        assertEquals(2, run("lut", photo.toString(), "-r", reference.toString(), "-o", "x.cube", "--lut-size", "130"));
        assertTrue(stderr.contains("--lut-size must be between 2 and 129, got 130"), stderr);
        assertEquals(2, run("transfer", photo.toString(), "-r", reference.toString(), "-o", "x.jpg", "--format", "gif"));
        assertEquals(2, run("transfer", photo.toString(), "-r", reference.toString(), "-o", dir.resolve("x.what").toString()));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("histogram", photo.toString(), "--bins", "24"));
        // one rule for --bins, a model's card's bins and a dataset's: Histogram3D.isSupportedBins
        assertEquals(2, run("histogram", photo.toString(), "--bins", "4"));
        assertTrue(stderr.contains("--bins must be a power of two from 8 to 64, got 4"), stderr);
        assertEquals(2, run("dataset", "--photos", dir.toString(), "--out", dir.resolve("d.rthd").toString(), "--bins", "128"));
        assertTrue(stderr.contains("--bins must be a power of two from 8 to 64, got 128"), stderr);
    }

    @Test
    void aMissingReferenceIsOneClearLine() {
        assertEquals(1, run("transfer", photo.toString(), "-r", dir.resolve("nope.jpg").toString(), "-o", dir.resolve("o.jpg").toString()));
        assertEquals("retone: nope.jpg: no such file", stderr.strip());
    }

    @Test
    void debugShowsTheStackTrace() {
        assertEquals(1, run("transfer", photo.toString(), "-r", dir.resolve("nope.jpg").toString(), "-o",
                dir.resolve("o.jpg").toString(), "--debug"));
        assertTrue(stderr.contains("\tat "), stderr);
    }

    @Test
    void lutWritesACubeThatDoesWhatTransferDoes() throws IOException {
        Path cube = dir.resolve("look.cube");
        assertEquals(0, run("lut", photo.toString(), "-r", reference.toString(), "-o", cube.toString(), "--lut-size", "17"), stderr);
        ColorLut3D lut = CubeReader.read(cube);
        assertEquals(17, lut.size());
        assertFalse(lut.isIdentity());
        assertEquals(1, run("lut", photo.toString(), "-r", reference.toString(), "-o", cube.toString()));
        assertTrue(stderr.contains("already exists"), stderr);
    }

    @Test
    void histogramPrintsSummaryAndBins() {
        assertEquals(0, run("histogram", photo.toString(), "--bins", "16"), stderr);
        assertTrue(stdout.contains("pixels        38400 counted"), stdout);
        long sum = stdout.lines().filter(l -> l.matches("\\d+\\t\\d+\\t\\d+\\t\\d+"))
                .mapToLong(l -> Long.parseLong(l.split("\\t")[3])).sum();
        assertEquals(240 * 160, sum);
    }

    @Test
    void histogramJsonHoldsTheSameCounts() {
        assertEquals(0, run("histogram", photo.toString(), "--json"), stderr);
        assertTrue(stdout.strip().startsWith("{") && stdout.strip().endsWith("}"), stdout);
        assertTrue(stdout.contains("\"bins\": 32"), stdout);
        assertTrue(stdout.contains("\"pixels\": 38400"), stdout);
        long sum = java.util.regex.Pattern.compile("\\[(\\d+), (\\d+), (\\d+), (\\d+)\\]").matcher(stdout).results()
                .mapToLong(m -> Long.parseLong(m.group(4))).sum();
        assertEquals(240 * 160, sum);
    }

    @Test
    void benchRunsEveryStep() {
        assertEquals(0, run("bench", "--quick"), stderr);
        for (String step : new String[] {"histogram", "Pitié IDT", "one repaint", "5 frames", "LUT on", "regrain", "transfer of a"}) {
            assertTrue(stdout.contains(step), step + " missing from: " + stdout);
        }
    }

    @Test
    void subcommandsAndOptionsGoToTheCommandLineAndEverythingElseToTheApp() {
        assertTrue(Cli.isCommandLine(new String[] {"transfer", "a.jpg"}));
        assertTrue(Cli.isCommandLine(new String[] {"--help"}));
        assertFalse(Cli.isCommandLine(new String[] {}));
        assertFalse(Cli.isCommandLine(new String[] {"holiday.jpg"}));
    }

    @Test
    void helpReadsLikeAManPage() {
        assertEquals(0, run("--help"));
        assertTrue(stdout.contains("Exit status"), stdout);
        assertTrue(stdout.contains("retone enhance holiday.jpg"), "the main command among the examples:\n" + stdout);
        for (String command : new String[] {"enhance", "transfer", "lut", "histogram", "dataset", "eval", "bench"}) {
            assertTrue(stdout.contains("  " + command + " "), command + " listed:\n" + stdout);
        }
        assertEquals(0, run("transfer", "--help"));
        assertTrue(stdout.contains("--[no-]regrain") && stdout.contains("--strength"), stdout);
    }

    @Test
    void theVersionIsThePoms() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<revision>([^<]+)</revision>").matcher(pom);
        assertTrue(m.find(), "the pom names its revision");
        assertEquals(0, run("--version"));
        assertEquals("Retone " + m.group(1), stdout.strip());
    }

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        // picocli reads a lone '%' in a description as a format specifier and warns on stderr
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"enhance", "transfer", "lut", "histogram", "dataset", "eval", "bench"}) {
                assertEquals(0, run(command, "--help"), command);
                assertTrue(stdout.contains("Usage: retone " + command), stdout);
                assertFalse(stdout.contains("%n"), command + " shows a raw format string: " + stdout);
            }
        } finally {
            System.setErr(saved);
        }
        String err = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(err.contains("picocli WARN"), err);
    }
}
