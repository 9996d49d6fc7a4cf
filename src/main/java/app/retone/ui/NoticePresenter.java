package app.retone.ui;

import app.retone.ui.editor.Notice;
import java.util.function.Supplier;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Pos;
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
 * the window, light text on a dark card (well above the 4.5:1 contrast WCAG asks for: the styles
 * in retone.css, checked by a window test). A warning or a summary stays until closed (×); an
 * information passes after {@link #PASSING} unless the pointer rests on it. At most
 * {@link #MAX_CARDS} show; the oldest passing one goes first.
 */
final class NoticePresenter {

    static final Duration PASSING = Duration.seconds(6);
    static final int MAX_CARDS = 4;

    private final Supplier<Window> owner;
    private VBox layer;

    NoticePresenter(Supplier<Window> owner) {
        this.owner = owner;
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
            return;
        }
        if (layer == null) {
            return;
        }
        VBox card = card(notice);
        if (layer.getChildren().size() >= MAX_CARDS) {
            layer.getChildren().stream().filter(c -> !Boolean.TRUE.equals(c.getProperties().get("lasts"))).findFirst()
                    .or(() -> layer.getChildren().stream().findFirst())
                    .ifPresent(old -> layer.getChildren().remove(old));
        }
        layer.getChildren().add(card);
        if (!notice.lasts()) {
            PauseTransition wait = new PauseTransition(PASSING);
            FadeTransition fade = new FadeTransition(Duration.millis(400), card);
            fade.setToValue(0);
            SequentialTransition passing = new SequentialTransition(wait, fade);
            passing.setOnFinished(e -> layer.getChildren().remove(card));
            card.setOnMouseEntered(e -> {
                passing.stop();
                card.setOpacity(1);
            });
            card.setOnMouseExited(e -> passing.playFromStart());
            passing.play();
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
        card.getStyleClass().addAll("notice-card", "notice-" + notice.severity().name().toLowerCase(java.util.Locale.ROOT));
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getProperties().put("lasts", notice.lasts());
        close.setOnAction(e -> layer.getChildren().remove(card));
        return card;
    }
}
