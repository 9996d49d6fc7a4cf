package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.Interpolation;
import app.retone.core.color.PdfTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.PhotoLoader;
import app.retone.testing.FaultyDisks;
import app.retone.testing.FaultyModels;
import app.retone.ui.UiFixtures;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor with a model that is wrong and a disk that fails: the user is told what happened and
 * why, the photo stays open, and everything that does not need the broken part keeps working.
 */
class EditorFaultsTest {

    private static final String KEEPS_WORKING =
            "\nThe photo stays open; you can still match a reference photo's look (File ▸ Match Reference…).";

    @TempDir
    Path dir;

    private final List<Notice> notices = new ArrayList<>();

    private EditorViewModel viewModel(PredictorSource predictors, PhotoExporter exporter) {
        EditorServices services = new EditorServices(new PhotoLoader(), predictors, new PdfTransfer(), new Regrain(),
                Interpolation.TETRAHEDRAL, exporter, new PreviewBounds(256, 256));
        EditorViewModel vm = new EditorViewModel(services, new DirectTaskExecutor(), new MemorySettings());
        vm.notices().addListener(notices::add);
        return vm;
    }

    private EditorViewModel withModel(String name) {
        return viewModel(new CachedPredictorSource(FaultyModels.DIR, name), new PhotoExporter());
    }

    private List<Notice> errors() {
        return notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList();
    }

    // ---- model faults ---------------------------------------------------------------------

