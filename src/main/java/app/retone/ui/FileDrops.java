package app.retone.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Files dropped on the window: handed, all of them, to what opens them (a folder, several photos, or one). */
final class FileDrops {

    private final Consumer<List<Path>> open;

    FileDrops(Consumer<List<Path>> open) {
        this.open = open;
    }

    /** Accepts files dragged over {@code target} and opens what is dropped. */
    void acceptOn(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(this::onDrop);
    }

    private void onDrop(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            open.accept(files.stream().map(File::toPath).toList());
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }
}
