package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.predict.ModelLocator;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Notices a person can read: the contrast of every kind of card and of every text on it as WCAG
 * measures it, a warning that stays until closed, information that passes, and notices that last
 * never dropped unread when more come than the window shows. The contrast is measured both with
 * forced OpenGL and without it (tagged {@code both-pipelines}: the build's software-pipeline
 * execution runs it too); which cards show and for how long does not depend on how JavaFX draws.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeCardsWindowTest {

    /** WCAG 2's minimum for normal text (AA). */
    private static final double LEAST_CONTRAST = 4.5;

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

    private void notice(FxRobot robot, Notice notice) {
        robot.interact(() -> viewModel.notices().notice(notice));
    }

    @Test
    @Tag("both-pipelines")
    void everyKindOfCardAndEveryTextOnItMeetsTheContrastRatio(FxRobot robot) throws Exception {
        // a card of every severity a card is made for (an error is a dialog), and a batch's summary
        List<Notice> kinds = new ArrayList<>();
        for (Notice.Severity severity : Notice.Severity.values()) {
            if (severity != Notice.Severity.ERROR) {
                kinds.add(new Notice(severity, severity + " notice", "what happened, and why"));
            }
        }
        kinds.add(Notice.summary("Batch export finished", "2 photos exported, 1 skipped.\nExported: a.jpg, b.jpg\n"
                + "Skipped:\n• c.jpg: c-retone.jpg exists"));
        kinds.forEach(kind -> notice(robot, kind));
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> cards = List.copyOf(robot.lookup(".notice-card").queryAll());
        assertEquals(kinds.size(), cards.size());
        Set<String> classes = cards.stream().flatMap(c -> c.getStyleClass().stream()).collect(Collectors.toSet());
        assertTrue(classes.containsAll(Arrays.stream(Notice.Severity.values()).filter(s -> s != Notice.Severity.ERROR)
                .map(s -> "notice-" + s.name().toLowerCase(java.util.Locale.ROOT)).toList()), String.valueOf(classes));

        WritableImage shot = TestWindow.onFx(() -> stage.getScene().snapshot(null));
        for (Node node : cards) {
            Region card = (Region) node;
            Color background = fill(card);
            String name = TestWindow.onFx(() -> ((Label) card.lookup(".notice-title")).getText());
            assertDrawn(shot, card, background, name);
            List<Labeled> texts = List.of((Labeled) card.lookup(".notice-title"), (Labeled) card.lookup(".notice-text"),
                    (Labeled) card.lookup(".notice-close"));
            for (Labeled text : texts) {
                assertReadable(text, background, name);
            }
            // the close button pointed at and focused: its own background then
            Button close = (Button) card.lookup(".notice-close");
            robot.moveTo(close);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(TestWindow.onFx(close::isHover));
            assertReadable(close, background, name + ", × pointed at");
            awayFromTheCards(robot);
            robot.interact(close::requestFocus);
            assertTrue(TestWindow.onFx(close::isFocused));
            assertReadable(close, background, name + ", × focused");
        }
        Snapshots.save(stage.getScene().getRoot(), "notice-cards.png");

        // the count of notices waiting, under a stack of cards that last
        for (int i = 0; i < NoticePresenter.MAX_CARDS + 1; i++) {
            notice(robot, Notice.warning("Warning " + i, "it stays"));
        }
        WaitForAsyncUtils.waitForFxEvents();
        Label waiting = robot.lookup("#notices-waiting").queryAs(Label.class);
        assertReadable(waiting, fill(waiting), "the count of notices waiting");
        assertDrawn(TestWindow.onFx(() -> stage.getScene().snapshot(null)), waiting, fill(waiting), "the count of notices waiting");
        Snapshots.save(stage.getScene().getRoot(), "notice-cards-waiting.png");
    }

    @Test
    void aWarningStaysUntilClosedInformationPasses(FxRobot robot) throws Exception {
        notice(robot, Notice.warning("Edits cannot be kept in photos",
                "the folder is read-only\nYour edits work while Retone is open, but are not kept beside the photos."));
        notice(robot, Notice.info("Exported", "/tmp/a.jpg (jpeg)"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.lookup(".notice-card").queryAll().size());
        Node card = robot.lookup(".notice-warning").query();
        // after the passing time the information has gone and the warning is still there
        Thread.sleep((long) NoticePresenter.PASSING.toMillis() + 1200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".notice-card").queryAll().size(), "the information passed");
        assertTrue(robot.lookup(".notice-warning").tryQuery().isPresent(), "the warning stays until read");
        robot.clickOn(robot.from(card).lookup(".notice-close").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, robot.lookup(".notice-card").queryAll().size(), "closed");
    }

    @Test
    void noticesThatLastAreNeverDroppedUnreadTheyWaitTheirTurnInOrder(FxRobot robot) throws Exception {
        int max = NoticePresenter.MAX_CARDS;
        // a passing card gives way to a notice that lasts
        passingCardUnderWarnings(robot, "Passing");
        notice(robot, Notice.summary("Summary " + max, "what a batch did"));
        assertEquals(titles("Warning", 1, max - 1, "Summary " + max), shownTitles(robot));
        assertFalse(robot.lookup("#notices-waiting").tryQuery().isPresent(), "nothing waits");

        // with every card lasting, the next ones that last wait in order, counted under the stack; one
        // that would only pass is not kept to pass minutes later, stale
        List<String> sent = new ArrayList<>(shownTitles(robot));
        for (String title : List.of("Warning A", "Information B", "Summary C")) {
            notice(robot, title.startsWith("Information") ? Notice.info(title, "passes once shown")
                    : title.startsWith("Summary") ? Notice.summary(title, "a batch's") : Notice.warning(title, "stays"));
            if (!title.startsWith("Information")) {
                sent.add(title);
            }
        }
        assertEquals(sent.subList(0, max), shownTitles(robot), "the cards on screen stay");
        assertWaiting(robot, 2);

        // each card closed lets the next waiting notice in, and every notice is seen once, in order
        List<String> seen = new ArrayList<>(shownTitles(robot));
        while (!shownTitles(robot).isEmpty()) {
            Node first = robot.lookup(".notice-card").query();
            robot.clickOn(robot.from(first).lookup(".notice-close").queryButton());
            WaitForAsyncUtils.waitForFxEvents();
            for (String title : shownTitles(robot)) {
                if (!seen.contains(title)) {
                    seen.add(title);
                }
            }
            int left = sent.size() - seen.size();
            if (left > 0) {
                assertWaiting(robot, left);
            } else {
                assertFalse(robot.lookup("#notices-waiting").tryQuery().isPresent(), "none waits: " + seen);
            }
        }
        assertEquals(sent, seen, "every notice was shown, none dropped, in the order it came");
    }

    @Test
    void aPassingCardUnderThePointerIsNotTakenAwayByANewNotice(FxRobot robot) throws Exception {
        int max = NoticePresenter.MAX_CARDS;
        passingCardUnderWarnings(robot, "Being read");
        Node reading = robot.lookup(".notice-card").query();
        robot.moveTo(reading);
        WaitForAsyncUtils.waitForFxEvents();
        notice(robot, Notice.warning("Warning " + max, "comes while the first card is read"));
        assertEquals("Being read", shownTitles(robot).get(0), "the card being read stays");
        assertWaiting(robot, 1);
        awayFromTheCards(robot);
    }

    /** A full stack: an information card titled {@code title}, then warnings 1 to MAX_CARDS − 1 under it. */
    private void passingCardUnderWarnings(FxRobot robot, String title) {
        notice(robot, Notice.info(title, "it passes"));
        for (int i = 1; i < NoticePresenter.MAX_CARDS; i++) {
            notice(robot, Notice.warning("Warning " + i, "it stays"));
        }
    }

    private void awayFromTheCards(FxRobot robot) {
        robot.moveTo(stage.getScene().getRoot(), Pos.TOP_LEFT, new Point2D(20, 60), Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> titles(String prefix, int from, int to, String last) {
        List<String> titles = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            titles.add(prefix + " " + i);
        }
        titles.add(last);
        return titles;
    }

    private static List<String> shownTitles(FxRobot robot) throws Exception {
        return TestWindow.onFx(() -> robot.lookup(".notice-card .notice-title").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
    }

    /** The stack says that {@code count} wait, where the window shows it. */
    private void assertWaiting(FxRobot robot, int count) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Label waiting = robot.lookup("#notices-waiting").queryAs(Label.class);
        assertTrue(TestWindow.onFx(waiting::getText).startsWith("+" + count + " more notice"), TestWindow.onFx(waiting::getText));
        Bounds bounds = TestWindow.onFx(() -> waiting.localToScene(waiting.getBoundsInLocal()));
        assertTrue(TestWindow.onFx(waiting::isVisible) && bounds.getWidth() > 20 && bounds.getMinY() >= 0
                && bounds.getMaxY() <= stage.getScene().getHeight() && bounds.getMaxX() <= stage.getScene().getWidth(),
                "the count is in the window: " + bounds);
    }

    /** The text's colour against what is behind it (its own fill, else the card's) is at least 4.5:1. */
    private static void assertReadable(Labeled text, Color card, String where) throws Exception {
        Color[] colours = TestWindow.onFx(() -> {
            text.applyCss();
            Color own = ownFill(text.getBackground());
            return new Color[] {(Color) text.getTextFill(), own != null ? own : card};
        });
        double ratio = contrast(colours[0], colours[1]);
        assertTrue(ratio >= LEAST_CONTRAST, where + ": " + text.getStyleClass() + " \"" + TestWindow.onFx(text::getText)
                + "\" has a contrast of " + ratio + ":1 (" + colours[0] + " on " + colours[1] + ")");
    }

    /** The region's background colour, which must be one opaque colour. */
    private static Color fill(Region region) throws Exception {
        Color fill = TestWindow.onFx(() -> ownFill(region.getBackground()));
        assertTrue(fill != null && fill.getOpacity() == 1, region.getStyleClass() + " has an opaque background: " + fill);
        return fill;
    }

    /** The opaque colour a background paints, or null when it paints none (a transparent button). */
    private static Color ownFill(Background background) {
        if (background == null) {
            return null;
        }
        Color found = null;
        for (BackgroundFill f : background.getFills()) {
            if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                found = c;
            }
        }
        return found;
    }

    /** The colour is what the window draws inside the region's padding (its bottom right corner). */
    private static void assertDrawn(WritableImage shot, Region region, Color expected, String where) throws Exception {
        Bounds bounds = TestWindow.onFx(() -> region.localToScene(region.getLayoutBounds()));
        int x = (int) bounds.getMaxX() - 8;
        int y = (int) bounds.getMaxY() - 4;
        Color drawn = shot.getPixelReader().getColor(x, y);
        double off = Math.max(Math.abs(drawn.getRed() - expected.getRed()), Math.max(Math.abs(drawn.getGreen()
                - expected.getGreen()), Math.abs(drawn.getBlue() - expected.getBlue())));
        assertTrue(off < 3 / 255.0, where + ": the window draws " + drawn + " where the background is " + expected);
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
