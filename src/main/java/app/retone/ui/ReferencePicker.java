package app.retone.ui;

import app.retone.ui.editor.ReferenceCandidate;
import app.retone.ui.editor.ReferencePickerViewModel;
import app.retone.ui.filmstrip.ThumbnailImages;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The reference picker's window: the candidates ({@link ReferencePickerViewModel}) in a list, each
 * with its preview, its name and where it comes from; Match takes the selected one (a double-click
 * or Enter too), "Other photo…" asks for any photo on disk instead.
 */
public final class ReferencePicker {

    /** The picker's answer: a candidate, or the wish to choose another photo from disk. */
    public sealed interface Answer {
        record Chosen(Path file) implements Answer {
        }

        record OtherPhoto() implements Answer {
        }
    }

    private static final ButtonType MATCH = new ButtonType("Match", ButtonData.OK_DONE);
    private static final ButtonType OTHER = new ButtonType("Other photo…", ButtonData.LEFT);
    private static final double PREVIEW = ReferencePickerViewModel.PREVIEW_SIDE * 0.75;

    private ReferencePicker() {
    }

    /** Shows the picker for {@code photoName} and waits for the answer; empty when cancelled. */
    public static Optional<Answer> ask(Window owner, ReferencePickerViewModel picker, String photoName) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Match the look of a reference photo");
        dialog.setHeaderText("Choose the photo whose colours " + photoName + " should take");
        dialog.setResizable(true);
        dialog.getDialogPane().setId("reference-picker");

        ListView<ReferenceCandidate> list = new ListView<>(picker.candidates());
        list.setId("reference-candidates");
        list.setPrefSize(460, 460);
        list.setCellFactory(view -> new CandidateCell(picker));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> picker.selectedProperty().set(now));
        list.getSelectionModel().selectFirst();
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && picker.selectedProperty().get() != null) {
                dialog.setResult(new Answer.Chosen(picker.selectedProperty().get().file()));
            }
        });

        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().setAll(OTHER, ButtonType.CANCEL, MATCH);
        Button match = (Button) dialog.getDialogPane().lookupButton(MATCH);
        match.setId("reference-match");
        match.disableProperty().bind(picker.selectedProperty().isNull());
        dialog.setResultConverter(button -> button == MATCH ? picker.chosen().map(Answer.Chosen::new).orElse(null)
                : button == OTHER ? new Answer.OtherPhoto() : null);
        dialog.setOnShown(e -> list.requestFocus());
        try {
            return dialog.showAndWait();
        } finally {
            picker.close();
        }
    }

    /** One candidate: its preview (or why there is none), its name in full where it fits, where it comes from. */
    private static final class CandidateCell extends ListCell<ReferenceCandidate> {

        private final ReferencePickerViewModel picker;
        private final ImageView preview = new ImageView();
        private final Label failure = new Label();
        private final Label name = new Label();
        private final Label origin = new Label();
        private final HBox box;
        private ReferenceCandidate shown;

        CandidateCell(ReferencePickerViewModel picker) {
            this.picker = picker;
            preview.setFitWidth(PREVIEW);
            preview.setFitHeight(PREVIEW);
            preview.setPreserveRatio(true);
            failure.setWrapText(true);
            failure.setMaxWidth(PREVIEW);
            StackPane frame = new StackPane(preview, failure);
            frame.setMinSize(PREVIEW, PREVIEW);
            frame.setPrefSize(PREVIEW, PREVIEW);
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            name.getStyleClass().add("reference-name");
            origin.getStyleClass().add("reference-origin");
            VBox words = new VBox(4, name, origin);
            words.setAlignment(Pos.CENTER_LEFT);
            box = new HBox(12, frame, words);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(4));
        }

        @Override
        protected void updateItem(ReferenceCandidate candidate, boolean empty) {
            super.updateItem(candidate, empty);
            if (shown != null) {
                preview.imageProperty().unbind();
                failure.textProperty().unbind();
            }
            shown = empty ? null : candidate;
            if (shown == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            preview.imageProperty().bind(shown.previewProperty().map(ThumbnailImages::of));
            failure.textProperty().bind(shown.failureProperty());
            name.setText(shown.name());
            origin.setText(shown.origin().words());
            setTooltip(new Tooltip(shown.file().toString()));
            setGraphic(box);
            picker.want(shown);
        }
    }
}
