package app.retone.ui.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ImageLimits;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.image.Thumbnail;
import app.retone.core.image.ThumbnailReader;
import app.retone.ui.UiFixtures;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.DetailFrame;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.editor.PreparedPhoto;
import app.retone.ui.editor.PreviewBounds;
import app.retone.core.render.TargetKind;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import app.retone.ui.task.ManualTaskExecutor;
import app.retone.ui.task.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder open in the editor, with no stage: work runs on the test's thread, in the order the test decides. */
class FolderViewModelTest {

    private static CachedPredictorSource model;

    @TempDir
    Path dir;

    private final List<Notice> notices = new ArrayList<>();

    @BeforeAll
    static void loadModel() {
        model = new CachedPredictorSource(Path.of("models"), "histonet-v1");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    /** The services of the editor made last: the folder shares its loader, as the composition root has it. */
    private EditorServices services;

    private EditorViewModel editor(TaskExecutor executor) {
        services = EditorServices.standard(new PhotoLoader(), model, new PreviewBounds(128, 128));
        EditorViewModel vm = new EditorViewModel(services, executor, new MemorySettings());
        vm.notices().addListener(notices::add);
        return vm;
    }

    private FolderViewModel folder(EditorViewModel editor, TaskExecutor executor) {
        return new FolderViewModel(editor, executor, new ThumbnailReader(ImageLimits.DEFAULT), services.loader());
    }

    /** p01.jpg … pNN.jpg, small cast photos, in a folder of their own. */
    private Path photos(int count) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("holiday"));
        for (int i = 1; i <= count; i++) {
            UiFixtures.castPhoto(folder, String.format("p%02d.jpg", i), 96, 64, i);
        }
        return folder;
    }

    private static List<String> names(FolderViewModel folder) {
        return folder.photoList().stream().map(FolderPhoto::name).toList();
    }

    @Test
    void aFolderOpensInNameOrderShowsTheFirstAndMakesEveryLookMarkingWhatFails() throws Exception {
        Path holiday = photos(4);
        UiFixtures.brokenJpeg(holiday, "p03b.jpg");
        Files.writeString(holiday.resolve("notes.txt"), "not a photo");
        EditorViewModel editor = editor(new DirectTaskExecutor());
        FolderViewModel folder = folder(editor, new DirectTaskExecutor());

        folder.openFolder(holiday);

        assertEquals(List.of("p01.jpg", "p02.jpg", "p03.jpg", "p03b.jpg", "p04.jpg"), names(folder));
        assertEquals(0, folder.indexProperty().get());
        assertEquals("p01.jpg", editor.session().detailsProperty().get().fileName());
        assertTrue(editor.look().hasLookProperty().get());
        for (FolderPhoto photo : folder.photoList()) {
            if (photo.name().equals("p03b.jpg")) {
                assertEquals(FolderPhoto.State.FAILED, photo.state());
                assertTrue(photo.failureProperty().get().contains("p03b.jpg"), photo.failureProperty().get());
            } else {
                assertEquals(FolderPhoto.State.LOOK_READY, photo.state(), photo.name());
            }
        }
        assertEquals(List.of(holiday), editor.session().recentFiles().files(), "the folder is a recent item, not each photo");
        notices.clear();
        folder.moveTo(3); // p03b.jpg, known to fail: a warning in passing, no error dialog, p01 stays on screen
        assertEquals(List.of(Notice.Severity.WARNING), notices.stream().map(Notice::severity).toList());
        assertTrue(notices.get(0).title().contains("p03b.jpg"), notices.get(0).title());
        assertEquals("p01.jpg", editor.session().detailsProperty().get().fileName());
        folder.next();
        assertEquals("p04.jpg", editor.session().detailsProperty().get().fileName(), "→ goes on past it");
    }

    @Test
    void byDateTakenTheDatesAreReadThenThePhotosOrderedUndatedLastKeepingThePhotoOnScreen() throws Exception {
        Path holiday = Files.createDirectories(dir.resolve("dated"));
        byte[] jpeg = java.nio.file.Files.readAllBytes(UiFixtures.castPhoto(dir, "scene.jpg", 96, 64, 3));
        String[][] files = {{"a.jpg", "2021:05:01 10:00:00"}, {"b.jpg", null}, {"c.jpg", "2019:01:01 08:00:00"},
                {"d.jpg", "2020:12:31 23:59:59"}};
        for (String[] f : files) {
            byte[] exif = f[1] == null ? null : new app.retone.testing.ExifBuilder().ascii(0x9003, f[1], true).build();
            Files.write(holiday.resolve(f[0]), exif == null ? jpeg
                    : app.retone.core.image.JpegSegments.insert(jpeg, exif, null, null));
        }
        EditorViewModel editor = editor(new DirectTaskExecutor());
        FolderViewModel folder = folder(editor, new DirectTaskExecutor());
        folder.openFolder(holiday);
        folder.moveTo(3); // d.jpg
        assertTrue(folder.photoList().get(0).dateTaken().isEmpty(), "dates are not read for name order");

        folder.orderProperty().set(PhotoOrder.DATE_TAKEN);

        assertEquals(List.of("c.jpg", "d.jpg", "a.jpg", "b.jpg"), names(folder));
        assertEquals("d.jpg", folder.currentPhoto().name(), "the photo on screen stays on screen");
        assertEquals(1, folder.indexProperty().get());
        folder.orderProperty().set(PhotoOrder.NAME);
        assertEquals(List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg"), names(folder));
        assertEquals(3, folder.indexProperty().get());
    }

    @Test
    void movingToAPreparedNeighbourShowsItWithItsLookAtOnce() throws Exception {
        Path holiday = photos(5);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel editor = editor(executor);
        FolderViewModel folder = folder(editor, executor);
        folder.openFolder(holiday);
        executor.runAll(); // the listing, the first photo, its look, and the neighbours' looks

        folder.next();

        assertEquals("p02.jpg", editor.session().detailsProperty().get().fileName(), "shown without running anything");
        assertTrue(editor.look().hasLookProperty().get(), "with its look");
        assertFalse(executor.titles().contains("Predicting the look"), "nothing predicted again: " + executor.titles());
        assertEquals(FolderPhoto.State.LOOK_READY, folder.currentPhoto().state());

        folder.next();
        folder.next(); // p04: not prepared yet (only p03 was, beside p02): opened as usual
        assertEquals("p02.jpg", editor.session().detailsProperty().get().fileName(),
                "p04 was not prepared: the last photo stays until it is decoded");
        executor.runAll();
        assertEquals("p04.jpg", editor.session().detailsProperty().get().fileName());
        assertTrue(editor.look().hasLookProperty().get());

        folder.next();
        folder.next(); // past the end: stays on the last photo
        assertEquals(4, folder.indexProperty().get());
        folder.moveTo(-3);
        assertEquals(4, folder.indexProperty().get());
    }

    @Test
    void onlyThePhotoOnScreenHoldsItsFullResolutionAndANeighboursDetailAndExportUseItsOwn() throws Exception {
        Path holiday = Files.createDirectories(dir.resolve("large"));
        for (int i = 1; i <= 3; i++) {
            UiFixtures.castPhoto(holiday, "p0" + i + ".jpg", 600, 400, 40 + i); // display copies of 128 x 85
        }
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel editor = editor(executor);
        FolderViewModel folder = folder(editor, executor);
        folder.openFolder(holiday);
        executor.runAll();
        PreparedPhoto first = editor.session().current();
        assertTrue(first.holdsFullResolution(), "the photo on screen holds its full resolution");
        assertTrue(folder.isPrepared(folder.photoList().get(1)));

        folder.next();

        PreparedPhoto arrived = editor.session().current();
        assertEquals("p02.jpg", arrived.details().fileName());
        assertTrue(editor.look().hasLookProperty().get(), "shown with its look at once");
        assertFalse(arrived.holdsFullResolution(), "prepared ahead: only what the screen needs was kept");
        assertFalse(first.holdsFullResolution(), "the photo left lets go of its full resolution");
        assertTrue(folder.isPrepared(folder.photoList().get(0)), "and is kept prepared, for ←");
        assertEquals(128, arrived.before().width());

        // before anything decodes it again: an export, and the detail at 100 %
        Path exported = dir.resolve("p02-from-folder.png");
        editor.export().export(exported, new ExportOptions(ImageFormat.PNG, ExportOptions.DEFAULT_QUALITY, false));
        editor.detail().requestDetail(0, 0, 600, 400, 1.0);
        executor.runNext("Exporting p02-from-folder.png"); // decodes p02 again for itself
        executor.runAll();

        Photo full = new PhotoLoader().load(holiday.resolve("p02.jpg"));
        DetailFrame detail = editor.detail().detailProperty().get();
        assertEquals(600, detail.before().width(), "the detail is the photo's own pixels at 100 %");
        assertArrayEquals(full.argb(), Arrays.copyOf(detail.before().argb(), 600 * 400));
        assertTrue(arrived.holdsFullResolution(), "decoded again in the background now that it is on screen");

        // the export is the one a photo opened on its own gives
        ManualTaskExecutor alone = new ManualTaskExecutor();
        EditorViewModel direct = editor(alone);
        direct.open(holiday.resolve("p02.jpg"));
        alone.runAll();
        Path expected = dir.resolve("p02-opened.png");
        direct.export().export(expected, new ExportOptions(ImageFormat.PNG, ExportOptions.DEFAULT_QUALITY, false));
        alone.runAll();
        Photo fromFolder = new PhotoLoader().load(exported);
        assertEquals(600, fromFolder.width());
        assertEquals(400, fromFolder.height());
        assertArrayEquals(new PhotoLoader().load(expected).argb(), fromFolder.argb());

        folder.previous();
        assertSame(first, editor.session().current(), "← shows the photo left at once");
        assertTrue(editor.look().hasLookProperty().get());
        assertFalse(arrived.holdsFullResolution(), "and p02, left, lets go of its own");
        assertEquals(List.of(), notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList());
    }

    @Test
    void eachPhotoKeepsItsSettingsWhileTheFolderIsOpen() throws Exception {
        Path holiday = photos(3);
        EditorViewModel editor = editor(new DirectTaskExecutor());
        FolderViewModel folder = folder(editor, new DirectTaskExecutor());
        folder.openFolder(holiday);

        editor.adjustments().strengthProperty().set(0.4);
        editor.adjustments().regrainProperty().set(false);
        folder.next();
        assertEquals(PhotoSettings.DEFAULT, editor.photoSettings(), "a photo not seen yet gets the default");
        editor.adjustments().strengthProperty().set(1.25);
        folder.previous();

        assertEquals(PhotoSettings.model(0.4, false), editor.photoSettings());
        assertEquals(PhotoSettings.model(1.25, PhotoSettings.DEFAULT.regrain()), folder.settingsOf(folder.photoList().get(1)));
    }

    @Test
    void copiedSettingsPasteOntoTheSelectedPhotosAndSameForAllGivesThemToEvery() throws Exception {
        Path holiday = photos(4);
        Path reference = UiFixtures.cleanPhoto(dir, "sunset.jpg", 80, 60, 9);
        EditorViewModel editor = editor(new DirectTaskExecutor());
        FolderViewModel folder = folder(editor, new DirectTaskExecutor());
        folder.openFolder(holiday);
        editor.apply(PhotoSettings.reference(reference, 0.7, false));
        assertEquals(TargetKind.REFERENCE, editor.look().targetKindProperty().get());

        folder.copySettings();
        List<FolderPhoto> all = folder.photoList();
        folder.pasteSettings(List.of(all.get(2), all.get(3)));

        PhotoSettings copied = PhotoSettings.reference(reference, 0.7, false);
        assertEquals(copied, folder.settingsOf(all.get(2)));
        assertEquals(copied, folder.settingsOf(all.get(3)));
        assertEquals(PhotoSettings.DEFAULT, folder.settingsOf(all.get(1)));
        assertEquals(FolderPhoto.State.LOOK_READY, all.get(3).state(), "its new look was made in the background");
        folder.moveTo(3);
        assertEquals(copied, editor.photoSettings(), "shown with the pasted settings");
        assertEquals(TargetKind.REFERENCE, editor.look().lookProperty().get().kind());

        editor.apply(PhotoSettings.model(1.1, true));
        folder.sameSettingsForAll();
        for (FolderPhoto photo : all) {
            assertEquals(PhotoSettings.model(1.1, true), folder.settingsOf(photo), photo.name());
        }
        folder.moveTo(0);
        assertEquals(PhotoSettings.model(1.1, true), editor.photoSettings());
    }

    @Test
    void theQueueDoesTheNeighboursThenTheNearestAndStopsWhenTheFolderCloses() throws Exception {
        Path holiday = photos(7);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        EditorViewModel editor = editor(executor);
        FolderViewModel folder = folder(editor, executor);
        folder.openFolder(holiday);
        executor.runNext(); // the listing
        folder.moveTo(3);   // p04 on screen
        executor.runNext("Look of p02.jpg"); // asked for beside p01, under way when the user moved: it finishes

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String next = executor.titles().stream().filter(t -> t.startsWith("Look of ")).findFirst().orElseThrow();
            assertEquals(1, executor.titles().stream().filter(t -> t.startsWith("Look of ") || t.startsWith("Thumbnail of "))
                    .count(), "the folder's work, one piece at a time: " + executor.titles());
            order.add(next.substring("Look of ".length()));
            executor.runNext(next);
        }
        assertEquals(List.of("p05.jpg", "p03.jpg", "p06.jpg"), order, "after, before, then the nearest waiting");

        List<FolderPhoto> was = List.copyOf(folder.photoList());
        List<FolderPhoto.State> statesBefore = was.stream().map(FolderPhoto::state).toList();
        folder.close();
        executor.runAll(); // what was under way: cancelled, its result dropped

        assertEquals(statesBefore, was.stream().map(FolderPhoto::state).toList(), "no look arrived after closing");
        assertTrue(executor.titles().stream().noneMatch(t -> t.startsWith("Look of ")), "nothing more is made");
        assertTrue(folder.photoList().isEmpty());
        assertEquals(-1, folder.indexProperty().get());
    }

    @Test
    void lookQueueOrder() {
        List<FolderPhoto> photos = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            photos.add(new FolderPhoto(Path.of("p" + i + ".jpg"), null));
        }
        photos.get(3).failed("damaged");
        photos.get(4).lookReady();

        // on p2: p3 failed, so p1 (before) is the neighbour to prepare
        assertEquals(new LookQueue.Job(photos.get(1), true), LookQueue.next(photos, 2, p -> false, p -> false).orElseThrow());
        // p1 prepared (its look made), p3 failed: the nearest still waiting, after first; p4's look is ready already
        photos.get(1).lookReady();
        assertEquals(new LookQueue.Job(photos.get(0), false), LookQueue.next(photos, 2,
                p -> p == photos.get(1), p -> false).orElseThrow());
        assertEquals(new LookQueue.Job(photos.get(5), false), LookQueue.next(photos, 4,
                p -> true, p -> false).orElseThrow());
        assertTrue(LookQueue.next(photos, -1, p -> false, p -> false).isEmpty(), "nothing on screen: nothing to do");
    }

    @Test
    void cachedThumbnailsComeInTheBriefLaneWhileALookRunsAndOnlyTheOthersAreMade() throws Exception {
        List<FolderPhoto> photos = new ArrayList<>();
        for (String name : List.of("a.jpg", "b.jpg", "c.jpg")) {
            photos.add(new FolderPhoto(dir.resolve(name), null));
        }
        Thumbnail stored = new Thumbnail(2, 1, new int[] {0xFF00FF00, 0xFF00FF00});
        List<String> made = new ArrayList<>();
        app.retone.core.image.ThumbnailSource source = new app.retone.core.image.ThumbnailSource() {
            @Override
            public Thumbnail read(Path photo, int maxSide) {
                made.add(photo.getFileName().toString());
                return new Thumbnail(1, 1, new int[] {0xFFFF0000});
            }

            @Override
            public java.util.Optional<Thumbnail> cached(Path photo, int maxSide) {
                return photo.getFileName().toString().equals("b.jpg") ? java.util.Optional.empty()
                        : java.util.Optional.of(stored);
            }
        };
        ManualTaskExecutor executor = new ManualTaskExecutor();
        FolderWork work = new FolderWork(executor);
        FolderWork brief = FolderWork.brief(executor);
        Thumbnails thumbnails = new Thumbnails(source, 10, FolderPhoto::failed, work::wake, brief::wake);
        brief.add(thumbnails::cachedTask);
        work.add(thumbnails::nextTask);
        boolean[] lookRuns = {true};
        work.add(() -> lookRuns[0] ? java.util.Optional.of(app.retone.ui.task.BackgroundTask.of("Look of x.jpg",
                context -> {
                    lookRuns[0] = false;
                    return null;
                })) : java.util.Optional.empty());
        work.wake(); // a look under way in the long lane

        photos.forEach(thumbnails::want);

        assertEquals(List.of("Look of x.jpg", "Thumbnails from the cache"), executor.titles(), "not behind the look");
        executor.runNext("Thumbnails from the cache"); // a.jpg, asked for while the lane was free
        assertSame(stored, photos.get(0).thumbnailProperty().get());
        assertEquals(List.of("Look of x.jpg", "Thumbnails from the cache"), executor.titles(), "one piece at a time");
        executor.runNext("Thumbnails from the cache"); // c.jpg and b.jpg, asked for meanwhile, together
        assertSame(stored, photos.get(2).thumbnailProperty().get());
        assertNull(photos.get(1).thumbnailProperty().get(), "b.jpg is not in the cache: it waits for the long lane");
        assertEquals(List.of("Look of x.jpg"), executor.titles());
        executor.runAll();
        assertEquals(List.of("b.jpg"), made, "only the photo not in the cache was read");
        assertEquals(1, photos.get(1).thumbnailProperty().get().width());
    }

    @Test
    void aThumbnailThatFoundNoRoomLeavesNoRedCrossAndADamagedPhotoDoes() {
        FolderPhoto tight = new FolderPhoto(Path.of("tight.jpg"), null);
        FolderPhoto damaged = new FolderPhoto(Path.of("damaged.jpg"), null);
        app.retone.core.image.ThumbnailSource source = (photo, side) -> {
            throw new app.retone.core.image.ImageReadException(photo.endsWith("tight.jpg")
                    ? app.retone.core.image.ImageReadException.Problem.NO_MEMORY_NOW
                    : app.retone.core.image.ImageReadException.Problem.CORRUPT, photo, "as scripted");
        };
        ManualTaskExecutor executor = new ManualTaskExecutor();
        FolderWork work = new FolderWork(executor);
        Thumbnails thumbnails = new Thumbnails(source, 3, FolderPhoto::failed, work::wake);
        work.add(thumbnails::nextTask);
        thumbnails.want(tight);
        thumbnails.want(damaged);
        executor.runAll();
        assertEquals(FolderPhoto.State.FAILED, damaged.state());
        assertTrue(tight.state() != FolderPhoto.State.FAILED, "want of memory is no fault of the photo");
        assertEquals(null, tight.thumbnailProperty().get());
        thumbnails.close();
    }

    @Test
    void thumbnailsAreKeptForABoundedNumberOfPhotosTheLeastRecentlyWantedDropped() throws Exception {
        Path holiday = photos(5);
        List<FolderPhoto> photos = new ArrayList<>();
        try (var files = Files.list(holiday)) {
            files.sorted().forEach(p -> photos.add(new FolderPhoto(p, null)));
        }
        ManualTaskExecutor executor = new ManualTaskExecutor();
        FolderWork work = new FolderWork(executor);
        Thumbnails thumbnails = new Thumbnails(new ThumbnailReader(ImageLimits.DEFAULT), 3, FolderPhoto::failed, work::wake);
        work.add(thumbnails::nextTask);

        photos.forEach(thumbnails::want);
        assertEquals(1, executor.pending(), "one read at a time");
        executor.runAll();

        // read newest wanted first: p1 (already running), then p5, p4, p3, p2; the last three read are kept
        assertEquals(3, thumbnails.keptCount());
        List<Boolean> kept = photos.stream().map(p -> p.thumbnailProperty().get() != null).toList();
        assertEquals(List.of(false, true, true, true, false), kept);
        assertEquals(96, photos.get(1).thumbnailProperty().get().width(), "a 96 x 64 photo is not enlarged");
        thumbnails.close();
        assertTrue(photos.stream().allMatch(p -> p.thumbnailProperty().get() == null), "let go on close");
    }
}
