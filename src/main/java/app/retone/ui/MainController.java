package app.retone.ui;

import app.retone.core.image.ImageFormat;
import app.retone.core.image.PhotoDetails;
import app.retone.predict.LookTransfer;
import app.retone.ui.editor.Activity;
import app.retone.ui.editor.BlendFrame;
import app.retone.ui.editor.CompareMode;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.HistogramChoice;
import app.retone.ui.editor.Notice;
import app.retone.ui.editor.PreviewFrame;
import app.retone.ui.editor.TargetKind;
import app.retone.ui.histogram.HistogramView;
import app.retone.ui.photo.PhotoView;
import app.retone.ui.settings.RememberedExport;
import app.retone.ui.settings.Settings;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.ToggleSwitch;

/**
 * The main window's controller: binds the view to {@link EditorViewModel} and turns gestures
 * into its commands. It computes nothing; all work is the view model's, in the background.
 */
public final class MainController {

    private final EditorViewModel viewModel;
    private final FileDialogs dialogs;
    private final Settings settings;

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem exportLutItem;
    @FXML private MenuItem resetItem;
    @FXML private MenuItem referenceItem;
    @FXML private MenuItem modelItem;
    @FXML private MenuItem cancelItem;
    @FXML private RadioMenuItem resultModeItem;
    @FXML private RadioMenuItem sideModeItem;
    @FXML private RadioMenuItem splitModeItem;
    @FXML private RadioMenuItem sourceHistItem;
    @FXML private RadioMenuItem targetHistItem;
    @FXML private RadioMenuItem resultHistItem;
    @FXML private RadioMenuItem overlayHistItem;
    @FXML private Button exportButton;
    @FXML private ToggleButton resultModeButton;
    @FXML private ToggleButton sideModeButton;
    @FXML private ToggleButton splitModeButton;
    @FXML private Label zoomLabel;
    @FXML private SplitPane mainSplit;
    @FXML private SplitPane sideSplit;
    @FXML private PhotoView photoView;
    @FXML private ToggleButton modelButton;
    @FXML private ToggleButton referenceButton;
    @FXML private ChoiceBox<LookTransfer> transferChoice;
    @FXML private Label lookLabel;
    @FXML private Label strengthLabel;
    @FXML private Slider strengthSlider;
    @FXML private ToggleSwitch regrainSwitch;
    @FXML private Button resetButton;
    @FXML private ChoiceBox<HistogramChoice> histogramChoice;
    @FXML private HistogramView histogramView;
    @FXML private Label histogramCaption;
    @FXML private TableView<PhotoDetails.Entry> metadataTable;
    @FXML private StatusBar statusBar;

    /** Images of the display copy's frames (the original among them), and of the detail's. */
    private final FrameImages displayImages = new FrameImages();
    private final FrameImages detailImages = new FrameImages();
    /** The image of the detail's original on display. */
    private javafx.scene.image.Image detailOriginal;
    private final PauseTransition detailDelay = new PauseTransition(Duration.millis(120));
    private final Button cancelButton = new Button("Cancel");
    private boolean strengthPending;
    private final Runnable applyStrength = new Runnable() {
        @Override
        public void run() {
            root.getScene().removePreLayoutPulseListener(this);
            strengthPending = false;
            viewModel.strengthProperty().set(strengthSlider.getValue() / 100);
        }
    };

