package app.retone.ui;

import app.retone.Version;
import app.retone.ui.editor.PredictorSource;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Help ▸ About: what Retone does, its version (the pom's, {@link Version}) and the model it uses. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner, PredictorSource predictors) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About Retone");
        alert.setHeaderText("Retone " + Version.current());
        alert.setContentText(text(predictors));
        alert.show();
    }

    static String text(PredictorSource predictors) {
        String model = predictors.loadedDescription().map(d -> "The model: " + d + ".")
                .orElse("The model is loaded with the first photo.");
        return "Fixes the colour of photos automatically. A model reads the photo's 3D colour histogram and predicts "
                + "the histogram a well-edited version would have; the photo's colours are moved onto it by tone "
                + "curves, or by Pitié's 3D distribution transfer, which also gives a photo the colours of a reference. "
                + "The model never sees pixels, so it cannot change the photo's structure.\n\n" + model;
    }
}
