package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.edit.HistogramDataset;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.TestImages;
import app.retone.testing.LittleCms;
import app.retone.testing.Pixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enhance, dataset and eval on generated photos, with the shipped model. */
class ModelCommandsTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    private Path photos;

    @BeforeEach
    void photos() throws IOException {
        photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 3; i++) {
            Photo p = SyntheticPhoto.landscape(320, 240, 20 + i);
            TestImages.write(photos.resolve("p" + i + ".png"), TestImages.fromArgb(p.argb(), 320, 240, false), "png");
        }
    }


    @Test
    void enhanceWritesAPhotoOfTheSameSize() throws IOException {
        Path out = dir.resolve("fixed.jpg");
        assertEquals(0, run("enhance", photos.resolve("p0.png").toString(), "-o", out.toString(), "--models", "models"), stderr);
        Photo result = new PhotoLoader().load(out);
        assertEquals(320, result.width());
        assertEquals(240, result.height());
    }

    @Test
    void enhanceAtStrengthZeroGivesADisplayP3PhotoItsP3ValuesBack() throws IOException {
        // loaded as sRGB for the model, converted back to P3 on export, the profile embedded again
        Path p3 = LittleCms.fixture("p3.png");
        Path out = dir.resolve("p3-same.png");
        assertEquals(0, run("enhance", p3.toString(), "-o", out.toString(), "--models", "models", "--strength", "0",
                "--no-regrain"), stderr);
        assertTrue(Pixels.maxAbsDiff(Pixels.rawValues(p3), Pixels.rawValues(out)) <= 1,
                "max difference " + Pixels.maxAbsDiff(Pixels.rawValues(p3), Pixels.rawValues(out)));
        assertArrayEquals(new PhotoLoader().load(p3).source().iccProfile(), new PhotoLoader().load(out).source().iccProfile());

        Path srgb = dir.resolve("p3-as-srgb.png");
        assertEquals(0, run("enhance", p3.toString(), "-o", srgb.toString(), "--models", "models", "--strength", "0",
                "--no-regrain", "--colour-space", "srgb"), stderr);
        assertArrayEquals(new PhotoLoader().load(p3).argb(), Pixels.rawValues(srgb), "the working values, as they are");
        assertEquals(null, new PhotoLoader().load(srgb).source().iccProfile(), "no profile in a PNG: its sRGB chunk");
        assertTrue(new PhotoLoader().load(srgb).source().taggedSrgb(), "tagged sRGB");
    }

    @Test
    void aSixteenBitGradientComesBackBitForBitAtStrengthZeroAndKeepsThousandsOfLevelsThroughTheLook() throws IOException {
        Path gradient = TestImages.write(dir.resolve("gradient.png"), TestImages.gradient16(4200, 48), "png");
        Path same = dir.resolve("same.png");
        assertEquals(0, run("enhance", gradient.toString(), "-o", same.toString(), "--models", "models", "--strength", "0"),
                stderr);
        int[][] before = Pixels.rawSamples(gradient);
        int[][] after = Pixels.rawSamples(same);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(before[c], after[c], "channel " + c);
        }
        Path fixed = dir.resolve("fixed.png");
        assertEquals(0, run("enhance", gradient.toString(), "-o", fixed.toString(), "--models", "models"), stderr);
        int[][] looked = Pixels.rawSamples(fixed);
        assertEquals(65535, looked[3][0], "written at 16 bits");
        for (int c : new int[] {0, 2}) { // red and blue change along the 4,200 columns (green along the 48 rows)
            long levels = java.util.Arrays.stream(looked[c]).distinct().count();
            assertTrue(levels > 4000, "channel " + c + ": " + levels + " levels");
        }
        assertTrue(Pixels.maxAbsDiff(Pixels.rawValues(gradient), Pixels.rawValues(fixed)) > 3, "the look changed the photo");
    }

    @Test
    void anUnknownColourSpaceIsRefusedByName() {
        assertEquals(2, run("enhance", photos.resolve("p0.png").toString(), "-o", dir.resolve("x.png").toString(),
                "--colour-space", "adobe"));
        assertTrue(stderr.contains("--colour-space must be source or srgb, got 'adobe'"), stderr);
    }

    @Test
    void enhanceWithoutAModelIsOneClearLineAndWritesNothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-models"));
        Path out = dir.resolve("fixed.jpg");
        assertEquals(1, run("enhance", photos.resolve("p0.png").toString(), "-o", out.toString(), "--models", empty.toString()));
        assertTrue(stderr.startsWith("retone: no model at "), stderr);
        assertEquals(1, stderr.strip().lines().count(), stderr);
        assertFalse(Files.exists(out));
        // the rest keeps working without a model
        assertEquals(0, run("transfer", photos.resolve("p0.png").toString(), "-r", photos.resolve("p1.png").toString(),
                "-o", out.toString()), stderr);
    }

    @Test
    void datasetIsDeterministicForASeedAndReadable() throws IOException {
        Path a = dir.resolve("a.rthd");
        Path b = dir.resolve("b.rthd");
        Path c = dir.resolve("c.rthd");
        assertEquals(0, run("dataset", "--photos", photos.toString(), "--out", a.toString(), "--crops", "2", "--edits", "3",
                "--mosaics", "2", "--seed", "5"), stderr);
        assertEquals(0, run("dataset", "--photos", photos.toString(), "--out", b.toString(), "--crops", "2", "--edits", "3",
                "--mosaics", "2", "--seed", "5"), stderr);
        assertEquals(0, run("dataset", "--photos", photos.toString(), "--out", c.toString(), "--crops", "2", "--edits", "3",
                "--mosaics", "2", "--seed", "6"), stderr);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        HistogramDataset.Contents contents = HistogramDataset.read(a);
        assertEquals((3 * 2 + 2) * 3, contents.count());
        for (int i = 0; i < contents.count(); i++) {
            double se = 0;
            double so = 0;
            for (int j = 0; j < contents.edited()[i].length; j++) {
                se += contents.edited()[i][j];
                so += contents.original()[i][j];
            }
            assertEquals(1, se, 1e-4);
            assertEquals(1, so, 1e-4);
        }
        assertEquals(1, run("dataset", "--photos", photos.toString(), "--out", a.toString()));
        assertTrue(stderr.contains("already exists"), stderr);
    }

    @Test
    void evalPrintsEveryMethodTheBarAndAGrid() throws IOException {
        Path grid = dir.resolve("grid.jpg");
        assertEquals(0, run("eval", "--photos", photos.toString(), "--edits", "2", "--size", "256", "--models", "models",
                "--grid", grid.toString(), "--ceilings", "--transfer", "pitie"), stderr);
        for (String line : new String[] {"== seed edits ==", "== camera edits ==", "edited (do nothing)", "auto-levels",
            "gray world", app.retone.predict.ModelLocator.DEFAULT_MODEL, "ceiling: curves", "ceiling: Pitié", "KL(orig||·)",
            "unedited originals moved", "bar: ≥ 80 % of edits brought closer", "bar: PSNR ≥ doing nothing + 1.5 dB",
            "bar: good originals moved by ΔE76 ≤ 2.0", "one step alone", "contrast", "gamma", "curve", "hue-saturation",
            "spill", "noise", "exposure", "white-balance", "flat-tone", "saturation", "regrain on"}) {
            assertTrue(stdout.contains(line), line + " missing from:\n" + stdout);
        }
        // knowing the original's histogram, both transfers must undo much of each edit
        double nothing = psnrOf("edited (do nothing)");
        assertTrue(psnrOf("ceiling: curves") > nothing + 3, stdout);
        assertTrue(psnrOf("ceiling: Pitié") > nothing + 3, stdout);
        Photo picture = new PhotoLoader().load(grid);
        assertEquals(3 * 320 + 16, picture.width());
        assertEquals(3 * 320 + 16, picture.height());
    }

    @Test
    void evalRegrainsAsEnhanceDoesUnlessToldAndThenChangesTheResult() {
        String model = app.retone.predict.ModelLocator.DEFAULT_MODEL;
        String[] args = {"eval", "--photos", photos.toString(), "--edits", "1", "--size", "128", "--models", "models",
            "--family", "seed"};
        assertEquals(0, run(args), stderr);
        assertTrue(stdout.contains("regrain off"), "the curves are not regrained by default:\n" + stdout);
        double without = psnrOf(model);
        double nothing = psnrOf("edited (do nothing)");
        String[] with = java.util.Arrays.copyOf(args, args.length + 1);
        with[args.length] = "--regrain";
        assertEquals(0, run(with), stderr);
        assertTrue(stdout.contains("regrain on"), stdout);
        assertTrue(psnrOf(model) != without, stdout);
        assertEquals(nothing, psnrOf("edited (do nothing)"), 1e-9, "the same edits, whatever the fixing path");
    }

    /** The PSNR column of the eval table's row for a method. */
    private double psnrOf(String method) {
        for (String line : stdout.split("\n")) {
            if (line.startsWith(method + " ")) {
                return Double.parseDouble(line.substring(method.length()).trim().split("\\s+")[0]);
            }
        }
        throw new AssertionError(method + " has no row in:\n" + stdout);
    }
}
