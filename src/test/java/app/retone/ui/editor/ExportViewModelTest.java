package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.testing.CubeReader;
import app.retone.ui.UiFixtures;
import app.retone.ui.task.ManualTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Export: the full-resolution result and the LUT written, its colour space, names, failures and progress. */
class ExportViewModelTest extends EditorFixture {

    @Test
    void aDisplayP3PhotoOffersItsOwnColourSpaceForExportAndKeepsItThere() throws Exception {
        EditorViewModel vm = direct();
        vm.open(app.retone.testing.LittleCms.fixture("p3.png"));
        assertEquals(List.of(), errors());
        String space = vm.session().sourceColourSpace().orElseThrow();
        assertTrue(space.contains("P3"), space);

        Path kept = dir.resolve("kept.png");
        vm.export().export(kept, app.retone.core.image.ExportOptions.DEFAULT);
        Path srgb = dir.resolve("srgb.png");
        vm.export().export(srgb, app.retone.core.image.ExportOptions.DEFAULT.withColourSpace(app.retone.core.image.OutputColourSpace.SRGB));
        assertNotNull(new PhotoLoader().load(kept).source().iccProfile(), "the P3 profile goes along");
        assertEquals(null, new PhotoLoader().load(srgb).source().iccProfile(), "a PNG in sRGB needs no profile");
        assertTrue(new PhotoLoader().load(srgb).source().taggedSrgb(), "its sRGB chunk says sRGB");

        vm.open(UiFixtures.castPhoto(dir, "plain.jpg", 300, 200, 3));
        assertTrue(vm.session().sourceColourSpace().isEmpty(), "an sRGB photo has no colour space to choose");
    }

    @Test
    void exportWritesTheFullResolutionResultTheEngineRendersAndKeepsTheOriginal() throws Exception {
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 600, 400, 11);
        byte[] originalBytes = Files.readAllBytes(file);
        EditorViewModel vm = direct();
        vm.open(file);
        vm.adjustments().strengthProperty().set(0.8);
        vm.adjustments().regrainProperty().set(false);
        Path out = dir.resolve("out.png");

        vm.export().export(out, ExportOptions.DEFAULT.withFormat(ImageFormat.PNG));

        assertEquals(List.of(), errors());
        Photo written = new PhotoLoader().load(out);
        assertEquals(600, written.width());
        assertEquals(400, written.height());
        Photo source = new PhotoLoader().load(file);
        ColorLut3D lut = lookLut(vm);
        int[] expected = new ColorTransfer().render(source.argb(), 600, 400, lut, 0.8, false);
        assertArrayEquals(expected, written.argb(), "the app exports what the engine renders");
        assertArrayEquals(originalBytes, Files.readAllBytes(file));
        assertTrue(notices.stream().anyMatch(n -> n.title().equals("Exported")));
    }

    @Test
    void anExportThatCannotBeWrittenSaysWhyAndLeavesNothing() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 12));
        Path out = dir.resolve("no-such-folder").resolve("out.jpg");
        vm.export().export(out, ExportOptions.DEFAULT);
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).title().startsWith("Export failed"), errors().get(0).title());
        assertFalse(Files.exists(out));
    }

    @Test
    void anExistingFileIsNotOverwrittenUnlessAsked() throws Exception {
        EditorViewModel vm = direct();
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 13);
        vm.open(file);
        byte[] original = Files.readAllBytes(file);
        vm.export().export(file, ExportOptions.DEFAULT);
        assertEquals(1, errors().size(), "exporting over the original without asking is refused");
        assertArrayEquals(original, Files.readAllBytes(file));
        vm.export().export(file, ExportOptions.DEFAULT.withOverwrite(true));
        assertEquals(1, errors().size());
        assertFalse(java.util.Arrays.equals(original, Files.readAllBytes(file)), "replaced when the user said so");
    }

    @Test
    void theLutExportIsTheLookAtTheCurrentStrength() throws Exception {
        EditorViewModel vm = direct();
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 14));
        vm.adjustments().strengthProperty().set(0.5);
        Path cube = dir.resolve("look.cube");
        vm.export().exportLut(cube);
        ColorLut3D read = CubeReader.read(cube);
        ColorLut3D expected = lookLut(vm).withStrength(0.5);
        assertEquals(expected.size(), read.size());
        float[] a = expected.nodes();
        float[] b = read.nodes();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Math.max(0, Math.min(1, a[i])), b[i], 1e-5);
        }
    }

    @Test
    void theSuggestedExportNameKeepsTheOriginalsName() throws Exception {
        EditorViewModel vm = direct();
        assertEquals("photo-retone.jpg", vm.export().suggestedExportName(ImageFormat.JPEG));
        vm.open(UiFixtures.castPhoto(dir, "IMG_0042.jpg", 60, 40, 19));
        assertEquals("IMG_0042-retone.tif", vm.export().suggestedExportName(ImageFormat.TIFF));
    }

    @Test
    void anExportInProgressIsKnownSoQuittingCanAsk() throws Exception {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(UiFixtures.castPhoto(dir, "e.jpg", 300, 200, 38));
        executor.runAll();
        assertFalse(vm.export().isExporting());
        vm.export().export(dir.resolve("out.jpg"), ExportOptions.DEFAULT);
        assertTrue(vm.export().isExporting());
        executor.runAll();
        assertFalse(vm.export().isExporting());
        assertTrue(Files.exists(dir.resolve("out.jpg")));
    }

    @Test
    void theOpenPhotoIsRecognisedThroughALink() throws Exception {
        EditorViewModel vm = direct();
        Path file = UiFixtures.castPhoto(dir, "orig.jpg", 120, 80, 39);
        vm.open(file);
        Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), file);
        assertTrue(vm.export().isOpenPhoto(link), "a link to the original is the original");
        assertTrue(vm.export().isOpenPhoto(file));
        assertFalse(vm.export().isOpenPhoto(dir.resolve("other.jpg")));
    }
}
