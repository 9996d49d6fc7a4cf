package app.retone.core.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.Develop.Adjustment;
import app.retone.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one per-photo recipe of the command line and the app's batch export: decode, look, render, write. */
class ExportJobTest {

    private static final ExportOptions PNG = new ExportOptions(ImageFormat.PNG, ExportOptions.DEFAULT_QUALITY, false);

    @TempDir
    Path dir;

    private final ColorTransfer engine = new ColorTransfer();
    private final PhotoExporter exporter = new PhotoExporter();
    private final PhotoLoader loader = new PhotoLoader();

    /** A look that warms: red up, blue down, by a tenth of the way to the cube's edge. */
    private static ColorLut3D warm() {
        int n = 9;
        float[] nodes = new float[3 * n * n * n];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    float red = r / (n - 1f);
                    float blue = b / (n - 1f);
                    nodes[i++] = red + 0.1f * (1 - red);
                    nodes[i++] = g / (n - 1f);
                    nodes[i++] = blue - 0.1f * blue;
                }
            }
        }
        return ColorLut3D.of(n, nodes);
    }

    private Path gradient() throws IOException {
        int w = 48;
        int h = 32;
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                argb[y * w + x] = 0xFF000000 | (x * 255 / (w - 1)) << 16 | (y * 255 / (h - 1)) << 8 | 128;
            }
        }
        return TestImages.write(dir.resolve("gradient.png"), TestImages.fromArgb(argb, w, h, false), "png");
    }

    @Test
    void writesWhatThePhotosSettingsRecipeRendersAndAsksTheLookForTheDecodedPhoto() throws Exception {
        Path source = gradient();
        PhotoSettings settings = PhotoSettings.model(0.7, false).withDevelop(Develop.NEUTRAL.with(Adjustment.EXPOSURE, 0.3));
        List<Photo> asked = new ArrayList<>();
        List<PhotoSettings> askedWith = new ArrayList<>();
        ExportJob job = new ExportJob(loader::load, engine, exporter);

        ImageFormat written = job.export(source, settings, (photo, s) -> {
            asked.add(photo);
            askedWith.add(s);
            return warm();
        }, dir.resolve("by-job.png"), PNG);

        assertEquals(ImageFormat.PNG, written);
        assertEquals(1, asked.size());
        assertEquals(48, asked.get(0).width(), "the look is made for the decoded photo");
        assertSame(settings, askedWith.get(0));
        // the same photo through the recipe by hand gives the same file, byte for byte
        Photo photo = loader.load(source);
        PhotoRender.export(engine, exporter, photo, settings.recipe(warm()), dir.resolve("by-hand.png"), PNG);
        assertArrayEquals(Files.readAllBytes(dir.resolve("by-hand.png")), Files.readAllBytes(dir.resolve("by-job.png")));
        assertNotEquals(0, diff(photo.argb(), loader.load(dir.resolve("by-job.png")).argb()), "the look and the exposure show");
    }

    @Test
    void atStrengthZeroWithoutAdjustmentsThePhotoComesBackBitForBit() throws Exception {
        Path source = gradient();
        new ExportJob(loader::load, engine, exporter).export(source, PhotoSettings.model(0, false), (photo, s) -> warm(),
                dir.resolve("out.png"), PNG);

        assertEquals(0, diff(loader.load(source).argb(), loader.load(dir.resolve("out.png")).argb()));
    }

    @Test
    void aPhotoThatCannotBeOpenedIsNeverLookedAtAndALookThatFailsWritesNothing() throws Exception {
        ExportJob job = new ExportJob(loader::load, engine, exporter);
        List<Photo> asked = new ArrayList<>();
        ImageReadException missing = assertThrows(ImageReadException.class, () -> job.export(dir.resolve("gone.jpg"),
                PhotoSettings.DEFAULT, (photo, s) -> {
                    asked.add(photo);
                    return warm();
                }, dir.resolve("gone-out.png"), PNG));
        assertEquals(ImageReadException.Problem.NOT_FOUND, missing.problem());
        assertTrue(asked.isEmpty());

        IllegalStateException noModel = new IllegalStateException("the model is missing");
        Path source = gradient();
        assertSame(noModel, assertThrows(IllegalStateException.class, () -> job.export(source, PhotoSettings.DEFAULT,
                (photo, s) -> {
                    throw noModel;
                }, dir.resolve("out.png"), PNG)));
        assertFalse(Files.exists(dir.resolve("out.png")));
    }

    private static long diff(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF));
            }
        }
        return sum;
    }
}
