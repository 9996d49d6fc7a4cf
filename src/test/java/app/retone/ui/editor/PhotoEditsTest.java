package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.render.Develop;
import app.retone.core.render.Develop.Adjustment;
import app.retone.core.render.PhotoSettings;
import app.retone.core.sidecar.Sidecar;
import app.retone.testing.FaultyDisks;
import app.retone.ui.UiFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Edits that last: the app's sidecars, undo and redo, ratings, and the faults that must lose nothing. */
class PhotoEditsTest extends EditorFixture {

    private Path photo(String name, long seed) throws Exception {
        return UiFixtures.castPhoto(dir, name, 240, 160, seed);
    }

    @Test
    void editsAreKeptBesideThePhotoAndComeBackWhenItOpensAgain() throws Exception {
        Path photo = photo("kept.jpg", 1);
        byte[] bytes = Files.readAllBytes(photo);
        EditorViewModel vm = direct();
        vm.open(photo);
        vm.develop().property(Adjustment.EXPOSURE).set(0.6);
        vm.develop().property(Adjustment.VIBRANCE).set(25);
        vm.rate(4);
        vm.adjustments().strengthProperty().set(0.7);
        PhotoSettings stored = Sidecar.read(photo).orElseThrow();
        assertEquals(vm.photoSettings(), stored, "written as they are");
        assertEquals(4, stored.rating());
        assertArrayEquals(bytes, Files.readAllBytes(photo), "the photo is never written");

        EditorViewModel again = direct(); // another run of the app
        again.open(photo("other.jpg", 2));
        again.open(photo);
        assertEquals(stored, again.photoSettings(), "the photo's own edits, not the photo before's");
        assertEquals(0.6, again.develop().property(Adjustment.EXPOSURE).get());
    }

    @Test
    void editsStillWaitingForTheirSaveAreWrittenWhenTheAppCloses() throws Exception {
        Path photo = photo("closing.jpg", 9);
        app.retone.ui.task.ManualTaskExecutor executor = new app.retone.ui.task.ManualTaskExecutor(true, true);
        EditorViewModel vm = viewModel(executor, model, 256);
        vm.open(photo);
        executor.runAll();
        vm.develop().property(Adjustment.EXPOSURE).set(-0.4);
        executor.runAll(); // the save waits for the changes to rest: the clock has not moved
        assertTrue(Sidecar.read(photo).isEmpty(), "not yet written");

        vm.edits().saveAll(); // RetoneApp.stop
        assertEquals(-0.4, Sidecar.read(photo).orElseThrow().develop().exposure(), 1e-12);
        executor.fireDelayed();
        executor.runAll();
        assertEquals(-0.4, Sidecar.read(photo).orElseThrow().develop().exposure(), 1e-12, "the late timer writes nothing else");
    }

    @Test
    void undoAndRedoStepThroughEachChangeOfEachPhoto() throws Exception {
        EditorViewModel vm = direct();
        vm.open(photo("undo.jpg", 3));
        PhotoSettings first = vm.photoSettings();
        assertFalse(vm.undoableProperty().get());
        // a drag is one step, however many values it passes through
        vm.adjustments().adjustingProperty().set(true);
        for (int i = 1; i <= 10; i++) {
            vm.develop().property(Adjustment.CONTRAST).set(i * 4);
        }
        vm.adjustments().adjustingProperty().set(false);
        PhotoSettings dragged = vm.photoSettings();
        vm.rate(2);
        PhotoSettings rated = vm.photoSettings();
        assertTrue(vm.undoableProperty().get());

        vm.undo();
        assertEquals(dragged, vm.photoSettings(), "the rating undone");
        vm.undo();
        assertEquals(first, vm.photoSettings(), "the whole drag undone in one step");
        assertFalse(vm.undoableProperty().get());
        assertTrue(vm.redoableProperty().get());
        vm.redo();
        assertEquals(dragged, vm.photoSettings());
        vm.redo();
        assertEquals(rated, vm.photoSettings());
        assertEquals(rated, Sidecar.read(dir.resolve("undo.jpg")).orElseThrow(), "the sidecar follows undo and redo");

        // another photo has its own history; back on the first, its history is there
        vm.open(photo("second.jpg", 4));
        assertFalse(vm.undoableProperty().get());
        vm.open(dir.resolve("undo.jpg"));
        assertTrue(vm.undoableProperty().get());
        vm.undo();
        assertEquals(dragged, vm.photoSettings());
        // a new change after an undo drops what could have been redone
        vm.develop().property(Adjustment.TINT).set(10);
        assertFalse(vm.redoableProperty().get());
    }

