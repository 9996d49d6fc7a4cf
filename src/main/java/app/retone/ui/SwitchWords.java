package app.retone.ui;

import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.controlsfx.control.ToggleSwitch;

/**
 * A click on a switch's words turns it, as a click on a check box's words does: ControlsFX's
 * {@link ToggleSwitch} turns only from its track, so a click on "Regrain (keep the photo's fine
 * detail)" did nothing.
 */
final class SwitchWords {

    private SwitchWords() {
    }

    static void turnOnClick(ToggleSwitch toggle) {
        toggle.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress()
                    && !onTrack(event.getPickResult().getIntersectedNode(), toggle)) {
                toggle.setSelected(!toggle.isSelected());
            }
        });
    }

    /** Whether the node is the switch's track or its thumb (which turn it themselves), or inside them. */
    private static boolean onTrack(Node node, ToggleSwitch toggle) {
        for (Node n = node; n != null && n != toggle; n = n.getParent()) {
            if (n.getStyleClass().contains("thumb-area") || n.getStyleClass().contains("thumb")) {
                return true;
            }
        }
        return false;
    }
}
