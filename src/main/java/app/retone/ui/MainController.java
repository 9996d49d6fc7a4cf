package app.retone.ui;

import app.retone.core.image.PhotoDetails;
import app.retone.core.render.LookTransfer;
import app.retone.ui.editor.CompareMode;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.folder.BatchExportViewModel;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.editor.HistogramChoice;
import app.retone.core.render.TargetKind;
import app.retone.ui.histogram.ChannelHistogramView;
import app.retone.ui.histogram.HistogramView;
import app.retone.ui.photo.PhotoView;
import app.retone.ui.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;

/**
 * The main window's controller: binds the view to {@link EditorViewModel} through small
 * presenters, and turns gestures into its commands, each a {@link Command} wired once to its menu
 * item and its button. It computes nothing; all work is the view model's, in the background.
 */
public final class MainController {

    private final EditorViewModel viewModel;
    private final FileDialogs dialogs;
    private final Settings settings;

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private MenuItem openItem;
    @FXML private MenuItem openFolderItem;
    @FXML private MenuItem closeFolderItem;
    @FXML private MenuItem exportSelectedItem;
    @FXML private MenuItem copySettingsItem;
    @FXML private MenuItem pasteSettingsItem;
    @FXML private MenuItem sameForAllItem;
    @FXML private MenuItem nextPhotoItem;
    @FXML private MenuItem previousPhotoItem;
    @FXML private RadioMenuItem byNameItem;
    @FXML private RadioMenuItem byDateItem;
    @FXML private StackPane filmstripHolder;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem exportLutItem;
    @FXML private MenuItem resetItem;
    @FXML private MenuItem referenceItem;
    @FXML private MenuItem modelItem;
    @FXML private MenuItem cancelItem;
    @FXML private MenuItem fitItem;
    @FXML private MenuItem actualSizeItem;
    @FXML private RadioMenuItem resultModeItem;
    @FXML private RadioMenuItem sideModeItem;
    @FXML private RadioMenuItem splitModeItem;
    @FXML private RadioMenuItem sourceHistItem;
    @FXML private RadioMenuItem targetHistItem;
    @FXML private RadioMenuItem resultHistItem;
    @FXML private RadioMenuItem overlayHistItem;
    @FXML private Button openButton;
    @FXML private Button exportButton;
    @FXML private Button fitButton;
    @FXML private Button actualSizeButton;
    @FXML private ToggleButton resultModeButton;
    @FXML private ToggleButton sideModeButton;
    @FXML private ToggleButton splitModeButton;
    @FXML private Label zoomLabel;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane sidePanel;
    @FXML private javafx.scene.layout.GridPane developGrid;
    @FXML private Button developResetButton;
    @FXML private MenuItem undoItem;
    @FXML private javafx.scene.layout.VBox noticeCards;
    @FXML private MenuItem redoItem;
    @FXML private PhotoView photoView;
    @FXML private ToggleButton modelButton;
    @FXML private ToggleButton referenceButton;
    @FXML private ChoiceBox<LookTransfer> transferChoice;
    @FXML private javafx.scene.layout.HBox transferRow;
    @FXML private Label lookLabel;
    @FXML private Label strengthLabel;
    @FXML private Slider strengthSlider;
    @FXML private ToggleSwitch regrainSwitch;
    @FXML private Button resetButton;
    @FXML private ChoiceBox<HistogramChoice> histogramChoice;
    @FXML private HistogramView histogramView;
    @FXML private ChannelHistogramView channelHistogram;
    @FXML private Label histogramCaption;
    @FXML private TableView<PhotoDetails.Entry> metadataTable;
    @FXML private StatusBar statusBar;

    private final NoticePresenter notices = new NoticePresenter(this::window);
    private final FolderPresenter folder;
    private final FolderViewModel folderViewModel;
    private final BatchExportViewModel batch;
    private final FileDrops drops;
    private final app.retone.ui.editor.PredictorSource predictors;
    private final ExportPresenter exports;
    private final QuitGuard quitGuard;
    private final ReferencePresenter references;

    public MainController(AppViewModels models, FileDialogs dialogs, Settings settings) {
        this.viewModel = models.editor();
        this.dialogs = dialogs;
        this.settings = settings;
        this.folderViewModel = models.folder();
        this.batch = models.batch();
        this.predictors = models.services().predictors();
        this.folder = new FolderPresenter(viewModel, folderViewModel, batch, dialogs, settings, this::window, notices::show);
        this.drops = new FileDrops(folder::open);
        this.references = new ReferencePresenter(models, dialogs, this::window);
        this.exports = new ExportPresenter(viewModel.export(), viewModel.session(), dialogs, settings, this::window);
        this.quitGuard = new QuitGuard(viewModel.export(), viewModel.activities(), dialogs, this::window);
    }

