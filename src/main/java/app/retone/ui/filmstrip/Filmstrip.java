package app.retone.ui.filmstrip;

import app.retone.ui.folder.FolderPhoto;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.folder.BatchExport;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The strip of thumbnails along the bottom of the window while a folder is open: a virtualised
 * list (only the cells in view exist, and only their photos' thumbnails are read), the photo on
 * screen highlighted and scrolled into view, a click showing a photo, and Ctrl- or Shift-clicks
 * selecting photos for Paste Settings and batch export.
 */
public final class Filmstrip {

    private final FolderViewModel folder;
    private final ListView<FolderPhoto> list = new ListView<>();

    public Filmstrip(FolderViewModel folder) {
        this.folder = folder;
        list.setId("filmstrip");
        list.getStyleClass().add("filmstrip");
        list.setOrientation(Orientation.HORIZONTAL);
        list.setItems(folder.photoList());
        list.setCellFactory(view -> new FilmstripCell(folder));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setFixedCellSize(FilmstripCell.SIZE + 12);
        list.setPrefHeight(FilmstripCell.SIZE + 48);
        list.setMinHeight(FilmstripCell.SIZE + 48);
        list.visibleProperty().bind(folder.openProperty());
        list.managedProperty().bind(folder.openProperty());
        folder.indexProperty().addListener((obs, old, now) -> follow(now.intValue()));
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !e.isShortcutDown() && !e.isShiftDown()) {
                int clicked = list.getSelectionModel().getSelectedIndex();
                if (clicked >= 0) {
                    folder.moveTo(clicked);
                }
            }
        });
    }

    /** The photo on screen becomes the selection (unless it is part of one already) and comes into view. */
    private void follow(int index) {
        if (index < 0) {
            return;
        }
        if (!list.getSelectionModel().getSelectedIndices().contains(index)) {
            list.getSelectionModel().clearAndSelect(index);
        }
        list.scrollTo(Math.max(0, index - 3));
    }

    public ListView<FolderPhoto> view() {
        return list;
    }

    /** The photos selected in the strip, or the one on screen when none is. */
    public List<FolderPhoto> selected() {
        List<FolderPhoto> chosen = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) {
            return chosen;
        }
        FolderPhoto current = folder.currentPhoto();
        return current == null ? List.of() : List.of(current);
    }
}
