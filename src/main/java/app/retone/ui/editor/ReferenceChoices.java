package app.retone.ui.editor;

import app.retone.core.image.ThumbnailSource;
import app.retone.ui.settings.RecentFiles;
import app.retone.ui.settings.Settings;
import app.retone.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;

/**
 * What the reference picker offers, across runs: the references used before (remembered in the
 * settings, newest first) and the open folder's photos, with their previews read through the
 * filmstrip's thumbnail source.
 */
public final class ReferenceChoices {

    private static final String KEY = "recentReferences";

    private final RecentFiles usedBefore;
    private final ThumbnailSource thumbnails;
    private final TaskExecutor executor;

    public ReferenceChoices(Settings settings, ThumbnailSource thumbnails, TaskExecutor executor) {
        this.usedBefore = new RecentFiles(settings, KEY);
        this.thumbnails = thumbnails;
        this.executor = executor;
    }

    /** A picker for {@code photo}, offering the references used before and {@code folder}'s photos. */
    public ReferencePickerViewModel picker(Path photo, List<Path> folder) {
        return new ReferencePickerViewModel(photo, usedBefore.files(), folder, thumbnails, executor);
    }

    /** Remembers {@code reference} as used, first in the next picker. */
    public void used(Path reference) {
        usedBefore.add(reference);
    }
}
