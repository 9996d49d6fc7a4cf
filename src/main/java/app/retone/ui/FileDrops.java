package app.retone.ui;

import app.retone.ui.editor.Notice;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Photos from outside the window, dropped on it or given on the command line: the first opens. */
final class FileDrops {

    private final Consumer<Path> open;
    private final Consumer<Notice> notices;

    FileDrops(Consumer<Path> open, Consumer<Notice> notices) {
        this.open = open;
        this.notices = notices;
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
            open(files.stream().map(File::toPath).toList());
        }
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        if (paths.size() > 1) {
            notices.accept(Notice.info("One photo at a time", "Opened " + paths.get(0).getFileName() + "; "
                    + (paths.size() - 1) + " more ignored. The command line enhances many at once."));
        }
        open.accept(paths.get(0));
    }
}
