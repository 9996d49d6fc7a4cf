package app.retone.ui;

import app.retone.core.render.Develop.Adjustment;
import app.retone.ui.editor.DevelopViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The Develop section: one slider a row for each adjustment (the one list, {@link Adjustment}),
 * with its name and value; a double-click on a slider sets it back to 0, Reset All sets them all
 * back. A fast mouse sends several moves a frame: each slider's value reaches the view model once a
 * frame, the latest.
 */
final class DevelopPanel {

    private final DevelopViewModel develop;
    private final GridPane grid;
    private final Button resetAll;
    private final List<Slider> sliders = new ArrayList<>();

    DevelopPanel(DevelopViewModel develop, GridPane grid, Button resetAll) {
        this.develop = develop;
        this.grid = grid;
        this.resetAll = resetAll;
    }

    void bind() {
        int row = 0;
        for (Adjustment a : Adjustment.values()) {
            Label name = new Label(a.label());
            Slider slider = new Slider(-a.range(), a.range(), 0);
            slider.setId("develop-" + a.id());
            slider.setBlockIncrement(a == Adjustment.EXPOSURE ? 0.1 : 5);
            slider.setMajorTickUnit(a.range());
            slider.setShowTickMarks(true);
            slider.getStyleClass().add("develop-slider");
            slider.setTooltip(new Tooltip(a.label() + ": double-click to set it back to 0"));
            GridPane.setHgrow(slider, Priority.ALWAYS);
            Label value = new Label();
            value.getStyleClass().add("develop-value");
            value.setMinWidth(64);
            value.setAlignment(Pos.CENTER_RIGHT);
            DoubleProperty property = develop.property(a);
            value.textProperty().bind(Bindings.createStringBinding(() -> a.format(property.get()), property));
            follow(slider, property);
            // a filter: the thumb and the track take the click for themselves
            slider.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    develop.reset(a);
                }
            });
            grid.addRow(row++, name, slider, value);
            sliders.add(slider);
        }
        resetAll.setOnAction(e -> develop.resetAll());
    }

    /** True while any of the section's sliders is being dragged. */
    BooleanBinding anyChanging() {
        BooleanBinding changing = Bindings.createBooleanBinding(() -> false);
        for (Slider s : sliders) {
            changing = changing.or(s.valueChangingProperty());
        }
        return changing;
    }

    /** The slider shows the property; moved by the user, it sets the property on the next frame, once. */
    private static void follow(Slider slider, DoubleProperty property) {
        slider.setValue(property.get());
        boolean[] pending = {false};
        Runnable apply = new Runnable() {
            @Override
            public void run() {
                slider.getScene().removePreLayoutPulseListener(this);
                pending[0] = false;
                if (slider.getValue() != property.get()) {
                    property.set(slider.getValue());
                }
            }
        };
        slider.valueProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() == property.get() || pending[0] || slider.getScene() == null) {
                if (slider.getScene() == null) {
                    property.set(now.doubleValue());
                }
                return;
            }
            pending[0] = true;
            slider.getScene().addPreLayoutPulseListener(apply);
            Platform.requestNextPulse();
        });
        property.addListener((obs, old, now) -> {
            if (slider.getValue() != now.doubleValue()) {
                slider.setValue(now.doubleValue());
            }
        });
    }
}
