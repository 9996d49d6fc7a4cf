package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.cli.Cli;
import app.retone.cli.ExitStatus;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.PredictionException;
import app.retone.predict.ReferenceLook;
import app.retone.testing.CubeReader;
import app.retone.ui.UiFixtures;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One recipe for matching a reference ({@link ReferenceLook}): the app's Match Reference and the
 * command line's {@code lut} and {@code transfer} give the same LUT, and the same pixels, for the
 * same pair of photos.
 */
class ReferenceLookAgreementTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    /** The app with no model (the automatic look fails, the photo stays open) and work on the test's thread. */
    private EditorViewModel app() {
        PredictorSource noModel = () -> {
            throw new PredictionException(PredictionException.Problem.MODEL_MISSING, "no model in this test");
        };
        return new EditorViewModel(EditorServices.standard(new PhotoLoader(), noModel, new PreviewBounds(256, 256)),
                new DirectTaskExecutor(), new MemorySettings());
    }

    @Test
    void theAppAndTheCommandLineMatchAReferenceWithTheSameLut() throws Exception {
        // both larger than the model-sized copy (256 × 256 pixels), so the recipe's copy is a real reduction
        Path photo = UiFixtures.castPhoto(dir, "cast.jpg", 900, 600, 41);
        Path reference = UiFixtures.cleanPhoto(dir, "reference.png", 700, 520, 42);
        EditorViewModel vm = app();
        vm.open(photo);
        vm.look().matchReference(reference);
        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get());
        Path appCube = dir.resolve("app.cube");
        vm.export().exportLut(appCube);

        Path cliCube = dir.resolve("cli.cube");
        assertEquals(ExitStatus.OK, cli("lut", photo.toString(), "-r", reference.toString(), "-o", cliCube.toString()), err::toString);

        ColorLut3D fromApp = CubeReader.read(appCube);
        ColorLut3D fromCli = CubeReader.read(cliCube);
        assertEquals(ColorLut3D.DEFAULT_SIZE, fromApp.size());
        assertArrayEquals(fromCli.nodes(), fromApp.nodes(), "the same pair, the same LUT");

        // and the recipe is the one in ReferenceLook, not the full-resolution histograms
        PhotoLoader loader = new PhotoLoader();
        Photo source = loader.load(photo);
        Photo goal = loader.load(reference);
        ColorLut3D recipe = ReferenceLook.transfer(ColorLut3D.DEFAULT_SIZE)
                .transfer(ReferenceLook.histogram(source), ReferenceLook.histogram(goal));
        ColorLut3D fullResolution = ReferenceLook.transfer(ColorLut3D.DEFAULT_SIZE)
                .transfer(Histogram3D.of(source.argb()), Histogram3D.of(goal.argb()));
        assertEquals(CubeReader.read(cubeOf(recipe)).size(), fromApp.size());
        assertArrayEquals(CubeReader.read(cubeOf(recipe)).nodes(), fromApp.nodes());
        assertTrue(!java.util.Arrays.equals(CubeReader.read(cubeOf(fullResolution)).nodes(), fromApp.nodes()),
                "the fixture tells the two recipes apart");
    }

    @Test
    void theAppsExportAndTheTransferCommandGiveTheSamePixels() throws Exception {
        Path photo = UiFixtures.castPhoto(dir, "cast.jpg", 900, 600, 43);
        Path reference = UiFixtures.cleanPhoto(dir, "reference.png", 700, 520, 44);
        EditorViewModel vm = app();
        vm.open(photo);
        vm.matchReference(reference); // as the user asks for it: regrain on, as 'transfer' has it
        vm.adjustments().strengthProperty().set(0.8);
        Path fromApp = dir.resolve("app.png");
        vm.export().export(fromApp, ExportOptions.DEFAULT);

        Path fromCli = dir.resolve("cli.png");
        assertEquals(ExitStatus.OK, cli("transfer", photo.toString(), "-r", reference.toString(), "-o", fromCli.toString(),
                "--strength", "0.8"), err::toString);

        PhotoLoader loader = new PhotoLoader();
        assertArrayEquals(loader.load(fromCli).argb(), loader.load(fromApp).argb(), "the same pair, the same pixels");
    }

    private Path cubeOf(ColorLut3D lut) throws java.io.IOException {
        Path file = Files.createTempFile(dir, "lut", ".cube");
        app.retone.core.color.CubeFile.write(lut, null, file);
        return file;
    }
}
