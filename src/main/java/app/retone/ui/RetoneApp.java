package app.retone.ui;

import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app. Until the editor lands (see the desktop app issue) this is a placeholder
 * window that names the photos it was asked to open and points to the command line.
 */
public final class RetoneApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(RetoneApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> photos = getParameters() == null ? List.of() : getParameters().getUnnamed();
        Label title = new Label("Retone");
        title.setId("title");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label body = new Label(photos.isEmpty()
                ? "The editor is on its way. Meanwhile the command line works: retone --help"
                : "Asked to open: " + String.join(", ", photos));
        VBox root = new VBox(12, title, body);
        root.setPadding(new Insets(24));
        stage.setTitle("Retone");
        stage.setScene(new Scene(root, 640, 240));
        stage.show();
    }
}
