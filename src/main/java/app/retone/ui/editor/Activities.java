package app.retone.ui.editor;

import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The background work the status bar shows, each with its progress and a way to cancel it. */
public final class Activities {

    private final TaskExecutor executor;
    private final ObservableList<Activity> list = FXCollections.observableArrayList();
    private final BooleanBinding busy = Bindings.isNotEmpty(list);

    Activities(TaskExecutor executor) {
        this.executor = executor;
    }

    /** What runs, oldest first. */
    public ObservableList<Activity> list() {
        return list;
    }

    /** True while anything runs. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** True while an export is being written: quitting now would lose it. */
    public boolean isExporting() {
        return list.stream().anyMatch(Activity::writesFile);
    }

    /** Cancels every activity. */
    void cancelAll() {
        List.copyOf(list).forEach(Activity::cancel);
    }

    /**
     * Submits {@code task} as {@code activity}: listed until it ends, its progress shown. The
     * handle's cancel takes it off the list at once (another photo, another look), even if the
     * work takes a moment to notice.
     */
    public <T> TaskHandle track(Activity activity, BackgroundTask<T> task) {
        list.add(activity);
        task.onProgress(p -> activity.update(p.fraction(), p.message()));
        BackgroundTask<T> withCleanup = task.onFinished(() -> list.remove(activity));
        TaskHandle handle = executor.submit(withCleanup);
        activity.attach(handle, () -> list.remove(activity));
        return new TaskHandle() {
            @Override
            public void cancel() {
                activity.cancel();
            }

            @Override
            public boolean isDone() {
                return handle.isDone();
            }
        };
    }
}
