package app.retone.ui.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened photos (or other files: references), newest first, remembered in {@link Settings}. */
public final class RecentFiles {

    public static final int MAX = 10;
    private static final String KEY = "recentFiles";

    private final Settings settings;
    private final String key;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    /** The recently opened photos. */
    public RecentFiles(Settings settings) {
        this(settings, KEY);
    }

    /** Recent files of another kind, remembered under {@code key}. */
    public RecentFiles(Settings settings, String key) {
        this.settings = settings;
        this.key = key;
        List<Path> stored = new ArrayList<>();
        for (String line : settings.get(key).orElse("").split("\n")) {
            if (!line.isBlank() && stored.size() < MAX) {
                try {
                    stored.add(Path.of(line));
                } catch (InvalidPathException e) {
                    // a path from another system: dropped
                }
            }
        }
        files.setAll(stored);
    }

    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Puts {@code path} first (once), dropping the oldest beyond {@link #MAX}. */
    public void add(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(absolute);
        next.add(0, absolute);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        save();
    }

    public void remove(Path path) {
        if (files.remove(path.toAbsolutePath().normalize())) {
            save();
        }
    }

    public void clear() {
        files.clear();
        save();
    }

    private void save() {
        settings.put(key, String.join("\n", files.stream().map(Path::toString).toList()));
    }
}