    public MainController(EditorViewModel viewModel, FileDialogs dialogs, Settings settings) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.settings = settings;
    }

    @FXML
    private void initialize() {
        bindPhoto();
        bindCompareModes();
        bindLook();
        bindHistogram();
        bindMetadata();
        bindStatus();
        bindRecentFiles();
        bindKeysAndDrops();
        restoreSplits();
        viewModel.addNoticeListener(this::showNotice);
    }

    // ---- bindings -------------------------------------------------------------------------

    private void bindPhoto() {
        viewModel.beforeProperty().addListener((obs, old, frame) -> {
            retainDisplayImages();
            photoView.beforeProperty().set(displayImages.show(frame, FrameImages.Role.ORIGINAL));
        });
        viewModel.afterProperty().addListener((obs, old, result) -> {
            retainDisplayImages();
            photoView.setAfter(result == null ? null : displayImages.show(result.base(), FrameImages.Role.RESULT),
                    result == null ? null : displayImages.show(result.over(), FrameImages.Role.OVER),
                    result == null ? 0 : result.opacity());
        });
        viewModel.photoProperty().addListener((obs, old, photo) -> {
            if (photo != null) {
                photoView.setPhotoSize(photo.width(), photo.height());
                detailDelay.playFromStart(); // a photo of the same size at the same zoom still needs its own detail
            }
            updateZoomLabel();
        });
        photoView.showOriginalProperty().bind(viewModel.showOriginalProperty());
        // zoomed past the display copy: once the view rests, full-resolution pixels of what is in view
        detailDelay.setOnFinished(e -> {
            Rectangle2D region = photoView.visibleRegionProperty().get();
            if (region != null && photoView.needsDetail()) {
                viewModel.requestDetail(region.getMinX(), region.getMinY(), region.getWidth(), region.getHeight(),
                        photoView.deviceZoom());
            } else {
                viewModel.clearDetail();
            }
        });
        photoView.visibleRegionProperty().addListener((obs, old, now) -> detailDelay.playFromStart());
        viewModel.detailProperty().addListener((obs, old, detail) -> {
            if (detail == null) {
                photoView.setDetail(null, null, null, 0, null);
                detailImages.retain(List.of()); // let go of the large arrays
                detailOriginal = null;
            } else {
                BlendFrame result = detail.after();
                detailImages.retain(withFrame(result.frames(), detail.before()));
                if (old == null || old.before() != detail.before()) {
                    // a slider move keeps the region's original: a transparent one is not copied again
                    detailOriginal = detailImages.show(detail.before(), FrameImages.Role.ORIGINAL);
                }
                photoView.setDetail(detailOriginal, detailImages.show(result.base(), FrameImages.Role.RESULT),
                        detailImages.show(result.over(), FrameImages.Role.OVER), result.opacity(),
                        new Rectangle2D(detail.x(), detail.y(), detail.regionWidth(), detail.regionHeight()));
            }
        });
        photoView.zoomProperty().addListener((obs, old, z) -> updateZoomLabel());
        photoView.fittingProperty().addListener((obs, old, f) -> updateZoomLabel());
        var noPhoto = viewModel.hasPhotoProperty().not();
        var noLook = viewModel.hasLookProperty().not();
        exportItem.disableProperty().bind(noLook);
        exportButton.disableProperty().bind(noLook);
        exportLutItem.disableProperty().bind(noLook);
        resetItem.disableProperty().bind(noPhoto);
        resetButton.disableProperty().bind(noPhoto);
        referenceItem.disableProperty().bind(noPhoto);
        modelItem.disableProperty().bind(noPhoto);
        strengthSlider.disableProperty().bind(noLook);
        cancelItem.disableProperty().bind(viewModel.busyProperty().not());
    }

    /**
     * Keeps the images of the original and of the frames the result's blends draw from, and lets
     * go of any others: a slider move then sets the opacity of frames the GPU already holds.
     */
    private void retainDisplayImages() {
        BlendFrame result = viewModel.afterProperty().get();
        displayImages.retain(withFrame(result == null ? List.of() : result.frames(), viewModel.beforeProperty().get()));
    }

    private static List<PreviewFrame> withFrame(List<PreviewFrame> frames, PreviewFrame frame) {
        List<PreviewFrame> all = new java.util.ArrayList<>(frames);
        all.add(frame);
        return all;
    }

    private void updateZoomLabel() {
        if (viewModel.photoProperty().get() == null) {
            zoomLabel.setText("");
            return;
        }
        String percent = String.format(Locale.ROOT, "%.0f %%", photoView.zoomProperty().get() * 100);
        zoomLabel.setText(photoView.fittingProperty().get() ? "Fit (" + percent + ")" : percent);
    }

    private void bindCompareModes() {
        ToggleGroup buttons = new ToggleGroup();
        ToggleGroup items = new ToggleGroup();
        Map<CompareMode, ToggleButton> byButton = Map.of(CompareMode.RESULT, resultModeButton,
                CompareMode.SIDE_BY_SIDE, sideModeButton, CompareMode.SPLIT, splitModeButton);
        Map<CompareMode, RadioMenuItem> byItem = Map.of(CompareMode.RESULT, resultModeItem,
                CompareMode.SIDE_BY_SIDE, sideModeItem, CompareMode.SPLIT, splitModeItem);
        for (CompareMode mode : CompareMode.values()) {
            ToggleButton button = byButton.get(mode);
            button.setToggleGroup(buttons);
            button.setUserData(mode);
            button.setId("mode-" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            button.setOnAction(e -> viewModel.compareModeProperty().set(mode));
            RadioMenuItem item = byItem.get(mode);
            item.setToggleGroup(items);
            item.setOnAction(e -> viewModel.compareModeProperty().set(mode));
        }
        Runnable sync = () -> {
            CompareMode mode = viewModel.compareModeProperty().get();
            byButton.get(mode).setSelected(true);
            byItem.get(mode).setSelected(true);
            photoView.modeProperty().set(mode);
        };
        viewModel.compareModeProperty().addListener((obs, old, now) -> sync.run());
        // a segmented button must never end up with nothing selected
        buttons.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        sync.run();
        photoView.splitProperty().set(settings.getDouble("compareSplit", 0.5));
        photoView.splitProperty().addListener((obs, old, now) -> settings.putDouble("compareSplit", now.doubleValue()));
    }

    private void bindLook() {
        ToggleGroup looks = new ToggleGroup();
        modelButton.setToggleGroup(looks);
        referenceButton.setToggleGroup(looks);
        modelButton.disableProperty().bind(viewModel.hasPhotoProperty().not());
        referenceButton.disableProperty().bind(viewModel.hasPhotoProperty().not());
        Runnable sync = () -> {
            boolean model = viewModel.targetKindProperty().get() == TargetKind.MODEL;
            modelButton.setSelected(model);
            referenceButton.setSelected(!model);
        };
        viewModel.targetKindProperty().addListener((obs, old, now) -> sync.run());
        modelButton.setOnAction(e -> {
            sync.run();
            viewModel.useModel();
        });
        referenceButton.setOnAction(e -> {
            sync.run();
            matchReference();
        });
        sync.run();
        lookLabel.textProperty().bind(viewModel.lookDescriptionProperty());
        transferChoice.getItems().setAll(LookTransfer.values());
        transferChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(LookTransfer transfer) {
                return transfer == null ? "" : transferLabel(transfer);
            }

            @Override
            public LookTransfer fromString(String text) {
                return null;
            }
        });
        transferChoice.setValue(viewModel.lookTransferProperty().get());
        viewModel.lookTransferProperty().addListener((obs, old, now) -> transferChoice.setValue(now));
        transferChoice.valueProperty().addListener((obs, old, now) -> viewModel.useTransfer(now));

        strengthSlider.setValue(viewModel.strengthProperty().get() * 100);
        // a fast mouse sends several moves a frame: the preview is repainted once per frame, with the latest
        strengthSlider.valueProperty().addListener((obs, old, now) -> {
            if (!strengthPending) {
                strengthPending = true;
                root.getScene().addPreLayoutPulseListener(applyStrength);
                Platform.requestNextPulse();
            }
        });
        viewModel.strengthProperty().addListener((obs, old, now) -> {
            if (Math.abs(strengthSlider.getValue() - now.doubleValue() * 100) > 1e-9) {
                strengthSlider.setValue(now.doubleValue() * 100);
            }
        });
        strengthLabel.textProperty().bind(viewModel.strengthProperty().multiply(100).asString(Locale.ROOT, "%.0f %%"));
        regrainSwitch.selectedProperty().bindBidirectional(viewModel.regrainProperty());
        viewModel.adjustingProperty().bind(strengthSlider.valueChangingProperty());
    }

    /** "Tone curves (recommended)" or "3D transfer (Pitié)": the transfer as a photographer picks it. */
    static String transferLabel(LookTransfer transfer) {
        String name = switch (transfer) {
            case CURVES -> "Tone curves";
            case PITIE -> "3D transfer (Pitié)";
        };
        return transfer == LookTransfer.DEFAULT ? name + " (recommended)" : name;
    }

    private void bindHistogram() {
        histogramChoice.getItems().setAll(HistogramChoice.values());
        histogramChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(HistogramChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public HistogramChoice fromString(String text) {
                return null;
            }
        });
        histogramChoice.valueProperty().bindBidirectional(viewModel.histogramChoiceProperty());
        ToggleGroup items = new ToggleGroup();
        Map<HistogramChoice, RadioMenuItem> byItem = Map.of(HistogramChoice.SOURCE, sourceHistItem,
                HistogramChoice.TARGET, targetHistItem, HistogramChoice.RESULT, resultHistItem,
                HistogramChoice.OVERLAY, overlayHistItem);
        byItem.forEach((choice, item) -> {
            item.setToggleGroup(items);
            item.setOnAction(e -> viewModel.histogramChoiceProperty().set(choice));
        });
        Runnable syncItems = () -> byItem.get(viewModel.histogramChoiceProperty().get()).setSelected(true);
        viewModel.histogramChoiceProperty().addListener((obs, old, now) -> syncItems.run());
        syncItems.run();

        // the points are made off the FX thread by the view model; here they are only copied into the mesh
        viewModel.histogramSelectionProperty().addListener((obs, old, now) -> histogramCaption.setText(now.caption()));
        viewModel.histogramPointsProperty().addListener((obs, old, now) -> histogramView.show(now));
        histogramView.show(viewModel.histogramPointsProperty().get());
        histogramCaption.setText(viewModel.histogramSelectionProperty().get().caption());
    }

    private void bindMetadata() {
        TableColumn<PhotoDetails.Entry, String> label = new TableColumn<>("Property");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        label.setPrefWidth(105);
        label.setMaxWidth(120);
        label.setSortable(false);
        TableColumn<PhotoDetails.Entry, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setSortable(false);
        metadataTable.getColumns().setAll(List.of(label, value));
        viewModel.detailsProperty().addListener((obs, old, details) ->
                metadataTable.getItems().setAll(details == null ? List.of() : details.entries()));
    }

    private void bindStatus() {
        statusBar.setText("");
        cancelButton.setId("cancel-work");
        cancelButton.setOnAction(e -> viewModel.cancelAll());
        cancelButton.visibleProperty().bind(viewModel.busyProperty());
        cancelButton.managedProperty().bind(viewModel.busyProperty());
        statusBar.getRightItems().add(cancelButton);
        Runnable sync = () -> {
            statusBar.textProperty().unbind();
            statusBar.progressProperty().unbind();
            List<Activity> running = viewModel.activities();
            if (running.isEmpty()) {
                statusBar.textProperty().bind(viewModel.statusProperty());
                statusBar.setProgress(0);
            } else {
                Activity latest = running.get(running.size() - 1);
                statusBar.textProperty().bind(latest.messageProperty());
                statusBar.progressProperty().bind(latest.progressProperty());
            }
        };
        viewModel.activities().addListener((ListChangeListener<Activity>) change -> sync.run());
        sync.run();
    }

    private void bindRecentFiles() {
        Runnable rebuild = () -> {
            recentMenu.getItems().clear();
            for (Path path : viewModel.recentFiles()) {
                MenuItem item = new MenuItem(String.valueOf(path.getFileName()));
                item.setMnemonicParsing(false);
                item.setUserData(path);
                item.setOnAction(e -> viewModel.open(path));
                recentMenu.getItems().add(item);
            }
            if (!viewModel.recentFiles().isEmpty()) {
                MenuItem clear = new MenuItem("Clear Recent");
                clear.setOnAction(e -> viewModel.clearRecentFiles());
                recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
            }
            recentMenu.setDisable(viewModel.recentFiles().isEmpty());
        };
        viewModel.recentFiles().addListener((ListChangeListener<Path>) change -> rebuild.run());
        rebuild.run();
    }

    private void bindKeysAndDrops() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SLASH && !e.isShortcutDown()) {
                viewModel.showOriginalProperty().set(true);
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.BACK_SLASH) {
                viewModel.showOriginalProperty().set(false);
                e.consume();
            }
        });
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(this::onDrop);
    }

    private void onDrop(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            openFromOutside(files.stream().map(File::toPath).toList());
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    /** Photos given by the command line or dropped on the window: the first opens. */
    public void openFromOutside(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        if (paths.size() > 1) {
            showNotice(Notice.info("One photo at a time", "Opened " + paths.get(0).getFileName() + "; "
                    + (paths.size() - 1) + " more ignored. The command line enhances many at once."));
        }
        viewModel.open(paths.get(0));
    }

    private void restoreSplits() {
        mainSplit.setDividerPositions(settings.getDouble("mainSplit", 0.72));
        sideSplit.setDividerPositions(settings.getDouble("sideSplit", 0.64));
        mainSplit.getDividers().get(0).positionProperty().addListener((obs, old, now) ->
                settings.putDouble("mainSplit", now.doubleValue()));
        sideSplit.getDividers().get(0).positionProperty().addListener((obs, old, now) ->
                settings.putDouble("sideSplit", now.doubleValue()));
    }

    // ---- notices --------------------------------------------------------------------------

    private void showNotice(Notice notice) {
        Window owner = window();
        if (notice.severity() == Notice.Severity.ERROR) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            if (owner != null) {
                alert.initOwner(owner);
            }
            alert.setTitle("Retone");
            alert.setHeaderText(notice.title());
            alert.setContentText(notice.text());
            alert.getDialogPane().setId("error-dialog");
            alert.show();
            return;
        }
        if (owner == null || !owner.isShowing()) {
            return;
        }
        Notifications toast = Notifications.create().title(notice.title()).text(notice.text()).owner(owner)
                .hideAfter(Duration.seconds(notice.severity() == Notice.Severity.WARNING ? 8 : 4));
        if (notice.severity() == Notice.Severity.WARNING) {
            toast.showWarning();
        } else {
            toast.showInformation();
        }
    }

    // ---- actions (FXML) -------------------------------------------------------------------

    @FXML
    private void open() {
        dialogs.choosePhoto(window(), "Open a photo", viewModel.lastFolder().orElse(null)).ifPresent(viewModel::open);
    }

    @FXML
    private void matchReference() {
        Optional<Path> chosen = dialogs.choosePhoto(window(), "Match the look of a reference photo",
                viewModel.lastFolder().orElse(null));
        chosen.ifPresent(viewModel::matchReference);
    }

    @FXML
    private void useModel() {
        viewModel.useModel();
    }

    @FXML
    private void export() {
        if (!viewModel.hasLookProperty().get()) {
            return;
        }
        Path folder = viewModel.lastExportFolder().or(() -> viewModel.photoPath().map(Path::getParent)).orElse(null);
        dialogs.chooseExport(window(), viewModel.suggestedExportName(ImageFormat.JPEG), folder, RememberedExport.read(settings),
                viewModel.sourceColourSpace().orElse(null)).ifPresent(request -> {
            Path destination = request.destination().toAbsolutePath().normalize();
            boolean isOriginal = viewModel.isOpenPhoto(destination);
            if (isOriginal && !dialogs.confirm(window(), "Replace the original photo?",
                    destination.getFileName() + " is the photo you opened. Exporting over it replaces the original "
                            + "for good.", "Replace Original")) {
                return;
            }
            RememberedExport.write(settings, request.options());
            viewModel.export(destination, request.options().withOverwrite(request.options().overwrite() || isOriginal));
        });
    }

    @FXML
    private void exportLut() {
        String name = viewModel.suggestedExportName(ImageFormat.JPEG).replaceFirst("\\.jpg$", ".cube");
        Path folder = viewModel.lastExportFolder().or(() -> viewModel.photoPath().map(Path::getParent)).orElse(null);
        dialogs.chooseLut(window(), name, folder).ifPresent(viewModel::exportLut);
    }

    @FXML
    private void reset() {
        viewModel.reset();
        photoView.fit();
    }

    @FXML
    private void cancelWork() {
        viewModel.cancelAll();
    }

    @FXML
    private void fit() {
        photoView.fit();
    }

    @FXML
    private void actualSize() {
        photoView.setZoom(1);
    }

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
        if (!confirmQuit()) {
            return;
        }
        Window window = window();
        if (window != null) {
            window.hide();
        }
        Platform.exit();
    }

    /**
     * Whether the window may close now. While an export is being written it never does: the user
     * may choose to close as soon as the file is written (the window closes by itself then), so an
     * export is never lost to a close.
     */
    boolean confirmQuit() {
        if (!viewModel.isExporting()) {
            return true;
        }
        if (dialogs.confirm(window(), "An export is still being written",
                "Retone closes as soon as the file is written; nothing is lost.", "Close When Done")) {
            closeWhenExported();
        }
        return false;
    }

    private void closeWhenExported() {
        ListChangeListener<Activity> waiter = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Activity> change) {
                if (!viewModel.isExporting()) {
                    viewModel.activities().removeListener(this);
                    Window window = window();
                    if (window != null) {
                        window.hide(); // the last window: JavaFX ends the app
                    }
                }
            }
        };
        viewModel.activities().addListener(waiter);
    }

    @FXML
    private void about() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle("About Retone");
        alert.setHeaderText("Retone");
        alert.setContentText("Fixes the colour of photos automatically: a neural network predicts the 3D colour "
                + "histogram a well-edited photo would have, and the photo's colours are moved onto it: by tone curves, "
                + "or by Pitié's 3D distribution transfer (Look panel ▸ Transfer). The network never sees pixels, so it "
                + "cannot change the photo's structure.");
        alert.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
