package app.retone.ui;

import app.retone.ui.settings.Settings;
import javafx.scene.control.SplitPane;

/** The window's split panes keep where the user left their dividers, from one run to the next. */
final class SplitPositions {

    private SplitPositions() {
    }

    /** {@code split}'s first divider at its remembered position (else {@code fallback}), remembered as it moves. */
    static void remember(Settings settings, SplitPane split, String key, double fallback) {
        split.setDividerPositions(settings.getDouble(key, fallback));
        split.getDividers().get(0).positionProperty().addListener((obs, old, now) -> settings.putDouble(key, now.doubleValue()));
    }
}
