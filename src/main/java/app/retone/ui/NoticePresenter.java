package app.retone.ui;

import app.retone.ui.editor.Notice;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Shows the editor's notices: an error in a dialog; anything else as a card at the bottom right of
 * the window, light text on a dark card (every kind of card and every text on it above the 4.5:1
 * contrast WCAG asks for: the styles in retone.css, measured by {@code NoticeCardsWindowTest}).
 * A notice that lasts (a warning, a summary) stays until closed (×) and is never dropped unread;
 * an information passes after {@link #PASSING} unless the pointer rests on it. At most
 * {@link #MAX_CARDS} cards show: a new notice takes the place of the oldest passing card not under
 * the pointer; when there is none, a notice that lasts waits, in order, for a card to close (the
 * stack says how many wait), and one that would only pass is not shown (the log has it).
 */
final class NoticePresenter {

    static final Duration PASSING = Duration.seconds(6);
    static final int MAX_CARDS = 4;

    private static final String CARD = "notice-card";
    /** A card's property: the passing card's fade, stopped when the card goes before its time. */
    private static final String PASSING_KEY = "passing";

    private final Supplier<Window> owner;
    /** Notices that found every card on screen lasting, oldest first: shown as cards close. */
    private final Deque<Notice> waiting = new ArrayDeque<>();
    /** "+2 more notices", under the stack while any wait. */
    private final Label more = new Label();
    private VBox layer;

    NoticePresenter(Supplier<Window> owner) {
        this.owner = owner;
        more.getStyleClass().add("notice-more");
        more.setId("notices-waiting");
    }

    /** Where the cards stack: a layer over the window's centre that lets clicks through where it is empty. */
    void showOn(VBox cards) {
        this.layer = cards;
        cards.setPickOnBounds(false);
        cards.setAlignment(Pos.BOTTOM_RIGHT);
        cards.setSpacing(8);
    }

    void show(Notice notice) {
        if (notice.severity() == Notice.Severity.ERROR) {
            showDialog(notice);
            return;
        }
        if (layer == null) {
            return;
        }
        Optional<Node> replaceable = waiting.isEmpty() && cards().size() >= MAX_CARDS ? replaceablePassingCard() : Optional.empty();
        if (waiting.isEmpty() && cards().size() < MAX_CARDS) {
            add(notice);
        } else if (replaceable.isPresent()) {
            remove(replaceable.get());
            add(notice);
        } else if (notice.lasts()) {
            waiting.add(notice); // behind those already waiting, in order
        }
        // else a passing notice with no room: it would pass unread later, stale; the log keeps it (Notices)
        showWaiting();
    }

    private void showDialog(Notice notice) {
        Window window = owner.get();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (window != null) {
            alert.initOwner(window);
        }
        alert.setTitle("Retone");
        alert.setHeaderText(notice.title());
        alert.setContentText(notice.text());
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }

    private List<Node> cards() {
        return layer.getChildren().stream().filter(node -> node.getStyleClass().contains(CARD)).toList();
    }

    /** The oldest passing card that is not under the pointer (a card being read is not taken away). */
    private Optional<Node> replaceablePassingCard() {
        return cards().stream().filter(card -> !lasts(card) && !card.isHover()).findFirst();
    }

    private static boolean lasts(Node card) {
        return !card.getProperties().containsKey(PASSING_KEY);
    }

    private void add(Notice notice) {
        VBox card = card(notice);
        int beforeWaiting = layer.getChildren().indexOf(more);
        layer.getChildren().add(beforeWaiting < 0 ? layer.getChildren().size() : beforeWaiting, card);
        if (!notice.lasts()) {
            PauseTransition wait = new PauseTransition(PASSING);
            FadeTransition fade = new FadeTransition(Duration.millis(400), card);
            fade.setToValue(0);
            SequentialTransition passing = new SequentialTransition(wait, fade);
            passing.setOnFinished(e -> close(card));
            card.getProperties().put(PASSING_KEY, passing);
            card.setOnMouseEntered(e -> {
                passing.stop();
                card.setOpacity(1);
            });
            card.setOnMouseExited(e -> passing.playFromStart());
            passing.play();
        }
    }

    /** A card closed (×) or passed: the next waiting notice takes its place. */
    private void close(Node card) {
        if (!remove(card)) {
            return;
        }
        while (!waiting.isEmpty() && cards().size() < MAX_CARDS) {
            add(waiting.poll());
        }
        showWaiting();
    }

    private boolean remove(Node card) {
        if (card.getProperties().get(PASSING_KEY) instanceof Animation passing) {
            passing.stop();
        }
        return layer.getChildren().remove(card);
    }

    /** "+K more notices" under the stack while K wait, else nothing. */
    private void showWaiting() {
        int count = waiting.size();
        if (count == 0) {
            layer.getChildren().remove(more);
            return;
        }
        more.setText("+" + count + (count == 1 ? " more notice waits" : " more notices wait") + ": close one to see the next");
        if (!layer.getChildren().contains(more)) {
            layer.getChildren().add(more);
        }
    }

    private VBox card(Notice notice) {
        Label title = new Label(notice.title());
        title.getStyleClass().add("notice-title");
        title.setWrapText(true);
        Button close = new Button("×");
        close.getStyleClass().add("notice-close");
        close.setAccessibleText("Close this notice");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, close);
        head.setAlignment(Pos.TOP_LEFT);
        Label text = new Label(notice.text());
        text.getStyleClass().add("notice-text");
        text.setWrapText(true);
        VBox card = new VBox(4, head, text);
        card.getStyleClass().addAll(CARD, "notice-" + notice.severity().name().toLowerCase(Locale.ROOT));
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        close.setOnAction(e -> close(card));
        return card;
    }
}
