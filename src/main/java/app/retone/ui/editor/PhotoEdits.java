package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import app.retone.core.sidecar.ConcurrentEdits;
import app.retone.core.sidecar.Sidecar;
import app.retone.core.sidecar.SidecarException;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Every photo's settings while the app runs, kept beside the photo in its sidecar
 * ({@link Sidecar}): what each photo's sidecar said when it was read, what was changed since, each
 * change saved in the background a moment after it (a burst of changes is one save), merged with
 * what another window or program saved meanwhile ({@link ConcurrentEdits}). A sidecar that cannot
 * be read is said once, named, and the photo gets the default settings; a folder that cannot keep
 * edits is said once, and edits still work while the app runs. The photo files are never written.
 * Undo and redo of each photo's settings are kept here too ({@link EditHistory}).
 */
public final class PhotoEdits {

    /** How long after the last change a photo's sidecar is written. */
    static final Duration SAVE_DELAY = Duration.ofMillis(400);

    private final TaskExecutor executor;
    private final Notices notices;
    private final EditHistory history = new EditHistory();
    /** The settings each photo has now, as far as edits here go. */
    private final Map<Path, PhotoSettings> current = new HashMap<>();
    /** What each photo's sidecar holds, as last read or written here: the base of a merge. */
    private final Map<Path, PhotoSettings> onDisk = new HashMap<>();
    /** Saves waiting for the changes to rest, by photo: a count of its changes, to tell whether more came during a wait. */
    private final Map<Path, Long> pending = new HashMap<>();
    private long changes;
    private final Set<Path> refusedFolders = new HashSet<>();
    /** Told when a save brought another window's edits in: the photo and its merged settings. */
    private BiConsumer<Path, PhotoSettings> mergedIn = (path, settings) -> { };

    PhotoEdits(TaskExecutor executor, Notices notices) {
        this.executor = executor;
        this.notices = notices;
    }

    /** Who shows a photo whose settings another window changed (the editor, for the photo on screen). */
    void onMergedIn(BiConsumer<Path, PhotoSettings> listener) {
        mergedIn = listener;
    }

    /**
     * What a photo's sidecar says, read on any thread (with the photo's preparation): its settings,
     * or none (no sidecar, or one that cannot be used: then its problem, to say once).
     */
    public record Stored(Optional<PhotoSettings> settings, SidecarException problem) {
        public static final Stored NONE = new Stored(Optional.empty(), null);
    }

    /** Reads {@code photo}'s sidecar; never throws. */
    public static Stored read(Path photo) {
        try {
            return new Stored(Sidecar.read(photo), null);
        } catch (SidecarException e) {
            return new Stored(Optional.empty(), e);
        }
    }

    /**
     * A photo's sidecar was read: its settings are known (the first read wins over none). One that
     * could not be used gives the photo the default settings and is returned, to be said once.
     */
    public SidecarException stored(Path photo, Stored stored) {
        stored.settings().ifPresent(s -> {
            onDisk.putIfAbsent(photo, s);
            current.putIfAbsent(photo, s);
        });
        if (stored.problem() != null && !current.containsKey(photo)) {
            current.put(photo, PhotoSettings.DEFAULT);
            return stored.problem();
        }
        return null;
    }

    /** Says, in one notice, which sidecars could not be used (and that each is left as it is). */
    public void sayUnread(List<SidecarException> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (SidecarException e : problems.subList(0, Math.min(problems.size(), 5))) {
            text.append(e.getMessage()).append('\n');
        }
        if (problems.size() > 5) {
            text.append("and ").append(problems.size() - 5).append(" more\n");
        }
        text.append("These photos open with the default settings. Each sidecar is left as it is until you change that photo,"
                + " and then kept beside it as a .xmp.bak file.");
        notices.notice(Notice.warning(problems.size() == 1 ? "A photo's edits could not be read"
                : problems.size() + " photos' edits could not be read", text.toString()));
    }

    /** The settings {@code photo} has, or empty when nothing is known of it yet. */
    public Optional<PhotoSettings> known(Path photo) {
        return Optional.ofNullable(current.get(photo));
    }

