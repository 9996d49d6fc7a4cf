package app.retone.ui.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ImageFormat;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.OutputColourSpace;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.ThumbnailReader;
import app.retone.testing.Pixels;
import app.retone.ui.UiFixtures;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.editor.PreviewBounds;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchExportTest {

    private static CachedPredictorSource model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    private static List<FolderPhoto> photos(Path... paths) {
        List<FolderPhoto> list = new ArrayList<>();
        for (Path p : paths) {
            list.add(new FolderPhoto(p, null));
        }
        return list;
    }

    @Test
    void namesFollowThePatternAndTwoPhotosNeverShareOne() {
        BatchExport.Request request = new BatchExport.Request(dir, null, 90, "{name}-retone", OutputColourSpace.SOURCE);
        List<BatchExport.Item> items = BatchExport.plan(photos(Path.of("/a/beach.jpg"), Path.of("/b/beach.JPG"),
                Path.of("/a/scan.tif"), Path.of("/a/phone.webp"), Path.of("/a/beach.png")), request);

        assertEquals(List.of("beach-retone.jpg", "beach-retone-2.jpg", "scan-retone.tif", "phone-retone.png",
                "beach-retone.png"), items.stream().map(i -> i.destination().getFileName().toString()).toList());
        assertTrue(items.stream().allMatch(i -> i.destination().getParent().equals(dir)));

        BatchExport.Request numbered = new BatchExport.Request(dir, ImageFormat.JPEG, 90, "holiday-{n}", OutputColourSpace.SRGB);
        assertEquals("holiday-002.jpg", BatchExport.plan(photos(Path.of("x.png"), Path.of("y.tif")), numbered).get(1)
                .destination().getFileName().toString());
    }

    @Test
    void aPatternThatCannotNameFilesIsRefusedWithItsReason() {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> new BatchExport.Request(dir, null, 90, "retone", OutputColourSpace.SOURCE));
        assertTrue(noName.getMessage().contains("{name} or {n}"), noName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BatchExport.Request(dir, null, 90, "../{name}",
                OutputColourSpace.SOURCE));
        assertThrows(IllegalArgumentException.class, () -> new BatchExport.Request(dir, null, 0, "{name}",
                OutputColourSpace.SOURCE));
    }

    @Test
    void theSummaryNamesThePhotosWrittenSkippedAndFailedWithWhy() {
        assertEquals("3 photos exported.\nExported: a.jpg, b.jpg, c.jpg",
                new BatchSummary(List.of("a.jpg", "b.jpg", "c.jpg"), List.of(), List.of(), 0).text());
        assertEquals("""
                1 photo exported, 1 skipped, 1 failed, 4 not exported (cancelled).
                Exported: a.jpg
                Skipped:
                • b.jpg: b-retone.jpg exists
                Failed:
                • c.jpg: disk full""",
                new BatchSummary(List.of("a.jpg"), List.of(new BatchSummary.NotWritten("b.jpg", "b-retone.jpg exists")),
                        List.of(new BatchSummary.NotWritten("c.jpg", "disk full")), 4).text());
        assertEquals("0 photos exported, 1 failed.\nFailed:\n• d.jpg: the folder is read-only",
                new BatchSummary(List.of(), List.of(), List.of(new BatchSummary.NotWritten("d.jpg", "the folder is read-only")), 0)
                        .text());
    }

    @Test
    void aLargeBatchsSummaryNamesTheFirstOfEachGroupAndCountsTheRest() {
        int listed = BatchSummary.NAMES_LISTED;
        List<String> written = names("w", 200);
        List<BatchSummary.NotWritten> skipped = names("s", listed + 1).stream()
                .map(n -> new BatchSummary.NotWritten(n, n + " exists")).toList();
        List<BatchSummary.NotWritten> failed = names("f", listed).stream()
                .map(n -> new BatchSummary.NotWritten(n, "damaged")).toList();
        String text = new BatchSummary(written, skipped, failed, 0).text();
        List<String> lines = List.of(text.split("\n"));

        assertEquals("200 photos exported, " + (listed + 1) + " skipped, " + listed + " failed.", lines.get(0));
        assertEquals("Exported: " + String.join(", ", written.subList(0, listed)) + " and " + (200 - listed) + " more",
                lines.get(1));
        assertEquals("Skipped:", lines.get(2));
        for (int i = 0; i < listed; i++) {
            assertEquals("• s" + i + ".jpg: s" + i + ".jpg exists", lines.get(3 + i));
        }
        assertEquals("• and 1 more", lines.get(3 + listed));
        assertEquals("Failed:", lines.get(4 + listed));
        for (int i = 0; i < listed; i++) {
            assertEquals("• f" + i + ".jpg: damaged", lines.get(5 + listed + i), "every failure is named when they fit");
        }
        assertEquals(5 + 2 * listed, lines.size(), "a few lines, whatever the batch: " + text);
        assertFalse(text.contains("w" + listed + ".jpg"), "the written photos past the first are counted, not named");
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + i + ".jpg");
        }
        return names;
    }

    @Test
    void theProgressReadsAsAPersonWouldSayIt() {
        assertEquals("Exporting 1 of 10: a.jpg", BatchExport.progressText(0, 10, "a.jpg", 0));
        assertEquals("Exporting 3 of 10: c.jpg — about 32 s left", BatchExport.progressText(2, 10, "c.jpg", 8_000_000_000L));
        assertEquals("Exporting 3 of 100: c.jpg — about 7 min left", BatchExport.progressText(2, 100, "c.jpg", 8_000_000_000L));
    }

    private static final app.retone.ui.task.TaskContext PLAIN = app.retone.ui.task.TestContexts.PLAIN;
    @Test
    void aBatchMakesEachPhotosLutByTheEditorsOwnRecipeWithoutItsPreviews() throws Exception {
        Path photoFile = UiFixtures.castPhoto(dir, "cast.jpg", 300, 200, 5);
        Path reference = UiFixtures.cleanPhoto(dir, "sunset.png", 200, 150, 6);
        EditorViewModel editor = new EditorViewModel(EditorServices.standard(new PhotoLoader(), model,
                new PreviewBounds(128, 128)), new DirectTaskExecutor(), new MemorySettings());
        var pipeline = editor.pipeline();
        var prepared = pipeline.prepare(photoFile, PLAIN);
        var transfer = editor.look().lookTransferProperty().get();

        assertArrayEquals(pipeline.predictLook(prepared, transfer, false, PLAIN).lut().nodes(),
                pipeline.lut(prepared.fullResolution(PLAIN), PhotoSettings.DEFAULT, transfer, PLAIN).nodes(), "the model's look");
        assertArrayEquals(pipeline.matchLook(prepared, reference, true, PLAIN).lut().nodes(),
                pipeline.lut(prepared.fullResolution(PLAIN), PhotoSettings.reference(reference, 1, true), transfer, PLAIN).nodes(),
                "a reference's look");
    }

    @Test
    void everyPhotoIsExportedWithItsOwnSettingsFailuresListedAndExistingFilesSkippedWhenAsked() throws Exception {
        Path holiday = Files.createDirectories(dir.resolve("holiday"));
        Path a = UiFixtures.castPhoto(holiday, "a.jpg", 120, 80, 1);
        Path b = UiFixtures.castPhoto(holiday, "b.jpg", 120, 80, 2);
        Path broken = UiFixtures.brokenJpeg(holiday, "c.jpg");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("b-retone.png"), "an older export");
        DirectTaskExecutor executor = new DirectTaskExecutor();
        EditorServices services = EditorServices.standard(new PhotoLoader(), model, new PreviewBounds(128, 128));
        EditorViewModel editor = new EditorViewModel(services, executor, new MemorySettings());
        List<Notice> notices = new ArrayList<>();
        editor.notices().addListener(notices::add);
        FolderViewModel folder = new FolderViewModel(editor, executor, new ThumbnailReader(ImageLimits.DEFAULT), services.loader());
        folder.openFolder(holiday);
        editor.adjustments().strengthProperty().set(0); // a.jpg at strength 0: its pixels back
        BatchExportViewModel batch = new BatchExportViewModel(folder, editor, services.exportJob());
        BatchExport.Request request = new BatchExport.Request(out, ImageFormat.PNG, 92, "{name}-retone", OutputColourSpace.SOURCE);
        List<BatchExport.Item> items = BatchExport.plan(List.copyOf(folder.photoList()), request);
        assertEquals(List.of(out.resolve("b-retone.png")), BatchExport.existing(items));

        List<BatchSummary> summaries = new ArrayList<>();
        batch.start(items, request, BatchExport.Existing.SKIP, summaries::add);

        BatchSummary summary = summaries.get(0);
        assertEquals(List.of("a.jpg"), summary.written());
        assertEquals(List.of(new BatchSummary.NotWritten("b.jpg", "b-retone.png exists")), summary.skipped());
        assertEquals(List.of("c.jpg"), summary.failures().stream().map(BatchSummary.NotWritten::photo).toList());
        assertTrue(summary.failures().get(0).reason().contains("c.jpg"), "why it failed: " + summary.failures());
        assertEquals(0, summary.notAttempted());
        assertEquals("an older export", Files.readString(out.resolve("b-retone.png")), "skipped, not replaced");
        Photo original = new PhotoLoader().load(a);
        Photo exported = new PhotoLoader().load(out.resolve("a-retone.png"));
        assertTrue(Pixels.meanAbsDiff(original.argb(), exported.argb()) < 0.01, "strength 0: the photo's own pixels");
        assertFalse(Files.exists(out.resolve("c-retone.png")));
        assertEquals(1, notices.stream().filter(n -> n.title().startsWith("Batch export finished")).count(), String.valueOf(notices));
        Notice shown = notices.stream().filter(n -> n.title().startsWith("Batch export finished")).findFirst().orElseThrow();
        assertEquals(Notice.Severity.WARNING, shown.severity(), "some failed");
        assertTrue(shown.lasts(), "the summary stays until read");
        assertEquals(summary.text(), shown.text());
        assertTrue(shown.text().contains("Exported: a.jpg") && shown.text().contains("• b.jpg: b-retone.png exists")
                && shown.text().contains("• c.jpg: "), "the notice names what was written, skipped and failed: " + shown.text());
        assertFalse(batch.runningProperty().get());

        batch.start(items.subList(1, 2), request, BatchExport.Existing.REPLACE, summaries::add);
        assertEquals(List.of("b.jpg"), summaries.get(1).written());
        Photo replaced = new PhotoLoader().load(out.resolve("b-retone.png"));
        assertEquals(120, replaced.width(), "replaced when asked");
        assertEquals(PhotoSettings.DEFAULT, folder.settingsOf(folder.photoList().get(1)));
        assertTrue(Pixels.meanAbsDiff(new PhotoLoader().load(b).argb(), replaced.argb()) > 1,
                "b.jpg with its own settings (the default look), not a.jpg's strength 0");
        try (var left = Files.list(out)) {
            assertEquals(2, left.count(), "no temporary file left behind");
        }
    }

    @Test
    void theDevelopAdjustmentsAreExportedAndAMissingFolderIsMade() throws Exception {
        Path holiday = Files.createDirectories(dir.resolve("trip"));
        Path a = UiFixtures.castPhoto(holiday, "a.jpg", 120, 80, 3);
        DirectTaskExecutor executor = new DirectTaskExecutor();
        EditorServices services = EditorServices.standard(new PhotoLoader(), model, new PreviewBounds(128, 128));
        EditorViewModel editor = new EditorViewModel(services, executor, new MemorySettings());
        FolderViewModel folder = new FolderViewModel(editor, executor, new ThumbnailReader(ImageLimits.DEFAULT), services.loader());
        folder.openFolder(holiday);
        editor.adjustments().strengthProperty().set(0);
        editor.develop().set(app.retone.core.render.Develop.NEUTRAL.with(app.retone.core.render.Develop.Adjustment.EXPOSURE, 1));
        assertEquals(1, folder.settingsOf(folder.photoList().get(0)).develop().exposure(), 1e-12);
        Path out = dir.resolve("exports").resolve("2026").resolve("trip"); // none of it exists yet
        BatchExport.Request request = new BatchExport.Request(out, ImageFormat.PNG, 92, "{name}", OutputColourSpace.SOURCE);
        List<BatchSummary> summaries = new ArrayList<>();
        new BatchExportViewModel(folder, editor, services.exportJob()).start(BatchExport.plan(List.copyOf(folder.photoList()), request), request,
                BatchExport.Existing.SKIP, summaries::add);

        assertEquals(List.of("a.jpg"), summaries.get(0).written(), summaries.get(0).text());
        int[] original = new PhotoLoader().load(a).argb();
        int[] exported = new PhotoLoader().load(out.resolve("a.png")).argb();
        double gain = Pixels.mean(exported)[1] / Pixels.mean(original)[1];
        assertTrue(gain > 1.2, "exposure +1 (a stop) is in the export: the mean rose " + gain + "×");
    }
}
