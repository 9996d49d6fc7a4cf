package app.retone.ui.editor;

import app.retone.ui.task.TaskHandle;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A piece of background work the status bar shows, with its progress, and a way to cancel it. */
public final class Activity {

    private final String title;
    private final boolean writesFile;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskHandle handle = TaskHandle.NONE;
    private Runnable onCancel = () -> { };

    public Activity(String title) {
        this(title, false);
    }

    public Activity(String title, boolean writesFile) {
        this.title = title;
        this.writesFile = writesFile;
        this.message.set(title + "…");
    }

    public String title() {
        return title;
    }

    /** True for an export: quitting while it runs would lose the file. */
    public boolean writesFile() {
        return writesFile;
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

    void attach(TaskHandle taskHandle, Runnable whenCancelled) {
        this.handle = taskHandle;
        this.onCancel = whenCancelled;
    }

    /** Stops the work; the status bar lets go of it at once, even if the work takes a moment to notice. */
    public void cancel() {
        handle.cancel();
        onCancel.run();
    }
}
