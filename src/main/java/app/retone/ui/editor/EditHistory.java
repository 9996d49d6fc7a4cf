package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Undo and redo of a photo's settings, each photo its own history (kept while the app runs): every
 * change at rest is one step (a slider's whole drag, a switch, a look, a rating, a paste), so undo
 * goes back to the settings before it and redo forward again; a new change after an undo drops
 * what could have been redone.
 */
final class EditHistory {

    /** No history is longer: old steps fall off the far end. */
    static final int MAX_STEPS = 200;

    private record Steps(Deque<PhotoSettings> back, Deque<PhotoSettings> forward) {
    }

    private final Map<Object, Steps> photos = new HashMap<>();

    /** The settings of {@code photo} changed from {@code before} to what they are now. */
    void changed(Object photo, PhotoSettings before) {
        Steps steps = steps(photo);
        steps.back().push(before);
        while (steps.back().size() > MAX_STEPS) {
            steps.back().removeLast();
        }
        steps.forward().clear();
    }

    /** The settings to go back to from {@code now}, if any (and {@code now} becomes what redo returns). */
    Optional<PhotoSettings> undo(Object photo, PhotoSettings now) {
        Steps steps = steps(photo);
        if (steps.back().isEmpty()) {
            return Optional.empty();
        }
        steps.forward().push(now);
        return Optional.of(steps.back().pop());
    }

    /** The settings undone last, to go forward to from {@code now}, if any. */
    Optional<PhotoSettings> redo(Object photo, PhotoSettings now) {
        Steps steps = steps(photo);
        if (steps.forward().isEmpty()) {
            return Optional.empty();
        }
        steps.back().push(now);
        return Optional.of(steps.forward().pop());
    }

    boolean canUndo(Object photo) {
        Steps steps = photos.get(photo);
        return steps != null && !steps.back().isEmpty();
    }

    boolean canRedo(Object photo) {
        Steps steps = photos.get(photo);
        return steps != null && !steps.forward().isEmpty();
    }

    private Steps steps(Object photo) {
        return photos.computeIfAbsent(photo, p -> new Steps(new ArrayDeque<>(), new ArrayDeque<>()));
    }
}
