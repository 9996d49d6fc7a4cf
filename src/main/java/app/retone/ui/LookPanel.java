package app.retone.ui;

import app.retone.core.render.LookTransfer;
import app.retone.core.render.TargetKind;
import app.retone.ui.editor.EditorViewModel;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.util.StringConverter;
import org.controlsfx.control.ToggleSwitch;

/**
 * The look panel's controls: the automatic look's transfer, the look's description, the strength
 * slider (repainting once per frame at most) and regrain. The look buttons are commands.
 */
final class LookPanel {

    private final EditorViewModel viewModel;
    private final ChoiceBox<LookTransfer> transferChoice;
    private final Node transferRow;
    private final Label lookLabel;
    private final Label strengthLabel;
    private final Slider strengthSlider;
    private final ToggleSwitch regrainSwitch;
    private boolean strengthPending;
    private final Runnable applyStrength = new Runnable() {
        @Override
        public void run() {
            strengthSlider.getScene().removePreLayoutPulseListener(this);
            strengthPending = false;
            viewModel.adjustments().strengthProperty().set(strengthSlider.getValue() / 100);
        }
    };

    LookPanel(EditorViewModel viewModel, Node transferRow, ChoiceBox<LookTransfer> transferChoice, Label lookLabel, Label strengthLabel,
              Slider strengthSlider, ToggleSwitch regrainSwitch) {
        this.viewModel = viewModel;
        this.transferChoice = transferChoice;
        this.transferRow = transferRow;
        this.lookLabel = lookLabel;
        this.strengthLabel = strengthLabel;
        this.strengthSlider = strengthSlider;
        this.regrainSwitch = regrainSwitch;
    }

    void bind() {
        var look = viewModel.look();
        var adjustments = viewModel.adjustments();
        lookLabel.textProperty().bind(look.lookDescriptionProperty());
        // a reference is always matched by Pitié's transfer: the choice is the automatic look's only
        var automatic = look.targetKindProperty().isNotEqualTo(TargetKind.REFERENCE);
        transferRow.visibleProperty().bind(automatic);
        transferRow.managedProperty().bind(automatic);
        transferChoice.getItems().setAll(LookTransfer.values());
        transferChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(LookTransfer transfer) {
                return transfer == null ? "" : transferLabel(transfer);
            }

            @Override
            public LookTransfer fromString(String text) {
                return null;
            }
        });
        transferChoice.setValue(look.lookTransferProperty().get());
        look.lookTransferProperty().addListener((obs, old, now) -> transferChoice.setValue(now));
        transferChoice.valueProperty().addListener((obs, old, now) -> viewModel.useTransfer(now));

        SwitchWords.turnOnClick(regrainSwitch);
        strengthSlider.disableProperty().bind(look.hasLookProperty().not());
        strengthSlider.setValue(adjustments.strengthProperty().get() * 100);
        // a fast mouse sends several moves a frame: the preview is repainted once per frame, with the latest
        strengthSlider.valueProperty().addListener((obs, old, now) -> {
            if (!strengthPending) {
                strengthPending = true;
                strengthSlider.getScene().addPreLayoutPulseListener(applyStrength);
                Platform.requestNextPulse();
            }
        });
        adjustments.strengthProperty().addListener((obs, old, now) -> {
            if (Math.abs(strengthSlider.getValue() - now.doubleValue() * 100) > 1e-9) {
                strengthSlider.setValue(now.doubleValue() * 100);
            }
        });
        strengthLabel.textProperty().bind(adjustments.strengthProperty().multiply(100).asString(Locale.ROOT, "%.0f %%"));
        regrainSwitch.selectedProperty().bindBidirectional(adjustments.regrainProperty());
    }

    /** "Tone curves (recommended)" or "3D transfer (Pitié)": the transfer as a photographer picks it. */
    static String transferLabel(LookTransfer transfer) {
        String name = switch (transfer) {
            case CURVES -> "Tone curves";
            case PITIE -> "3D transfer (Pitié)";
        };
        return transfer == LookTransfer.DEFAULT ? name + " (recommended)" : name;
    }
}
