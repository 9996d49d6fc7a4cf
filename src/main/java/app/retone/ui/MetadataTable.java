package app.retone.ui;

import app.retone.core.image.PhotoDetails;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Photo section's table: what the photo's file and camera say, a row each, following the photo on screen. */
final class MetadataTable {

    private MetadataTable() {
    }

    static void bind(TableView<PhotoDetails.Entry> table, ObservableValue<PhotoDetails> details) {
        TableColumn<PhotoDetails.Entry, String> label = new TableColumn<>("Property");
        label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        label.setPrefWidth(105);
        label.setMaxWidth(120);
        label.setSortable(false);
        TableColumn<PhotoDetails.Entry, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setSortable(false);
        table.getColumns().setAll(List.of(label, value));
        details.addListener((obs, old, now) -> table.getItems().setAll(now == null ? List.of() : now.entries()));
    }
}
