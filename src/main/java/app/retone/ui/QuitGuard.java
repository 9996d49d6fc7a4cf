package app.retone.ui;

import app.retone.ui.editor.Activity;
import app.retone.ui.editor.Activities;
import app.retone.ui.editor.ExportViewModel;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;

/**
 * Closing the window or File ▸ Quit: never while an export is being written. The user may choose
 * to close as soon as the file is written (the window closes by itself then), so an export is
 * never lost to a close.
 */
final class QuitGuard {

    private final ExportViewModel export;
    private final Activities activities;
    private final FileDialogs dialogs;
    private final Supplier<Window> window;

    QuitGuard(ExportViewModel export, Activities activities, FileDialogs dialogs, Supplier<Window> window) {
        this.export = export;
        this.activities = activities;
        this.dialogs = dialogs;
        this.window = window;
    }

    /** File ▸ Quit: the window closes and the app ends, once nothing is being written. */
    void quit() {
        if (!mayClose()) {
            return;
        }
        Window shown = window.get();
        if (shown != null) {
            shown.hide();
        }
        Platform.exit();
    }

    /** Whether the window may close now; if an export is being written, offers to close when it is done. */
    boolean mayClose() {
        if (!export.isExporting()) {
            return true;
        }
        if (dialogs.confirm(window.get(), "An export is still being written",
                "Retone closes as soon as the file is written; nothing is lost.", "Close When Done")) {
            closeWhenExported();
        }
        return false;
    }

    private void closeWhenExported() {
        ListChangeListener<Activity> waiter = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Activity> change) {
                if (!export.isExporting()) {
                    activities.list().removeListener(this);
                    Window shown = window.get();
                    if (shown != null) {
                        shown.hide(); // the last window: JavaFX ends the app
                    }
                }
            }
        };
        activities.list().addListener(waiter);
    }
}
