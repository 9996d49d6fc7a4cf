package app.retone.ui.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the user is told: notices as they happen (dialogs, toasts), and the status line at rest. */
public final class Notices {

    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);

    private final List<Consumer<Notice>> listeners = new CopyOnWriteArrayList<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a photo or a folder to begin, or drop one here");

    Notices() {
    }

    public void addListener(Consumer<Notice> listener) {
        listeners.add(listener);
    }

    /** The status bar's text when nothing runs. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void notice(Notice notice) {
        if (notice.severity() == Notice.Severity.ERROR) {
            LOG.warn("{}: {}", notice.title(), notice.text());
        }
        listeners.forEach(listener -> listener.accept(notice));
    }

    void status(String text) {
        status.set(text);
    }
}
