package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.predict.ModelLocator;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Notices a person can read: their contrast as WCAG measures it, a warning that stays until closed, information that passes. */
@ExtendWith(ApplicationExtension.class)
class NoticeCardsWindowTest {

    private Stage stage;
    private EditorViewModel viewModel;
    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = new TestWindow(stage, ModelLocator.DEFAULT_MODEL, new ScriptedDialogs(), 0, 0);
        this.stage = stage;
        viewModel = window.editor();
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void aWarningIsReadableAndStaysUntilClosedInformationPasses(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.notices().notice(Notice.warning("Edits cannot be kept in photos",
                "the folder is read-only\nYour edits work while Retone is open, but are not kept beside the photos.")));
        robot.interact(() -> viewModel.notices().notice(Notice.info("Exported", "/tmp/a.jpg (jpeg)")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.lookup(".notice-card").queryAll().size());
        Node card = robot.lookup(".notice-warning").query();
        Color background = (Color) ((Region) card).getBackground().getFills().get(0).getFill();
        for (String part : new String[] {".notice-title", ".notice-text"}) {
            Label label = robot.from(card).lookup(part).queryAs(Label.class);
            double ratio = contrast((Color) label.getTextFill(), background);
            assertTrue(ratio >= 4.5, part + " has a contrast of " + ratio + ":1 on its card");
        }
        Snapshots.save(stage.getScene().getRoot(), "notice-cards.png");
        // after the passing time the information has gone and the warning is still there
        Thread.sleep((long) NoticePresenter.PASSING.toMillis() + 1200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".notice-card").queryAll().size(), "the information passed");
        assertTrue(robot.lookup(".notice-warning").tryQuery().isPresent(), "the warning stays until read");
        robot.clickOn(robot.from(card).lookup(".notice-close").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, robot.lookup(".notice-card").queryAll().size(), "closed");
    }

    /** WCAG 2's contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
