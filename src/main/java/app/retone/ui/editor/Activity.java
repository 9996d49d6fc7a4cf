package app.retone.ui.editor;

import app.retone.ui.task.TaskHandle;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A piece of background work the status bar shows, with its progress, and a way to cancel it. */
public final class Activity {

    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskHandle handle = TaskHandle.NONE;

    Activity(String title) {
        this.title = title;
        this.message.set(title + "…");
    }

    public String title() {
        return title;
    }

    /** 0..1, or negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void update(double fraction, String text) {
        progress.set(fraction);
        message.set(text == null || text.isBlank() ? title + "…" : text);
    }

    void attach(TaskHandle taskHandle) {
        this.handle = taskHandle;
    }

    public void cancel() {
        handle.cancel();
    }
}
