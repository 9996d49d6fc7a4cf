package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opens for real (under Xvfb in CI) and shows the app's name. */
@ExtendWith(ApplicationExtension.class)
class RetoneAppTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new RetoneApp().start(stage);
    }

    @Test
    void theWindowOpensWithItsTitle(FxRobot robot) {
        assertEquals("Retone", stage.getTitle());
        assertTrue(stage.isShowing());
        Label title = robot.lookup("#title").queryAs(Label.class);
        assertEquals("Retone", title.getText());
    }
}
