package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.FaultyDisks;
import app.retone.testing.FaultyModels;
import app.retone.testing.TestImages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Model faults and disk faults through 'enhance' and 'transfer': exit code 1, one line each, nothing partial written. */
class FaultsCommandLineTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    private Path photos;
    private Path reference;

    @BeforeEach
    void photos() throws IOException {
        photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 2; i++) {
            Photo p = SyntheticPhoto.landscape(160, 120, 40 + i);
            TestImages.write(photos.resolve("p" + i + ".png"), TestImages.fromArgb(p.argb(), 160, 120, false), "png");
        }
        Photo r = SyntheticPhoto.landscape(120, 90, 50);
        reference = TestImages.write(dir.resolve("ref.png"), TestImages.fromArgb(r.argb(), 120, 90, false), "png");
    }

    private String[] enhance(String model, Path out, Path... inputs) {
        Stream<String> files = Stream.of(inputs).map(Path::toString);
        return Stream.concat(Stream.concat(Stream.of("enhance"), files),
                Stream.of("-o", out.toString(), "--models", FaultyModels.DIR.toString(), "--model", model)).toArray(String[]::new);
    }

    private List<String> errorLines() {
        return stderr.strip().lines().toList();
    }

    // ---- model faults ---------------------------------------------------------------------

    @Test
    void theHealthyFixtureModelEnhances() throws IOException {
        Path out = dir.resolve("fine.png");
        assertEquals(0, run(enhance(FaultyModels.HEALTHY, out, photos.resolve("p0.png"))), stderr);
        assertTrue(Files.exists(out));
    }

    static List<String> caughtAtLoad() {
        return FaultyModels.CAUGHT_AT_LOAD;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caughtAtLoad")
    void aModelRefusedAtLoadIsOneLineAndNothingIsWritten(String model) {
        Path out = dir.resolve("out");
        int code = run(enhance(model, out, photos.resolve("p0.png"), photos.resolve("p1.png")));
        assertEquals(1, code);
        assertEquals(1, errorLines().size(), stderr);
        String line = errorLines().get(0);
        assertTrue(line.startsWith("retone: the model " + model + ".onnx "), line);
        assertTrue(line.contains(" does not fit Retone: ") || line.contains(" is damaged or not an ONNX model "), line);
        assertFalse(Files.exists(out), "not even the output folder is made");
        assertEquals("", stdout);
    }

    static List<String> caughtAtPredict() {
        return FaultyModels.CAUGHT_AT_PREDICT;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caughtAtPredict")
    void aModelRefusedForAPhotoFailsThatPhotoAndTheBatchGoesOn(String model) throws IOException {
        Path good = FaultyModels.everyColourPhoto(photos.resolve("all-colours.png"));
        Path out = dir.resolve("out");
        int code = run(enhance(model, out, photos.resolve("p0.png"), good, photos.resolve("p1.png")));
        assertEquals(1, code, stderr);
        for (String photo : List.of("p0.png", "p1.png")) {
            String prefix = "retone: " + photos.resolve(photo) + ": the model " + model + ".onnx gave an unusable answer: ";
            assertEquals(1, errorLines().stream().filter(l -> l.startsWith(prefix) && l.endsWith(" (nothing written)")).count(),
                    stderr);
            assertFalse(Files.exists(out.resolve(photo)));
        }
        assertTrue(Files.exists(out.resolve("all-colours.png")), "the photo the model can answer is enhanced");
        assertTrue(stdout.contains("1 of 3 done"), stdout);
        assertTrue(stderr.contains("2 failed:"), stderr);
        assertEquals(0, FaultyDisks.partFiles(out));
    }

    @Test
    void aModelRefusedForASinglePhotoIsOneLine() {
        Path out = dir.resolve("one.jpg");
        assertEquals(1, run(enhance("nan-on-empty-bins", out, photos.resolve("p0.png"))));
        assertEquals(1, errorLines().size(), stderr);
        assertTrue(errorLines().get(0).matches("retone: .*p0\\.png: the model nan-on-empty-bins\\.onnx gave an unusable answer:"
                + " it returned NaN at bin \\d+ \\(nothing written\\)"), stderr);
        assertFalse(Files.exists(out));
    }

    // ---- export faults --------------------------------------------------------------------

    private String[] transfer(Path input, Path out, String... more) {
        return Stream.concat(Stream.of("transfer", input.toString(), "-r", reference.toString(), "-o", out.toString()),
                Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void aFullDiskIsOneLineAndLeavesNothing() throws IOException {
        Path out = dir.resolve("out.jpg");
        assertEquals(1, runWith(new PhotoExporter(FaultyDisks.fullAfter(1000)), transfer(photos.resolve("p0.png"), out)));
        assertEquals(List.of("retone: " + out + ": the disk is full (No space left on device); nothing was saved"), errorLines());
        assertFalse(Files.exists(out));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aFullDiskWhileReplacingTheOriginalWithForceKeepsTheOriginal() throws IOException {
        Path original = photos.resolve("p0.png");
        byte[] before = Files.readAllBytes(original);
        assertEquals(1, runWith(new PhotoExporter(FaultyDisks.fullAfter(1000)), transfer(original, original, "--force")));
        assertEquals(List.of("retone: " + original + ": the disk is full (No space left on device); nothing was saved;"
                + " the existing file is unchanged"), errorLines());
        assertArrayEquals(before, Files.readAllBytes(original));
        assertEquals(0, FaultyDisks.partFiles(photos));
    }

    @Test
    void aDiskThatFillsOnOnePhotoOfABatchFailsThatOneAndWritesTheOthers() throws IOException {
        Path extra = Files.copy(photos.resolve("p0.png"), photos.resolve("p2.png"));
        AtomicInteger opened = new AtomicInteger();
        PhotoExporter.ChannelOpener full = FaultyDisks.fullAfter(500);
        PhotoExporter secondFails = new PhotoExporter(path -> opened.incrementAndGet() == 2
                ? full.open(path) : FileChannel.open(path, StandardOpenOption.WRITE));
        Path out = dir.resolve("results");
        int code = runWith(secondFails, "transfer", photos.resolve("p0.png").toString(), photos.resolve("p1.png").toString(),
                extra.toString(), "-r", reference.toString(), "-o", out.toString());
        assertEquals(1, code);
        assertTrue(Files.exists(out.resolve("p0.png")));
        assertFalse(Files.exists(out.resolve("p1.png")));
        assertTrue(Files.exists(out.resolve("p2.png")), "the photo after the failure is still written");
        assertTrue(stderr.startsWith("retone: " + out.resolve("p1.png") + ": the disk is full (No space left on device);"
                + " nothing was saved\n"), stderr);
        assertTrue(stdout.contains("2 of 3 done"), stdout);
        assertEquals(0, FaultyDisks.partFiles(out));
    }

    @Test
    void aFolderThatRefusesTheFileIsOneLine() throws IOException {
        Path existing = TestImages.write(dir.resolve("out.png"), new byte[] {1, 2, 3});
        assertEquals(1, runWith(new PhotoExporter(FaultyDisks.readOnlyFolder()),
                transfer(photos.resolve("p0.png"), existing, "--force")));
        assertEquals(List.of("retone: " + dir + ": the folder is not writable (permission denied); nothing was saved;"
                + " the existing file is unchanged"), errorLines());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aReadOnlyFolderIsOneLine() throws IOException {
        Assumptions.assumeTrue(FaultyDisks.permissionsApply(dir), "running as root: permission bits do not bind");
        Path folder = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertEquals(1, run(transfer(photos.resolve("p0.png"), folder.resolve("out.jpg"))));
            assertEquals(List.of("retone: " + folder + ": the folder is not writable (permission denied)"), errorLines());
            assertEquals(0, FaultyDisks.partFiles(folder));
        } finally {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingDestinationFolderIsOneLineAndNothingIsCreated() throws IOException {
        Path out = dir.resolve("no/such/folder/out.jpg");
        assertEquals(1, run(transfer(photos.resolve("p0.png"), out)));
        assertEquals(List.of("retone: " + out + ": the destination folder does not exist"), errorLines());
        assertFalse(Files.exists(dir.resolve("no")), "no folder is made for a single output file");
    }

    @Test
    void aFileThatAppearsUnderTheSameNameWhileWritingIsKept() throws IOException {
        Path out = dir.resolve("race.jpg");
        byte[] theirs = {7, 7, 7};
        assertEquals(1, runWith(new PhotoExporter(FaultyDisks.destinationAppearsWhileWriting(out, theirs)),
                transfer(photos.resolve("p0.png"), out)));
        assertEquals(List.of("retone: " + out + ": a file of this name appeared while writing; it was left as it is and nothing"
                + " was saved (use --force to replace it)"), errorLines());
        assertArrayEquals(theirs, Files.readAllBytes(out));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }

    @Test
    void aWriteInterruptedHalfWayIsOneLineAndLeavesNothing() throws IOException {
        Path out = dir.resolve("cut.png");
        int code;
        try {
            code = runWith(new PhotoExporter(FaultyDisks.interruptedAfter(1000)), transfer(photos.resolve("p0.png"), out));
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, code);
        assertEquals(List.of("retone: " + out + ": the export was interrupted before it finished; nothing was saved"),
                errorLines());
        assertFalse(Files.exists(out));
        assertEquals(0, FaultyDisks.partFiles(dir));
    }
}
