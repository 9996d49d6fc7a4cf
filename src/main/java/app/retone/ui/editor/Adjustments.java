package app.retone.ui.editor;

import app.retone.core.render.Strength;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The user's adjustments of the look: its strength (kept within {@link Strength}'s range by its clamp),
 * regrain, and whether the slider is being dragged. Tells the editor when they change; holds no
 * pixels.
 */
public final class Adjustments {

    private final DoubleProperty strength = new SimpleDoubleProperty(Strength.DEFAULT);
    private final BooleanProperty regrain = new SimpleBooleanProperty(true);
    private final BooleanProperty adjusting = new SimpleBooleanProperty(false);

    /**
     * @param strengthChanged runs once per valid strength (never for one clamped or refused)
     * @param regrainChanged  runs when regrain is switched
     * @param released        runs when a slider comes to rest
     */
    Adjustments(Runnable strengthChanged, Runnable regrainChanged, Runnable released) {
        strength.addListener((obs, old, now) -> {
            if (Double.isNaN(now.doubleValue())) {
                strength.set(old.doubleValue()); // no strength at all: keep the last one
                return;
            }
            double clamped = Strength.clamp(now.doubleValue());
            if (clamped != now.doubleValue()) {
                strength.set(clamped);
                return;
            }
            strengthChanged.run();
        });
        regrain.addListener((obs, old, now) -> regrainChanged.run());
        adjusting.addListener((obs, old, now) -> {
            if (!now) {
                released.run();
            }
        });
    }

    /** {@link Strength#MIN}..{@link Strength#MAX}; 1 is the full transfer. */
    public DoubleProperty strengthProperty() {
        return strength;
    }

    public BooleanProperty regrainProperty() {
        return regrain;
    }

    /** True while the user drags a slider (the strength or an adjustment): costly refinements wait for the release. */
    public BooleanProperty adjustingProperty() {
        return adjusting;
    }

    double strength() {
        return strength.get();
    }

    boolean regrain() {
        return regrain.get();
    }

    boolean adjusting() {
        return adjusting.get();
    }
}