    static List<String> caughtAtLoad() {
        return FaultyModels.CAUGHT_AT_LOAD;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caughtAtLoad")
    void aModelRefusedAtLoadIsExplainedAndAReferenceLookStillWorksAndExports(String model) throws Exception {
        EditorViewModel vm = withModel(model);
        Path file = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 60);
        vm.open(file);

        assertNotNull(vm.session().current(), "the photo stays open");
        assertFalse(vm.look().hasLookProperty().get());
        assertEquals(1, errors().size(), errors().toString());
        Notice notice = errors().get(0);
        assertEquals("Automatic correction unavailable", notice.title());
        assertTrue(notice.text().startsWith("the model " + model + ".onnx "), notice.text());
        assertTrue(notice.text().contains(" does not fit Retone: ") || notice.text().contains(" is damaged or not an ONNX model "),
                notice.text());
        assertTrue(notice.text().endsWith(KEEPS_WORKING), notice.text());
        assertTrue(vm.notices().statusProperty().get().startsWith("No prediction: the model " + model + ".onnx "), vm.notices().statusProperty().get());

        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 61));
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(TargetKind.REFERENCE, vm.look().targetKindProperty().get());
        Path out = dir.resolve("matched.png");
        vm.export().export(out, ExportOptions.DEFAULT);
        assertEquals(1, errors().size(), "no new error: " + errors());
        assertEquals(300, new PhotoLoader().load(out).width());
    }

    static List<String> caughtAtPredict() {
        return FaultyModels.CAUGHT_AT_PREDICT;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caughtAtPredict")
    void aModelRefusedForOnePhotoIsExplainedAndStillServesThePhotosItCanAnswer(String model) throws Exception {
        EditorViewModel vm = withModel(model);
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 62));

        PreparedPhoto open = vm.session().current();
        assertNotNull(open);
        assertFalse(vm.look().hasLookProperty().get());
        assertEquals(1, errors().size(), errors().toString());
        Notice notice = errors().get(0);
        assertEquals("Automatic correction unavailable", notice.title());
        assertTrue(notice.text().startsWith("the model " + model + ".onnx gave an unusable answer: it returned "), notice.text());
        assertTrue(notice.text().endsWith(KEEPS_WORKING), notice.text());

        vm.look().matchReference(UiFixtures.cleanPhoto(dir, "look.png", 300, 200, 63));
        assertTrue(vm.look().hasLookProperty().get(), "matching a reference still works");
        assertSame(open, vm.session().current());

        vm.open(FaultyModels.everyColourPhoto(dir.resolve("all-colours.png")));
        vm.look().useModel();
        assertEquals(1, errors().size(), "a photo the model can answer gets its look: " + errors());
        assertTrue(vm.look().hasLookProperty().get());
        assertEquals(TargetKind.MODEL, vm.look().targetKindProperty().get());
    }

    @Test
    void aMissingModelFolderSaysWhereItLooked() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-models"));
        EditorViewModel vm = viewModel(new CachedPredictorSource(empty, "histonet-v1"), new PhotoExporter());
        vm.open(UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 64));
        assertNotNull(vm.session().current());
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).text().startsWith("no model at " + empty.toAbsolutePath().resolve("histonet-v1.onnx")),
                errors().get(0).text());
    }

    // ---- export faults --------------------------------------------------------------------

    /** Opens {@code photo} with a healthy model and exports it to {@code destination} through {@code opener}. */
    private void export(Path photo, PhotoExporter.ChannelOpener opener, Path destination, boolean overwrite) {
        EditorViewModel vm = viewModel(new CachedPredictorSource(FaultyModels.DIR, FaultyModels.HEALTHY), new PhotoExporter(opener));
        vm.open(photo);
        assertTrue(vm.look().hasLookProperty().get(), errors().toString());
        vm.export().export(destination, ExportOptions.DEFAULT.withOverwrite(overwrite));
        assertNotNull(vm.session().current(), "the photo stays open");
        assertTrue(vm.look().hasLookProperty().get(), "and keeps its look");
        assertFalse(vm.export().isExporting());
        assertTrue(vm.activities().list().isEmpty());
    }

    private Path photo() throws IOException {
        return UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 65);
    }

    private Notice onlyError() {
        assertEquals(1, errors().size(), errors().toString());
        return errors().get(0);
    }

    @Test
    void aFullDiskIsReportedAndLeavesNothing() throws IOException {
        Path original = photo();
        Path out = dir.resolve("out.jpg");
        export(original, FaultyDisks.fullAfter(1000), out, false);
        Notice notice = onlyError();
        assertEquals("Export failed: nothing was written to out.jpg", notice.title());
        assertEquals(out + ": the disk is full (No space left on device); nothing was saved", notice.text());
        assertFalse(Files.exists(out));
        assertTrue(Files.exists(original));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aFullDiskWhileReplacingTheOriginalKeepsItByteForByte() throws IOException {
        Path original = photo();
        byte[] before = Files.readAllBytes(original);
        export(original, FaultyDisks.fullAfter(1000), original, true);
        Notice notice = onlyError();
        assertEquals("Export failed: nothing was written to cast.jpg", notice.title());
        assertEquals(original + ": the disk is full (No space left on device); nothing was saved; the existing file is unchanged",
                notice.text());
        assertArrayEquals(before, Files.readAllBytes(original));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aFolderThatRefusesTheFileIsReported() throws IOException {
        Path existing = Files.write(dir.resolve("out.png"), new byte[] {1, 2, 3});
        export(photo(), FaultyDisks.readOnlyFolder(), existing, true);
        Notice notice = onlyError();
        assertEquals("Export failed: nothing was written to out.png", notice.title());
        assertEquals(dir + ": the folder is not writable (permission denied); nothing was saved; the existing file is unchanged",
                notice.text());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aReadOnlyFolderIsReported() throws IOException {
        Assumptions.assumeTrue(FaultyDisks.permissionsApply(dir), "running as root: permission bits do not bind");
        Path folder = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            export(photo(), path -> java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE),
                    folder.resolve("out.jpg"), false);
            Notice notice = onlyError();
            assertEquals("Export failed: nothing was written to out.jpg", notice.title());
            assertEquals(folder + ": the folder is not writable (permission denied)", notice.text());
            assertEquals(0, FaultyDisks.partFiles(folder));
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingDestinationFolderIsReported() throws IOException {
        Path out = dir.resolve("gone/out.jpg");
        export(photo(), path -> java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE), out, false);
        Notice notice = onlyError();
        assertEquals("Export failed: nothing was written to out.jpg", notice.title());
        assertEquals(out + ": the destination folder does not exist", notice.text());
        assertFalse(Files.exists(dir.resolve("gone")));
    }

    @Test
    void aFileThatAppearsUnderTheSameNameWhileWritingIsKeptAndReported() throws IOException {
        Path out = dir.resolve("race.jpg");
        byte[] theirs = {7, 7, 7};
        export(photo(), FaultyDisks.destinationAppearsWhileWriting(out, theirs), out, false);
        Notice notice = onlyError();
        assertEquals("Export failed: nothing was written to race.jpg", notice.title());
        assertEquals(out + ": a file of this name appeared while writing; it was left as it is and nothing was saved",
                notice.text());
        assertArrayEquals(theirs, Files.readAllBytes(out));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aWriteInterruptedHalfWayIsReportedAndLeavesNothing() throws IOException {
        Path out = dir.resolve("cut.png");
        try {
            export(photo(), FaultyDisks.interruptedAfter(1000), out, false);
        } finally {
            Thread.interrupted();
        }
        Notice notice = onlyError();
        assertEquals("Export failed: nothing was written to cut.png", notice.title());
        assertEquals(out + ": the export was interrupted before it finished; nothing was saved", notice.text());
        assertFalse(Files.exists(out));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }
}
