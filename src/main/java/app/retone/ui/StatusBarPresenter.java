package app.retone.ui;

import app.retone.ui.editor.Activity;
import app.retone.ui.editor.EditorViewModel;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import org.controlsfx.control.StatusBar;

/** The status bar: the latest activity's progress while work runs (with its cancel button), else the status line. */
final class StatusBarPresenter {

    private StatusBarPresenter() {
    }

    static void bind(EditorViewModel viewModel, StatusBar statusBar, Command cancel) {
        Button cancelButton = new Button("Cancel");
        statusBar.setText("");
        cancelButton.setId("cancel-work");
        cancel.attach(cancelButton);
        cancelButton.visibleProperty().bind(viewModel.activities().busyProperty());
        cancelButton.managedProperty().bind(viewModel.activities().busyProperty());
        statusBar.getRightItems().add(cancelButton);
        Runnable sync = () -> {
            statusBar.textProperty().unbind();
            statusBar.progressProperty().unbind();
            List<Activity> running = viewModel.activities().list();
            if (running.isEmpty()) {
                statusBar.textProperty().bind(viewModel.notices().statusProperty());
                statusBar.setProgress(0);
            } else {
                Activity latest = running.get(running.size() - 1);
                statusBar.textProperty().bind(latest.messageProperty());
                statusBar.progressProperty().bind(latest.progressProperty());
            }
        };
        viewModel.activities().list().addListener((ListChangeListener<Activity>) change -> sync.run());
        sync.run();
    }
}
