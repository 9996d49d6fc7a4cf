package app.retone.core.sidecar;

import app.retone.core.render.Develop;
import app.retone.core.render.Develop.Adjustment;
import app.retone.core.render.PhotoSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saving a photo's edits when another window or program may have saved its own since they were
 * read: what it changed is kept, and so is what this one changed. Each edit (the look, the
 * strength, regrain, each adjustment, the rating) is taken from this side when this side changed
 * it since {@code base} (what was last read or written here), else from the sidecar as it is now.
 * Within one process, saves of one sidecar take turns; between processes the write itself is
 * atomic, so a reader never sees half a sidecar.
 */
public final class ConcurrentEdits {

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private ConcurrentEdits() {
    }

    /**
     * Saves {@code mine} beside {@code photo}, merged with the sidecar there if it changed since
     * {@code base}, and returns what was written (to show, and as the next base). A sidecar there
     * that is not Retone's is kept as a backup ({@link Sidecar#write}).
     */
    public static PhotoSettings save(Path photo, PhotoSettings base, PhotoSettings mine) throws SidecarException {
        Path key = Sidecar.of(photo).toAbsolutePath().normalize();
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            Optional<PhotoSettings> theirs;
            try {
                theirs = Sidecar.read(photo);
            } catch (SidecarException notOurs) {
                theirs = Optional.empty(); // another program's, or damaged: kept as its backup, ours replaces it
            }
            PhotoSettings merged = theirs.filter(t -> !t.equals(base)).map(t -> merge(base, mine, t)).orElse(mine);
            Sidecar.write(photo, merged);
            return merged;
        }
    }

    /** Each edit from {@code mine} where it differs from {@code base}, else from {@code theirs}. */
    static PhotoSettings merge(PhotoSettings base, PhotoSettings mine, PhotoSettings theirs) {
        PhotoSettings look = mine.sameLookAs(base) ? theirs : mine;
        double strength = pick(base.strength(), mine.strength(), theirs.strength());
        boolean regrain = mine.regrain() != base.regrain() ? mine.regrain() : theirs.regrain();
        Develop develop = Develop.NEUTRAL;
        for (Adjustment a : Adjustment.values()) {
            develop = develop.with(a, pick(base.develop().get(a), mine.develop().get(a), theirs.develop().get(a)));
        }
        int rating = mine.rating() != base.rating() ? mine.rating() : theirs.rating();
        return new PhotoSettings(look.kind(), look.reference(), strength, regrain, develop, rating);
    }

    private static double pick(double base, double mine, double theirs) {
        return !Objects.equals(mine, base) ? mine : theirs;
    }
}