    /** {@link #known}, or the default. */
    public PhotoSettings settingsOf(Path photo) {
        return current.getOrDefault(photo, PhotoSettings.DEFAULT);
    }

    /** {@code photo} now has {@code settings}: one step of its history, and its sidecar saved a moment later. */
    public void changed(Path photo, PhotoSettings settings) {
        PhotoSettings before = current.get(photo);
        if (settings.equals(before)) {
            return;
        }
        current.put(photo, settings);
        if (before != null) {
            history.changed(photo, before);
        }
        scheduleSave(photo);
    }

    /**
     * The photo was shown with {@code settings} without a change by the user (its first settings):
     * no step, no save; without a sidecar, they are what a later save is merged against.
     */
    void shown(Path photo, PhotoSettings settings) {
        current.putIfAbsent(photo, settings);
        onDisk.putIfAbsent(photo, settings);
    }

    Optional<PhotoSettings> undo(Path photo) {
        return step(photo, history.undo(photo, settingsOf(photo)));
    }

    Optional<PhotoSettings> redo(Path photo) {
        return step(photo, history.redo(photo, settingsOf(photo)));
    }

    boolean canUndo(Path photo) {
        return history.canUndo(photo);
    }

    boolean canRedo(Path photo) {
        return history.canRedo(photo);
    }

    private Optional<PhotoSettings> step(Path photo, Optional<PhotoSettings> to) {
        to.ifPresent(s -> {
            current.put(photo, s);
            scheduleSave(photo);
        });
        return to;
    }

    /** Saves {@code photo}'s sidecar once its changes have rested for {@link #SAVE_DELAY}: one wait per burst, not per change. */
    private void scheduleSave(Path photo) {
        boolean waiting = pending.containsKey(photo);
        pending.put(photo, ++changes);
        if (!waiting) {
            waitThenSave(photo, changes);
        }
    }

    private void waitThenSave(Path photo, long asOf) {
        executor.runOnUiThreadAfter(SAVE_DELAY, () -> {
            Long latest = pending.get(photo);
            if (latest == null) {
                return; // saved already (the app closing)
            }
            if (latest != asOf) {
                waitThenSave(photo, latest); // changed again meanwhile: wait on
            } else {
                pending.remove(photo);
                save(photo);
            }
        });
    }

    /** Writes {@code photo}'s settings now (the background), merged with a sidecar another window changed. */
    private void save(Path photo) {
        PhotoSettings mine = current.get(photo);
        PhotoSettings base = onDisk.getOrDefault(photo, mine);
        try {
            executor.submit(BackgroundTask.<PhotoSettings>of("Keeping the edits of " + photo.getFileName(),
                    context -> ConcurrentEdits.save(photo, base, mine)).onSuccess(written -> saved(photo, mine, written))
                    .onFailure(error -> refused(photo, error)));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            saveNow(photo); // the app is closing: the edits are written before it goes
        }
    }

    private void saveNow(Path photo) {
        PhotoSettings mine = current.get(photo);
        try {
            saved(photo, mine, ConcurrentEdits.save(photo, onDisk.getOrDefault(photo, mine), mine));
        } catch (SidecarException e) {
            refused(photo, e);
        }
    }

    private void saved(Path photo, PhotoSettings mine, PhotoSettings written) {
        onDisk.put(photo, written);
        if (!written.equals(mine) && mine.equals(current.get(photo))) {
            current.put(photo, written);
            mergedIn.accept(photo, written);
        }
    }

    private void refused(Path photo, Throwable error) {
        Path folder = photo.toAbsolutePath().getParent();
        if (refusedFolders.add(folder)) {
            notices.notice(Notice.warning("Edits cannot be kept in " + folder.getFileName(), Notice.reason(error)
                    + "\nYour edits work while Retone is open, but are not kept beside the photos."));
        }
    }

    /** Writes every change still waiting, now, on this thread (the app is closing: a few small files). */
    public void saveAll() {
        for (Path photo : List.copyOf(pending.keySet())) {
            pending.remove(photo);
            saveNow(photo);
        }
    }
}
