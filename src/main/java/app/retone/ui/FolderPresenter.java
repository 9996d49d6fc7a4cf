package app.retone.ui;

import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import app.retone.ui.folder.BatchExport;
import app.retone.ui.folder.BatchExportViewModel;
import app.retone.ui.filmstrip.Filmstrip;
import app.retone.ui.folder.FolderPhoto;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.folder.PhotoOrder;
import app.retone.ui.folder.RememberedBatch;
import app.retone.ui.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.stage.Window;

/**
 * The window's side of a folder: what opening means (a folder, several photos, or one), the
 * filmstrip below the photo, ← and → to move, the settings clipboard, and the batch export's
 * dialogs. Its commands are wired once to their menu items.
 */
final class FolderPresenter {

    /** The menu items the folder's commands are attached to. */
    record Items(MenuItem openFolder, MenuItem closeFolder, MenuItem exportSelected, MenuItem copySettings,
                 MenuItem pasteSettings, MenuItem sameForAll, MenuItem next, MenuItem previous,
                 RadioMenuItem byName, RadioMenuItem byDate) {
    }

    private final EditorViewModel editor;
    private final FolderViewModel folder;
    private final BatchExportViewModel batch;
    private final FileDialogs dialogs;
    private final Settings settings;
    private final Supplier<Window> window;
    private final Consumer<Notice> notices;
    private final Filmstrip filmstrip;

    FolderPresenter(EditorViewModel editor, FolderViewModel folder, BatchExportViewModel batch, FileDialogs dialogs,
                    Settings settings, Supplier<Window> window, Consumer<Notice> notices) {
        this.editor = editor;
        this.folder = folder;
        this.batch = batch;
        this.dialogs = dialogs;
        this.settings = settings;
        this.window = window;
        this.notices = notices;
        this.filmstrip = new Filmstrip(folder);
    }

    void bind(Pane filmstripHolder, Node keyRoot, Items items) {
        filmstripHolder.getChildren().setAll(filmstrip.view());
        var closed = folder.openProperty().not();
        Command.of(this::chooseFolder).attach(items.openFolder());
        Command.of(folder::close).disabledWhen(closed).attach(items.closeFolder());
        Command.of(this::exportSelected).disabledWhen(closed.or(batch.runningProperty())).attach(items.exportSelected());
        var noPhoto = editor.session().hasPhotoProperty().not();
        Command.of(folder::copySettings).disabledWhen(closed.or(noPhoto)).attach(items.copySettings());
        Command.of(() -> folder.pasteSettings(filmstrip.selected()))
                .disabledWhen(closed.or(folder.clipboardProperty().isNull())).attach(items.pasteSettings());
        Command.of(folder::sameSettingsForAll).disabledWhen(closed.or(noPhoto)).attach(items.sameForAll());
        Command.of(folder::next).disabledWhen(closed).attach(items.next());
        Command.of(folder::previous).disabledWhen(closed).attach(items.previous());
        ToggleGroup order = new ToggleGroup();
        items.byName().setToggleGroup(order);
        items.byDate().setToggleGroup(order);
        var byDate = folder.orderProperty().isEqualTo(PhotoOrder.DATE_TAKEN);
        Command.of(() -> folder.orderProperty().set(PhotoOrder.NAME)).selectedWhen(byDate.not())
                .attach(items.byName());
        Command.of(() -> folder.orderProperty().set(PhotoOrder.DATE_TAKEN)).selectedWhen(byDate)
                .attach(items.byDate());
        keyRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::arrowKeys);
        keyRoot.addEventFilter(KeyEvent.KEY_PRESSED, this::ratingKeys);
    }

    /**
     * 0 to 5 give stars, as in darktable and Lightroom: to the photos selected in the strip (or the
     * one on screen), or to the photo open alone; not while typing in a field.
     */
    private void ratingKeys(KeyEvent e) {
        int stars = switch (e.getCode()) {
            case DIGIT0, NUMPAD0 -> 0;
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            default -> -1;
        };
        if (stars < 0 || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        Node focused = ((Node) e.getSource()).getScene() == null ? null : ((Node) e.getSource()).getScene().getFocusOwner();
        if (focused instanceof TextInputControl || focused instanceof Spinner<?>) {
            return;
        }
        if (folder.openProperty().get()) {
            folder.rate(filmstrip.selected(), stars);
        } else {
            editor.rate(stars);
        }
        e.consume();
    }

    /**
     * ← and → move through the folder whatever has the focus (a slider just dragged keeps it), as in
     * Lightroom, except where they move a caret or a choice: a text field, a spinner, an open list. A
     * focused slider still takes ↑ and ↓.
     */
    private void arrowKeys(KeyEvent e) {
        if (!folder.openProperty().get() || e.isShortcutDown() || e.isAltDown() || e.isShiftDown()
                || (e.getCode() != KeyCode.LEFT && e.getCode() != KeyCode.RIGHT)) {
            return;
        }
        Node focused = ((Node) e.getSource()).getScene() == null ? null : ((Node) e.getSource()).getScene().getFocusOwner();
        if (focused instanceof TextInputControl || focused instanceof Spinner<?>
                || (focused instanceof ComboBoxBase<?> box && box.isShowing())) {
            return;
        }
        if (e.getCode() == KeyCode.RIGHT) {
            folder.next();
        } else {
            folder.previous();
        }
        e.consume();
    }

    /**
     * Opens what the user gave (the open dialog, a drop, the command line, a recent item): a
     * folder opens as one; several photos open together like a folder; one photo opens alone.
     */
    void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        Path first = paths.get(0);
        if (Files.isDirectory(first)) {
            if (paths.size() > 1) {
                notices.accept(Notice.info("One folder at a time", "Opened " + first.getFileName() + "; "
                        + (paths.size() - 1) + " more ignored."));
            }
            folder.openFolder(first);
        } else if (paths.size() > 1) {
            folder.openPhotos(paths.stream().filter(p -> !Files.isDirectory(p)).toList());
        } else {
            folder.close();
            editor.open(first);
        }
    }

    void chooseAndOpen() {
        open(dialogs.choosePhotos(window.get(), "Open photos", editor.session().lastFolder().orElse(null)));
    }

    private void chooseFolder() {
        dialogs.chooseFolder(window.get(), "Open a folder of photos", editor.session().lastFolder().orElse(null))
                .ifPresent(folder::openFolder);
    }

    /** The selected photos (or the one on screen) through the batch dialog, the question about existing files, then the batch. */
    private void exportSelected() {
        List<FolderPhoto> chosen = filmstrip.selected().stream().filter(p -> p.state() != FolderPhoto.State.FAILED).toList();
        if (chosen.isEmpty()) {
            notices.accept(Notice.info("Nothing to export", "The selected photos cannot be opened."));
            return;
        }
        BatchExport.Request remembered = RememberedBatch.read(settings, folder.folderProperty().get());
        dialogs.chooseBatchExport(window.get(), chosen.size(), remembered, chosen.get(0).path().toString())
                .ifPresent(request -> {
                    RememberedBatch.write(settings, request);
                    List<BatchExport.Item> items = BatchExport.plan(chosen, request);
                    List<Path> existing = BatchExport.existing(items);
                    BatchExport.Existing policy = BatchExport.Existing.SKIP;
                    if (!existing.isEmpty()) {
                        var answer = dialogs.askExisting(window.get(), existing);
                        if (answer.isEmpty()) {
                            return;
                        }
                        policy = answer.get();
                    }
                    batch.start(items, request, policy, summary -> { });
                });
    }
}
