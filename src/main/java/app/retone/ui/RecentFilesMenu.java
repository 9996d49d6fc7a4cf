package app.retone.ui;

import app.retone.ui.settings.RecentFiles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** File ▸ Open Recent: one item per recent photo, newest first, and a way to clear them. */
final class RecentFilesMenu {

    private RecentFilesMenu() {
    }

    static void bind(Menu menu, RecentFiles recent, Consumer<Path> open) {
        Runnable rebuild = () -> {
            menu.getItems().clear();
            for (Path path : recent.files()) {
                MenuItem item = new MenuItem(String.valueOf(path.getFileName()));
                item.setMnemonicParsing(false);
                item.setUserData(path);
                item.setOnAction(e -> open.accept(path));
                menu.getItems().add(item);
            }
            if (!recent.files().isEmpty()) {
                MenuItem clear = new MenuItem("Clear Recent");
                clear.setOnAction(e -> recent.clear());
                menu.getItems().addAll(new SeparatorMenuItem(), clear);
            }
            menu.setDisable(recent.files().isEmpty());
        };
        recent.files().addListener((ListChangeListener<Path>) change -> rebuild.run());
        rebuild.run();
    }
}
