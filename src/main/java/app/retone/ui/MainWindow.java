package app.retone.ui;

import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Builds the main window from its FXML and CSS, and remembers its size and place. */
public final class MainWindow {

    public static final double DEFAULT_WIDTH = 1400;
    public static final double DEFAULT_HEIGHT = 900;

    private MainWindow() {
    }

    /** Loads the window for {@code models} into {@code stage} (not yet shown) and returns its controller. */
    public static MainController create(Stage stage, AppViewModels models, FileDialogs dialogs, Settings settings) {
        EditorViewModel viewModel = models.editor();
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainView.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(models, dialogs, settings);
            }
            throw new IllegalArgumentException("no controller of type " + type);
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the main window's FXML could not be loaded", e);
        }
        // a size remembered on a larger screen (or the default on a small one) is fitted to this one
        Dimension2D size = fittedSize(settings.getDouble("window.width", DEFAULT_WIDTH),
                settings.getDouble("window.height", DEFAULT_HEIGHT), Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("retone.css").toExternalForm());
        stage.setScene(scene);
        stage.getIcons().setAll(icons());
        stage.titleProperty().bind(viewModel.session().windowTitleProperty());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        restorePlace(stage, settings);
        MainController controller = loader.getController();
        stage.setOnCloseRequest(e -> {
            if (!controller.confirmQuit()) {
                e.consume();
            }
        });
        stage.setOnHiding(e -> rememberPlace(stage, settings));
        // a key released in another window never reaches this one: never stay stuck on the original
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                viewModel.showOriginalProperty().set(false);
            }
        });
        return controller;
    }

    /** {@code width} × {@code height}, made smaller where it would not fit in {@code screen}. */
    static Dimension2D fittedSize(double width, double height, Rectangle2D screen) {
        return new Dimension2D(Math.min(width, screen.getWidth()), Math.min(height, screen.getHeight()));
    }

    /** The window's icon in the sizes window managers pick from (made from icons/retone.svg). */
    static java.util.List<javafx.scene.image.Image> icons() {
        java.util.List<javafx.scene.image.Image> images = new java.util.ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var url = MainWindow.class.getResource("icons/retone-" + size + ".png");
            if (url != null) {
                images.add(new javafx.scene.image.Image(url.toExternalForm()));
            }
        }
        return images;
    }

    private static void restorePlace(Stage stage, Settings settings) {
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            // only where a screen still is: monitors come and go
            boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                    .anyMatch(b -> b.intersects(new Rectangle2D(x, y, 200, 100)));
            if (visible) {
                stage.setX(x);
                stage.setY(y);
            }
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
    }

    private static void rememberPlace(Stage stage, Settings settings) {
        settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
        if (!stage.isMaximized() && stage.getScene() != null) {
            settings.putDouble("window.x", stage.getX());
            settings.putDouble("window.y", stage.getY());
            settings.putDouble("window.width", stage.getScene().getWidth());
            settings.putDouble("window.height", stage.getScene().getHeight());
        }
    }
}
