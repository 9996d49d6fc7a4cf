package app.retone.ui.photo;

import app.retone.ui.editor.CompareMode;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * What the photo view draws over the photo to say what is where: the "Before" / "After" tags
 * (or "Original" while it is held), the split's draggable divider, and the placeholder while no
 * photo is open.
 */
final class CompareMarks {

    private static final double PAD = 10;

    private final Region divider = new Region();
    private final Label leftTag = tag("Before");
    private final Label rightTag = tag("After");
    private final Label placeholder = new Label("Open a photo (" + javafx.scene.input.KeyCombination.valueOf("Shortcut+O").getDisplayText() + ") or drop one here");

    /** @param split where the divider stands, 0..1 of {@code view}'s width: dragging the divider sets it */
    CompareMarks(Region view, DoubleProperty split) {
        divider.getStyleClass().add("split-divider");
        divider.setId("split-divider");
        divider.setCursor(Cursor.H_RESIZE);
        placeholder.getStyleClass().add("photo-placeholder");
        divider.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            Point2D local = view.sceneToLocal(e.getSceneX(), e.getSceneY());
            split.set(Math.max(0, Math.min(1, local.getX() / Math.max(1, view.getWidth()))));
            e.consume();
        });
        divider.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
    }

    private static Label tag(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("compare-tag");
        label.setMouseTransparent(true);
        return label;
    }

    /** The marks in drawing order, to go over the photo. */
    List<Node> nodes() {
        return List.of(divider, leftTag, rightTag, placeholder);
    }

    /** Which marks show: for the mode, while the original is held, with or without a photo. */
    void show(CompareMode mode, boolean originalHeld, boolean empty) {
        placeholder.setVisible(empty);
        leftTag.setText(mode != CompareMode.RESULT ? "Before" : originalHeld ? "Original" : "");
        divider.setVisible(mode == CompareMode.SPLIT && !empty);
        leftTag.setVisible(!empty && !leftTag.getText().isEmpty());
        rightTag.setVisible(!empty && mode != CompareMode.RESULT);
    }

    /**
     * Lays the marks out over a view {@code width × height}: the divider at {@code splitX}, the
     * right tag at the start of the right half ({@code rightHalfX}) or, when that is NaN, at the
     * right edge.
     */
    void layout(double width, double height, double splitX, double rightHalfX) {
        divider.resizeRelocate(splitX - 3, 0, 6, height);
        leftTag.autosize();
        rightTag.autosize();
        leftTag.relocate(PAD, PAD);
        rightTag.relocate(Double.isNaN(rightHalfX) ? width - rightTag.getWidth() - PAD : rightHalfX + PAD, PAD);
        placeholder.autosize();
        placeholder.relocate((width - placeholder.getWidth()) / 2, (height - placeholder.getHeight()) / 2);
    }
}
