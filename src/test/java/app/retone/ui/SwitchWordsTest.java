package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A switch turns from a click on its words, and still once (not twice) from a click on its track. */
@ExtendWith(ApplicationExtension.class)
class SwitchWordsTest {

    private ToggleSwitch toggle;

    @Start
    void start(Stage stage) {
        toggle = new ToggleSwitch("Regrain (keep the photo's fine detail)");
        toggle.setId("switch");
        toggle.setMinWidth(360);
        SwitchWords.turnOnClick(toggle);
        stage.setScene(new Scene(new StackPane(toggle), 420, 80));
        stage.show();
    }

    @Test
    void aClickOnTheWordsTurnsTheSwitchAndOneOnTheTrackTurnsItOnce(FxRobot robot) throws Exception {
        assertFalse(selected());
        robot.clickOn(".text"); // the words: ControlsFX alone does nothing here
        assertTrue(selected(), "a click on the words turns it on");
        robot.clickOn(".text");
        assertFalse(selected(), "and off");
        Node track = robot.lookup("#switch .thumb-area").query();
        robot.clickOn(track);
        assertTrue(selected(), "a click on the track turns it once");
    }

    private boolean selected() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(toggle::isSelected).get(5, TimeUnit.SECONDS);
    }
}
