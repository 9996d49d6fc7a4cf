package app.retone.ui;

import app.retone.ui.editor.Notice;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Shows the editor's notices: an error in a dialog, anything else as a passing notification. */
final class NoticePresenter {

    private final Supplier<Window> owner;

    NoticePresenter(Supplier<Window> owner) {
        this.owner = owner;
    }

    void show(Notice notice) {
        Window window = owner.get();
        if (notice.severity() == Notice.Severity.ERROR) {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            if (window != null) {
                alert.initOwner(window);
            }
            alert.setTitle("Retone");
            alert.setHeaderText(notice.title());
            alert.setContentText(notice.text());
            alert.getDialogPane().setId("error-dialog");
            alert.show();
            return;
        }
        if (window == null || !window.isShowing()) {
            return;
        }
        Notifications toast = Notifications.create().title(notice.title()).text(notice.text()).owner(window)
                .hideAfter(Duration.seconds(notice.severity() == Notice.Severity.WARNING ? 8 : 4));
        if (notice.severity() == Notice.Severity.WARNING) {
            toast.showWarning();
        } else {
            toast.showInformation();
        }
    }
}
