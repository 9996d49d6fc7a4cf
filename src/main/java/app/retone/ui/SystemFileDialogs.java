package app.retone.ui;

import app.retone.core.image.ExportOptions;
import app.retone.core.image.OutputColourSpace;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ReadableFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The system's file choosers, and a small dialog for the JPEG quality. */
public final class SystemFileDialogs implements FileDialogs {

    /** The photos Retone opens ({@link ReadableFormat}), or any file. */
    static final List<FileChooser.ExtensionFilter> PHOTO_FILTERS = List.of(
            new FileChooser.ExtensionFilter("Photos", ReadableFormat.globs()),
            new FileChooser.ExtensionFilter("All files", "*"));

    /** The save dialog's filter of an export format: its name and its extensions. */
    private static FileChooser.ExtensionFilter exportFilter(ImageFormat format) {
        return new FileChooser.ExtensionFilter(format.asRead().displayName(), format.asRead().globsOfThis());
    }

    @Override
    public Optional<Path> choosePhoto(Window owner, String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(PHOTO_FILTERS);
        setFolder(chooser, folder);
        File file = chooser.showOpenDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public List<Path> choosePhotos(Window owner, String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(PHOTO_FILTERS);
        setFolder(chooser, folder);
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title, Path folder) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<app.retone.ui.folder.BatchExport.Request> chooseBatchExport(Window owner, int count,
            app.retone.ui.folder.BatchExport.Request remembered, String exampleName) {
        return app.retone.ui.filmstrip.BatchExportDialog.ask(owner, count, remembered, exampleName);
    }

    @Override
    public Optional<app.retone.ui.folder.BatchExport.Existing> askExisting(Window owner, List<Path> existing) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle("Files exist already");
        alert.setHeaderText(existing.size() == 1 ? existing.get(0).getFileName() + " exists already"
                : existing.size() + " of the files exist already");
        alert.setContentText("In " + existing.get(0).getParent() + ". Replacing them loses what they hold; skipping "
                + "them exports only the others.");
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OTHER);
        ButtonType skip = new ButtonType("Skip Those", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, replace, skip);
        return alert.showAndWait().flatMap(b -> b == replace ? Optional.of(app.retone.ui.folder.BatchExport.Existing.REPLACE)
                : b == skip ? Optional.of(app.retone.ui.folder.BatchExport.Existing.SKIP) : Optional.empty());
    }

    @Override
    public Optional<ExportRequest> chooseExport(Window owner, String suggestedName, Path folder, ExportOptions remembered,
                                                String sourceSpace) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export");
        FileChooser.ExtensionFilter jpeg = exportFilter(ImageFormat.JPEG);
        FileChooser.ExtensionFilter png = exportFilter(ImageFormat.PNG);
        FileChooser.ExtensionFilter tiff = exportFilter(ImageFormat.TIFF);
        chooser.getExtensionFilters().setAll(jpeg, png, tiff);
        setFolder(chooser, folder);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        ImageFormat format = ImageFormat.fromPath(path).orElseGet(() -> {
            FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
            return chosen == png ? ImageFormat.PNG : chosen == tiff ? ImageFormat.TIFF : ImageFormat.JPEG;
        });
        boolean confirmedByChooser = true;
        if (ImageFormat.fromPath(path).isEmpty()) {
            path = path.resolveSibling(path.getFileName() + "." + format.defaultExtension());
            confirmedByChooser = false; // the chooser asked about the name without the extension, if at all
        }
        if (!confirmedByChooser && Files.exists(path) && !confirm(owner, "Replace " + path.getFileName() + "?",
                path.getFileName() + " already exists in " + path.getParent() + ". Replacing it loses what it holds.",
                "Replace")) {
            return Optional.empty();
        }
        ExportOptions chosen = remembered.withFormat(format);
        if (format == ImageFormat.JPEG || sourceSpace != null) {
            Optional<ExportOptions> asked = askOptions(owner, chosen, sourceSpace);
            if (asked.isEmpty()) {
                return Optional.empty();
            }
            chosen = asked.get();
        }
        // an existing file was confirmed, by the system chooser or above
        return Optional.of(new ExportRequest(path, chosen.withOverwrite(Files.exists(path))));
    }

    /** JPEG quality (for JPEG) and colour space (for a photo with its own): one small dialog. */
    private static Optional<ExportOptions> askOptions(Window owner, ExportOptions options, String sourceSpace) {
        Alert dialog = new Alert(Alert.AlertType.NONE);
        dialog.initOwner(owner);
        dialog.setTitle("Export options");
        dialog.setHeaderText("Export as " + options.format().name());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        Spinner<Integer> quality = new Spinner<>(1, 100, options.quality());
        quality.setEditable(true);
        if (options.format() == ImageFormat.JPEG) {
            grid.addRow(0, new Label("Quality (1–100)"), quality);
        }
        ChoiceBox<OutputColourSpace> space = new ChoiceBox<>();
        space.getItems().setAll(OutputColourSpace.values());
        space.setValue(options.colourSpace());
        space.setConverter(new StringConverter<>() {
            @Override
            public String toString(OutputColourSpace s) {
                return s == OutputColourSpace.SOURCE ? "The photo's own: " + sourceSpace : "sRGB";
            }

            @Override
            public OutputColourSpace fromString(String text) {
                return null;
            }
        });
        if (sourceSpace != null) {
            grid.addRow(1, new Label("Colour space"), space);
        }
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getButtonTypes().setAll(export, ButtonType.CANCEL);
        return dialog.showAndWait().filter(b -> b == export)
                .map(b -> options.withQuality(quality.getValue()).withColourSpace(space.getValue()));
    }

    @Override
    public Optional<Path> chooseLut(Window owner, String suggestedName, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export LUT");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("3D LUT (.cube)", "*.cube"));
        setFolder(chooser, folder);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public boolean confirm(Window owner, String title, String text, String yes) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(text);
        ButtonType go = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, go);
        return alert.showAndWait().filter(b -> b == go).isPresent();
    }

    private static void setFolder(FileChooser chooser, Path folder) {
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
    }
}
