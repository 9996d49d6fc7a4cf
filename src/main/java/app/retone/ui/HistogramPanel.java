package app.retone.ui;

import app.retone.ui.editor.HistogramChoice;
import app.retone.ui.editor.HistogramPanelViewModel;
import app.retone.ui.editor.RgbHistogram;
import app.retone.ui.histogram.ChannelHistogramView;
import app.retone.ui.histogram.HistogramView;
import java.util.Map;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.util.StringConverter;

/**
 * The histogram panel: the choice (box and View menu items, one command per choice), the 3D view
 * of the points the view model made, the RGB histogram under it, and the caption.
 */
final class HistogramPanel {

    private HistogramPanel() {
    }

    static void bind(HistogramPanelViewModel panel, ChoiceBox<HistogramChoice> choiceBox,
                     Map<HistogramChoice, RadioMenuItem> items, HistogramView view, ChannelHistogramView channels,
                     Label caption) {
        choiceBox.getItems().setAll(HistogramChoice.values());
        choiceBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(HistogramChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public HistogramChoice fromString(String text) {
                return null;
            }
        });
        choiceBox.valueProperty().bindBidirectional(panel.histogramChoiceProperty());
        items.forEach((choice, item) -> Command.of(() -> panel.histogramChoiceProperty().set(choice))
                .selectedWhen(panel.histogramChoiceProperty().isEqualTo(choice)).attach(item));

        // the points and the RGB histogram are made off the FX thread by the view model; here they are only drawn
        panel.drawnBy(view.renderer());
        panel.histogramSelectionProperty().addListener((obs, old, now) -> caption.setText(now.caption()));
        panel.histogramPointsProperty().addListener((obs, old, now) -> view.show(now));
        view.show(panel.histogramPointsProperty().get());
        panel.rgbHistogramProperty().addListener((obs, old, now) -> showRgb(channels, now));
        showRgb(channels, panel.rgbHistogramProperty().get());
        caption.setText(panel.histogramSelectionProperty().get().caption());
    }

    private static void showRgb(ChannelHistogramView channels, RgbHistogram shown) {
        channels.show(shown.channels(), shown.of());
    }
}
