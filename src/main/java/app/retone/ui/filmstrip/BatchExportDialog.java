package app.retone.ui.filmstrip;

import app.retone.ui.folder.FolderPhoto;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.folder.BatchExport;
import app.retone.ui.folder.ExportFolder;
import app.retone.core.image.ExportNames;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ReadableFormat;
import app.retone.core.image.OutputColourSpace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The batch export's one dialog: destination folder, format, JPEG quality, colour space and the
 * file-name pattern, with an example name and the pattern's problem, if any, shown as it is typed
 * (Export is disabled until the folder exists and the pattern can name files).
 */
public final class BatchExportDialog {

    private BatchExportDialog() {
    }

    public static Optional<BatchExport.Request> ask(Window owner, int count, BatchExport.Request remembered, String example) {
        Dialog<BatchExport.Request> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export " + count + (count == 1 ? " photo" : " photos"));
        dialog.setHeaderText("Export " + count + (count == 1 ? " photo" : " photos") + ", each with its own settings");
        dialog.getDialogPane().setId("batch-export-dialog");
        dialog.setResizable(true);

        TextField folderField = new TextField(remembered.folder() == null ? "" : remembered.folder().toString());
        folderField.setId("batch-folder");
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export to");
            Path now = Path.of(folderField.getText().isBlank() ? "." : folderField.getText());
            if (Files.isDirectory(now)) {
                chooser.setInitialDirectory(now.toFile());
            }
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folderField.setText(chosen.getAbsolutePath());
            }
        });
        HBox.setHgrow(folderField, Priority.ALWAYS);
        ChoiceBox<ImageFormat> format = new ChoiceBox<>();
        format.setId("batch-format");
        format.getItems().setAll(null, ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.TIFF);
        String readNotWritten = ImageFormat.readNotWritten().stream().map(ReadableFormat::displayName)
                .collect(java.util.stream.Collectors.joining(", "));
        format.setConverter(converter(f -> f == null ? "Each photo's own (PNG for " + readNotWritten + ")" : f.name()));
        format.setValue(remembered.format());
        Spinner<Integer> quality = new Spinner<>(1, 100, remembered.quality());
        quality.setEditable(true);
        quality.disableProperty().bind(format.valueProperty().isEqualTo(ImageFormat.PNG)
                .or(format.valueProperty().isEqualTo(ImageFormat.TIFF)));
        ChoiceBox<OutputColourSpace> space = new ChoiceBox<>();
        space.getItems().setAll(OutputColourSpace.values());
        space.setConverter(converter(s -> s == OutputColourSpace.SOURCE ? "Each photo's own" : "sRGB"));
        space.setValue(remembered.colourSpace());
        TextField pattern = new TextField(remembered.pattern());
        pattern.setId("batch-pattern");
        Label hint = new Label();
        hint.setId("batch-pattern-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.setMinHeight(Region.USE_PREF_SIZE); // a wrapped reason grows the dialog rather than being cut off

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Folder"), new HBox(6, folderField, browse));
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("JPEG quality"), quality);
        grid.addRow(3, new Label("Colour space"), space);
        grid.addRow(4, new Label("File names"), pattern);
        grid.add(hint, 1, 5);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, export);
        Node exportButton = dialog.getDialogPane().lookupButton(export);

        Runnable check = () -> {
            Optional<String> problem = ExportNames.problem(pattern.getText());
            ExportFolder folder = ExportFolder.of(folderField.getText());
            ImageFormat shownFormat = format.getValue() == null ? ImageFormat.JPEG : format.getValue();
            hint.setText(problem.map(p -> "Cannot export: " + p).orElseGet(() -> "e.g. "
                    + ExportNames.fileName(pattern.getText(), Path.of(example), 1, shownFormat)
                    + "   ({name}: the photo's name, {n}: its number)")
                    + folder.note().map(note -> "\n" + note).orElse(""));
            exportButton.setDisable(problem.isPresent() || !folder.usable());
        };
        pattern.textProperty().addListener((obs, old, now) -> check.run());
        folderField.textProperty().addListener((obs, old, now) -> check.run());
        format.valueProperty().addListener((obs, old, now) -> check.run());
        check.run();

        dialog.setResultConverter(button -> button != export ? null : new BatchExport.Request(
                ExportFolder.of(folderField.getText()).path(), format.getValue(), quality.getValue(),
                pattern.getText(), space.getValue()));
        return dialog.showAndWait();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> shown) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return shown.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
