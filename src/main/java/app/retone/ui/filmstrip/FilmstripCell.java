package app.retone.ui.filmstrip;

import app.retone.ui.folder.FolderPhoto;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.folder.BatchExport;
import app.retone.core.image.Thumbnail;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One photo of the filmstrip: its thumbnail (asked for when the cell shows it, so only the
 * photos in view are ever read), its name, a mark once its look is ready, and for a photo that
 * cannot be opened a cross with the reason in a tooltip. Cells are reused as the strip scrolls:
 * each follows only the photo it shows now.
 */
final class FilmstripCell extends ListCell<FolderPhoto> {

    static final double SIZE = 96;

    private final FolderViewModel folder;
    private final ImageView image = new ImageView();
    private final Label mark = new Label();
    private final Label stars = new Label();
    private final Label name = new Label();
    private final VBox box;
    private FolderPhoto shown;
    private final ChangeListener<Thumbnail> onThumbnail = (obs, old, now) -> thumbnailChanged(now);
    private final ChangeListener<FolderPhoto.State> onState = (obs, old, now) -> showState();
    private final ChangeListener<Number> onRating = (obs, old, now) -> showRating();
    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");

    FilmstripCell(FolderViewModel folder) {
        this.folder = folder;
        image.setFitWidth(SIZE);
        image.setFitHeight(SIZE);
        image.setPreserveRatio(true);
        mark.getStyleClass().add("filmstrip-mark");
        StackPane.setAlignment(mark, Pos.BOTTOM_RIGHT);
        stars.getStyleClass().add("filmstrip-stars");
        StackPane.setAlignment(stars, Pos.BOTTOM_LEFT);
        StackPane frame = new StackPane(image, mark, stars);
        frame.setMinSize(SIZE, SIZE);
        frame.setPrefSize(SIZE, SIZE);
        frame.getStyleClass().add("filmstrip-frame");
        name.setMaxWidth(SIZE);
        // names of one shoot differ at the end (…_edit0, …_orig, IMG_0412 and IMG_0413): cut the middle
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setEllipsisString("…"); // one character: more of the name is left
        name.getStyleClass().add("filmstrip-name");
        box = new VBox(2, frame, name);
        box.setAlignment(Pos.CENTER);
        getStyleClass().add("filmstrip-cell");
        folder.indexProperty().addListener((obs, old, now) -> showCurrent());
        indexProperty().addListener((obs, old, now) -> showCurrent());
    }

    private void showCurrent() {
        pseudoClassStateChanged(CURRENT, shown != null && getIndex() == folder.indexProperty().get());
    }

    @Override
    protected void updateItem(FolderPhoto photo, boolean empty) {
        super.updateItem(photo, empty);
        if (shown != null) {
            shown.thumbnailProperty().removeListener(onThumbnail);
            shown.stateProperty().removeListener(onState);
            shown.ratingProperty().removeListener(onRating);
        }
        shown = empty ? null : photo;
        showCurrent();
        if (shown == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(shown.name());
        shown.thumbnailProperty().addListener(onThumbnail);
        shown.stateProperty().addListener(onState);
        shown.ratingProperty().addListener(onRating);
        showThumbnail(shown.thumbnailProperty().get());
        showState();
        showRating();
        setGraphic(box);
        if (shown.thumbnailProperty().get() == null) {
            folder.wantThumbnail(shown);
        }
    }

    private void thumbnailChanged(Thumbnail now) {
        showThumbnail(now);
        if (now == null && shown != null) {
            folder.wantThumbnail(shown); // let go while still in view (others were wanted since): asked for again
        }
    }

    private void showThumbnail(Thumbnail thumbnail) {
        image.setImage(ThumbnailImages.of(thumbnail));
    }

    private void showState() {
        FolderPhoto.State state = shown.state();
        mark.setText(switch (state) {
            case WAITING -> "";
            case LOOK_READY -> "●";
            case FAILED -> "✕";
        });
        pseudoClassStateChanged(FAILED, state == FolderPhoto.State.FAILED);
        String reason = shown.failureProperty().get();
        setTooltip(new Tooltip(state == FolderPhoto.State.FAILED ? shown.name() + ": " + reason
                : shown.name() + (state == FolderPhoto.State.LOOK_READY ? " (look ready)" : "")));
    }

    /** ★ once for each star; nothing when unrated. */
    private void showRating() {
        int n = shown.ratingProperty().get();
        stars.setText("★".repeat(n));
        stars.setAccessibleText(n == 0 ? "unrated" : n + (n == 1 ? " star" : " stars"));
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");
}
