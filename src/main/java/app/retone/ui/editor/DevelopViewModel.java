package app.retone.ui.editor;

import app.retone.core.render.Develop;
import app.retone.core.render.Develop.Adjustment;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The develop adjustments of the photo on screen, one property each (kept within its range; a
 * value that is not a number keeps the last one), read together as a {@link Develop}. Tells the
 * editor when any changes; holds no pixels.
 */
public final class DevelopViewModel {

    private final Map<Adjustment, DoubleProperty> values = new EnumMap<>(Adjustment.class);
    /** Set while several values change as one (a reset, a photo's settings): one notice at the end. */
    private boolean settingAll;

    DevelopViewModel(Runnable changed) {
        for (Adjustment a : Adjustment.values()) {
            DoubleProperty p = new SimpleDoubleProperty(0);
            p.addListener((obs, old, now) -> {
                double v = now.doubleValue();
                if (Double.isNaN(v)) {
                    p.set(old.doubleValue());
                    return;
                }
                double clamped = Math.max(-a.range(), Math.min(a.range(), v));
                if (clamped != v) {
                    p.set(clamped);
                    return;
                }
                if (!settingAll) {
                    changed.run();
                }
            });
            values.put(a, p);
        }
        this.changed = changed;
    }

    private final Runnable changed;

    /** One adjustment's value, within {@link Adjustment#range()} of 0. */
    public DoubleProperty property(Adjustment a) {
        return values.get(a);
    }

    /** The adjustments as they are. */
    public Develop develop() {
        Develop d = Develop.NEUTRAL;
        for (Map.Entry<Adjustment, DoubleProperty> e : values.entrySet()) {
            d = d.with(e.getKey(), e.getValue().get());
        }
        return d;
    }

    /** Sets every adjustment at once: one change for the editor. */
    public void set(Develop develop) {
        if (develop.equals(develop())) {
            return;
        }
        settingAll = true;
        try {
            for (Adjustment a : Adjustment.values()) {
                values.get(a).set(develop.get(a));
            }
        } finally {
            settingAll = false;
        }
        changed.run();
    }

    /** One adjustment back to 0 (a double-click on its slider). */
    public void reset(Adjustment a) {
        values.get(a).set(0);
    }

    /** Every adjustment back to 0. */
    public void resetAll() {
        set(Develop.NEUTRAL);
    }
}