    @Test
    void aDamagedSidecarIsNamedTheDefaultsApplyAndTheFileIsKeptUntilAChangeThenBackedUp() throws Exception {
        Path photo = photo("damaged.jpg", 5);
        byte[] damaged = "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF".getBytes();
        Files.write(Sidecar.of(photo), damaged);
        EditorViewModel vm = direct();
        vm.open(photo);
        assertTrue(notices.stream().anyMatch(n -> n.severity() == Notice.Severity.WARNING
                && n.text().contains("damaged.jpg.xmp")), "a warning that names it: " + notices);
        assertEquals(PhotoSettings.DEFAULT.develop(), vm.photoSettings().develop());
        assertArrayEquals(damaged, Files.readAllBytes(Sidecar.of(photo)), "left exactly as it was");
        vm.develop().property(Adjustment.SHADOWS).set(30);
        assertArrayEquals(damaged, Files.readAllBytes(Sidecar.backupOf(Sidecar.of(photo))), "kept as .xmp.bak");
        assertEquals(30, Sidecar.read(photo).orElseThrow().develop().shadows());
    }

    @Test
    void whereTheSidecarCannotBeWrittenEditsStillWorkAndOneNoticeSaysSo() throws Exception {
        Path photo = photo("blocked.jpg", 6);
        Files.createDirectory(Sidecar.of(photo)); // a folder where the sidecar should be
        byte[] bytes = Files.readAllBytes(photo);
        EditorViewModel vm = direct();
        vm.open(photo);
        notices.clear();
        vm.develop().property(Adjustment.EXPOSURE).set(0.3);
        vm.develop().property(Adjustment.EXPOSURE).set(0.4);
        assertEquals(0.4, vm.photoSettings().develop().exposure(), "the edit works");
        List<Notice> said = notices.stream().filter(n -> n.title().startsWith("Edits cannot be kept")).toList();
        assertEquals(1, said.size(), "said once: " + notices);
        assertTrue(Files.isDirectory(Sidecar.of(photo)), "the folder is left as it is");
        assertArrayEquals(bytes, Files.readAllBytes(photo), "the photo is never touched");
        vm.undo();
        assertEquals(0.3, vm.photoSettings().develop().exposure(), "and undo still works");
    }

    @Test
    void aReadOnlyFolderKeepsEditsWorkingAndSaysOnceThatTheyCannotBeKept() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        Path photo = UiFixtures.castPhoto(folder, "ro.jpg", 240, 160, 7);
        Assumptions.assumeTrue(FaultyDisks.permissionsApply(dir), "running as root: permission bits do not bind");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            EditorViewModel vm = direct();
            vm.open(photo);
            notices.clear();
            vm.rate(5);
            vm.develop().property(Adjustment.WHITES).set(-20);
            assertEquals(5, vm.photoSettings().rating());
            assertEquals(1, notices.stream().filter(n -> n.title().startsWith("Edits cannot be kept")).count(), notices.toString());
            assertFalse(Files.exists(Sidecar.of(photo)));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void twoWindowsEditingOnePhotoLoseNeitherEdit() throws Exception {
        Path photo = photo("shared.jpg", 8);
        EditorViewModel left = direct();
        EditorViewModel right = direct();
        left.open(photo);
        right.open(photo);
        left.develop().property(Adjustment.EXPOSURE).set(0.8);
        right.develop().property(Adjustment.TEMPERATURE).set(-25);
        PhotoSettings kept = Sidecar.read(photo).orElseThrow();
        assertEquals(0.8, kept.develop().exposure(), "the left window's");
        assertEquals(-25, kept.develop().temperature(), "the right window's");
        assertEquals(kept.develop(), right.photoSettings().develop(), "the right window shows both");
        left.rate(3);
        assertEquals(new Develop(0.8, 0, 0, 0, 0, 0, -25, 0, 0, 0), Sidecar.read(photo).orElseThrow().develop(),
                "the left window's next save keeps the right one's edit");
        assertEquals(3, Sidecar.read(photo).orElseThrow().rating());
    }

    @Test
    void aReallyFullDiskLeavesTheSidecarThereAsItWasAndSaysSo() throws Exception {
        String small = System.getProperty("retone.test.fullDisk");
        Assumptions.assumeTrue(small != null && !small.isBlank(), "no small file system given");
        Path folder = Files.createTempDirectory(Path.of(small), "edits");
        Path photo = Files.copy(photo("full.jpg", 9), folder.resolve("full.jpg"));
        Path filler = folder.resolve("filler");
        try {
            EditorViewModel vm = direct();
            vm.open(photo);
            vm.rate(1);
            byte[] before = Files.readAllBytes(Sidecar.of(photo));
            try (var out = Files.newOutputStream(filler)) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                }
            } catch (java.io.IOException full) {
                // the disk is full now
            }
            notices.clear();
            vm.develop().property(Adjustment.BLACKS).set(-40);
            assertEquals(-40, vm.photoSettings().develop().blacks(), "the edit works");
            assertArrayEquals(before, Files.readAllBytes(Sidecar.of(photo)), "the sidecar there is as it was");
            assertEquals(0, FaultyDisks.partFiles(folder), "no half-written file left");
            assertTrue(notices.stream().anyMatch(n -> n.title().startsWith("Edits cannot be kept")), notices.toString());
        } finally {
            Files.deleteIfExists(filler);
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        }
    }
}
