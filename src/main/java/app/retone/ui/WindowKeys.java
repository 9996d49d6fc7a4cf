package app.retone.ui;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * Keys of the whole window that no menu item carries: ↑ and ↓ move a focused slider (← and → move
 * through a folder, {@link FolderPresenter}), and \ held shows the original.
 */
final class WindowKeys {

    private WindowKeys() {
    }

    static void bind(Region root, BooleanProperty showOriginal) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) && !e.isShortcutDown() && root.getScene() != null
                    && root.getScene().getFocusOwner() instanceof Slider slider
                    && slider.getOrientation() == Orientation.HORIZONTAL) {
                if (e.getCode() == KeyCode.UP) {
                    slider.increment();
                } else {
                    slider.decrement();
                }
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SLASH && !e.isShortcutDown()) {
                showOriginal.set(true);
                e.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.BACK_SLASH) {
                showOriginal.set(false);
                e.consume();
            }
        });
    }
}