    @FXML
    private void initialize() {
        bindCommands();
        new PhotoPresenter(viewModel, photoView, zoomLabel).bind();
        new LookPanel(viewModel, transferRow, transferChoice, lookLabel, strengthLabel, strengthSlider, regrainSwitch).bind();
        DevelopPanel develop = new DevelopPanel(viewModel.develop(), developGrid, developResetButton);
        develop.bind();
        // a drag of any slider is one change: the preview stays quick during it, and it is one step of history
        viewModel.adjustments().adjustingProperty().bind(strengthSlider.valueChangingProperty().or(develop.anyChanging()));
        HistogramPanel.bind(viewModel.histogram(), histogramChoice, Map.of(HistogramChoice.SOURCE, sourceHistItem,
                HistogramChoice.TARGET, targetHistItem, HistogramChoice.RESULT, resultHistItem,
                HistogramChoice.OVERLAY, overlayHistItem), histogramView, channelHistogram, histogramCaption);
        MetadataTable.bind(metadataTable, viewModel.session().detailsProperty());
        RecentFilesMenu.bind(recentMenu, viewModel.session().recentFiles(), path -> folder.open(List.of(path)));
        folder.bind(filmstripHolder, root, new FolderPresenter.Items(openFolderItem, closeFolderItem, exportSelectedItem,
                copySettingsItem, pasteSettingsItem, sameForAllItem, nextPhotoItem, previousPhotoItem, byNameItem,
                byDateItem));
        WindowKeys.bind(root, viewModel.showOriginalProperty());
        drops.acceptOn(root);
        restoreSplits();
        notices.showOn(noticeCards);
        viewModel.notices().addListener(notices::show);
    }

    // ---- commands: each wired once to its menu item and its button -------------------------

    private void bindCommands() {
        var noPhoto = viewModel.session().hasPhotoProperty().not();
        var noLook = viewModel.look().hasLookProperty().not();
        Command.of(viewModel::undo).disabledWhen(javafx.beans.binding.Bindings.not(viewModel.undoableProperty())).attach(undoItem);
        Command.of(viewModel::redo).disabledWhen(javafx.beans.binding.Bindings.not(viewModel.redoableProperty())).attach(redoItem);
        var kind = viewModel.look().targetKindProperty();
        Command.of(this::open).attach(openItem).attach(openButton);
        Command.of(exports::export).disabledWhen(noLook).attach(exportItem).attach(exportButton);
        Command.of(exports::exportLut).disabledWhen(noLook).attach(exportLutItem);
        Command.of(this::reset).disabledWhen(noPhoto).attach(resetItem).attach(resetButton);
        Command.of(references::matchReference).disabledWhen(noPhoto).selectedWhen(kind.isEqualTo(TargetKind.REFERENCE))
                .attach(referenceItem).attach(referenceButton);
        Command.of(viewModel::useModelLook).disabledWhen(noPhoto).selectedWhen(kind.isEqualTo(TargetKind.MODEL))
                .attach(modelItem).attach(modelButton);
        Command cancel = Command.of(viewModel::cancelAll).disabledWhen(viewModel.activities().busyProperty().not())
                .attach(cancelItem);
        StatusBarPresenter.bind(viewModel, statusBar, cancel);
        Command.of(photoView::fit).attach(fitItem).attach(fitButton);
        Command.of(() -> photoView.setZoom(1)).attach(actualSizeItem).attach(actualSizeButton);
        bindCompareModes();
    }

    private void bindCompareModes() {
        var mode = viewModel.compareModeProperty();
        Map<CompareMode, ToggleButton> buttons = Map.of(CompareMode.RESULT, resultModeButton,
                CompareMode.SIDE_BY_SIDE, sideModeButton, CompareMode.SPLIT, splitModeButton);
        Map<CompareMode, RadioMenuItem> items = Map.of(CompareMode.RESULT, resultModeItem,
                CompareMode.SIDE_BY_SIDE, sideModeItem, CompareMode.SPLIT, splitModeItem);
        for (CompareMode each : CompareMode.values()) {
            buttons.get(each).setUserData(each);
            buttons.get(each).setId("mode-" + each.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Command.of(() -> mode.set(each)).selectedWhen(mode.isEqualTo(each))
                    .attach(items.get(each)).attach(buttons.get(each));
        }
        mode.addListener((obs, old, now) -> photoView.modeProperty().set(now));
        photoView.modeProperty().set(mode.get());
        photoView.splitProperty().set(settings.getDouble("compareSplit", 0.5));
        photoView.splitProperty().addListener((obs, old, now) -> settings.putDouble("compareSplit", now.doubleValue()));
    }

    private void open() {
        folder.chooseAndOpen();
    }

    private void reset() {
        viewModel.reset();
        photoView.fit();
    }

    /** Photos or a folder given on the command line: opened as if dropped on the window. */
    public void openFromOutside(List<Path> paths) {
        folder.open(paths);
    }

    private void restoreSplits() {
        SplitPositions.remember(settings, mainSplit, "mainSplit", 0.72);
        SplitPositions.remember(settings, sidePanel, "sidePanel", 0.44);
    }

    // ---- actions (FXML) -------------------------------------------------------------------

    @FXML
    private void zoomIn() {
        photoView.zoomIn();
    }

    @FXML
    private void zoomOut() {
        photoView.zoomOut();
    }

    @FXML
    private void quit() {
        quitGuard.quit();
    }

    /** Whether the window may close now (never while an export is being written). */
    boolean confirmQuit() {
        return quitGuard.mayClose();
    }

    @FXML
    private void about() {
        AboutDialog.show(window(), predictors);
    }

    /** The open folder's view model (the window's tests read it). */
    public FolderViewModel folderViewModel() {
        return folderViewModel;
    }

    public BatchExportViewModel batchExport() {
        return batch;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
