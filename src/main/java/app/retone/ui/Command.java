package app.retone.ui;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * One thing the user can do, however it is reached: its handler, when it is disabled and (for a
 * choice) when it is selected. Attached to a menu item and a button alike, so both act, grey out
 * and show their selection the same way, wired once.
 */
final class Command {

    private final Runnable handler;
    private final ReadOnlyBooleanWrapper disabled = new ReadOnlyBooleanWrapper(false);
    private ObservableValue<Boolean> selected;
    private KeyCombination shortcut;

    private Command(Runnable handler) {
        this.handler = handler;
    }

    static Command of(Runnable handler) {
        return new Command(handler);
    }

    /** Disabled while {@code condition} holds. */
    Command disabledWhen(ObservableValue<Boolean> condition) {
        disabled.bind(condition);
        return this;
    }

    /** Shown selected (on a toggle: a radio item, a toggle button) exactly while {@code condition} holds. */
    Command selectedWhen(ObservableValue<Boolean> condition) {
        selected = condition;
        return this;
    }

    void run() {
        handler.run();
    }

    Command attach(MenuItem... items) {
        for (MenuItem item : items) {
            item.disableProperty().bind(disabled);
            if (shortcut == null) {
                shortcut = item.getAccelerator();
            }
            item.setOnAction(e -> act(item instanceof Toggle toggle ? toggle : null));
            if (item instanceof Toggle toggle) {
                keepSelected(toggle);
            }
        }
        return this;
    }

    Command attach(ButtonBase... buttons) {
        for (ButtonBase button : buttons) {
            button.disableProperty().bind(disabled);
            nameShortcut(button);
            button.setOnAction(e -> act(button instanceof Toggle toggle ? toggle : null));
            if (button instanceof Toggle toggle) {
                keepSelected(toggle);
            }
        }
        return this;
    }

    /**
     * A button's tooltip ends with the menu item's key, as the platform writes it (Ctrl+O here,
     * ⌘O on macOS): the FXML gives only the words, so a tooltip never names a key the accelerator
     * does not use. Attach the menu item first.
     */
    private void nameShortcut(ButtonBase button) {
        Tooltip tooltip = button.getTooltip();
        if (shortcut != null && tooltip != null && !tooltip.getText().endsWith(")")) {
            tooltip.setText(tooltip.getText() + " (" + shortcut.getDisplayText() + ")");
        }
    }

    /** A click toggles the control by itself: it shows the command's state again before acting. */
    private void act(Toggle toggle) {
        if (toggle != null && selected != null) {
            toggle.setSelected(Boolean.TRUE.equals(selected.getValue()));
        }
        handler.run();
    }

    private void keepSelected(Toggle toggle) {
        if (selected == null) {
            return;
        }
        selected.addListener((obs, old, now) -> toggle.setSelected(Boolean.TRUE.equals(now)));
        toggle.setSelected(Boolean.TRUE.equals(selected.getValue()));
    }
}
