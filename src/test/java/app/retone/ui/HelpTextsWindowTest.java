package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.predict.ModelLocator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the window says about itself, read from the real window: a button's tooltip ends with its
 * menu item's key as the platform writes the accelerator (Shortcut: Ctrl here, ⌘ on macOS), never
 * a key written in the words; Help ▸ About names the version the build gives (version.properties,
 * filled from the pom).
 */
@ExtendWith(ApplicationExtension.class)
class HelpTextsWindowTest {

    /** A key named in words, which only the accelerator may give. */
    private static final Pattern KEY_WORDS = Pattern.compile("\\b(ctrl|control|cmd|command|shortcut|meta|alt|shift)\\b|⌘",
            Pattern.CASE_INSENSITIVE);

    private Stage stage;
    private TestWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new TestWindow(stage, ModelLocator.DEFAULT_MODEL, new ScriptedDialogs(), 0, 0);
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void eachButtonsTooltipEndsWithItsMenuItemsShortcutAsThePlatformWritesIt() throws Exception {
        Map<String, String> words = tooltipWordsOfTheButtons();
        assertTrue(words.size() >= 10, "the toolbar's and the panels' buttons: " + words);
        Map<String, MenuItem> items = TestWindow.onFx(() -> menuItems(stage.getScene().getRoot()));
        List<ButtonBase> buttons = TestWindow.onFx(() -> buttons(stage.getScene().getRoot()));

        int withKeys = 0;
        for (Map.Entry<String, String> button : words.entrySet()) {
            String id = button.getKey();
            String said = button.getValue();
            assertFalse(KEY_WORDS.matcher(said).find(), id + "'s words name a key themselves: " + said);
            List<String> shown = TestWindow.onFx(() -> buttons.stream().map(b -> b.getTooltip().getText())
                    .filter(t -> t.startsWith(said)).toList());
            assertEquals(1, shown.size(), id + ": one button says \"" + said + "\": " + shown);
            MenuItem item = items.get(id.replaceFirst("Button$", "Item"));
            KeyCombination key = item == null ? null : item.getAccelerator();
            if (key == null) {
                assertEquals(said, shown.get(0), id + " has no menu key, so its tooltip names none");
                continue;
            }
            assertTrue(key.getShortcut() == KeyCombination.ModifierValue.DOWN
                            && key.getControl() == KeyCombination.ModifierValue.UP && key.getMeta() == KeyCombination.ModifierValue.UP,
                    item.getId() + "'s key is written with Shortcut (⌘ on macOS, Ctrl elsewhere): " + key.getName());
            assertEquals(said + " (" + key.getDisplayText() + ")", shown.get(0), id + "'s tooltip");
            withKeys++;
        }
        assertTrue(withKeys >= 8, "the buttons with a menu key: " + withKeys);
    }

    @Test
    void aboutNamesTheVersionOfTheBuild(FxRobot robot) throws Exception {
        String version = builtVersion();
        assertTrue(version.matches("\\d+(\\.\\d+)+.*"), "version.properties holds the pom's version, filled in: " + version);

        robot.clickOn("Help").clickOn("About Retone");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> TestWindow.onFx(() -> about() != null));
        DialogPane about = TestWindow.onFx(HelpTextsWindowTest::about);
        assertEquals("Retone " + version, TestWindow.onFx(about::getHeaderText));
        assertTrue(TestWindow.onFx(about::getContentText).contains("model"), "and the model it uses");
        WaitForAsyncUtils.asyncFx(() -> ((Stage) about.getScene().getWindow()).close()).get(5, TimeUnit.SECONDS);
    }

    /** The version the build filled into version.properties, the one home the pom's revision goes to. */
    private static String builtVersion() throws Exception {
        try (InputStream in = HelpTextsWindowTest.class.getResourceAsStream("/app/retone/version.properties")) {
            assertNotNull(in, "version.properties is built into the app");
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "");
        }
    }

    /** The About box showing, or null. */
    private static DialogPane about() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().getRoot()).filter(root -> root instanceof DialogPane).map(root -> (DialogPane) root)
                .filter(pane -> String.valueOf(pane.getHeaderText()).startsWith("Retone")).findFirst().orElse(null);
    }

    /** Each button's fx:id in MainView.fxml and the words of its tooltip there. */
    private static Map<String, String> tooltipWordsOfTheButtons() throws Exception {
        Map<String, String> words = new LinkedHashMap<>();
        try (InputStream in = MainWindow.class.getResourceAsStream("MainView.fxml")) {
            assertNotNull(in);
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            NodeList tooltips = factory.newDocumentBuilder().parse(in).getElementsByTagName("Tooltip");
            for (int i = 0; i < tooltips.getLength(); i++) {
                Element tooltip = (Element) tooltips.item(i);
                Element control = (Element) tooltip.getParentNode().getParentNode(); // <X><tooltip><Tooltip/>
                if (control.getTagName().endsWith("Button")) {
                    words.put(control.getAttribute("fx:id"), tooltip.getAttribute("text"));
                }
            }
        }
        return words;
    }

    private static Map<String, MenuItem> menuItems(Parent root) {
        Map<String, MenuItem> items = new LinkedHashMap<>();
        for (Node node : all(root)) {
            if (node instanceof MenuBar bar) {
                bar.getMenus().forEach(menu -> collect(menu, items));
            }
        }
        return items;
    }

    private static void collect(Menu menu, Map<String, MenuItem> items) {
        for (MenuItem item : menu.getItems()) {
            if (item.getId() != null) {
                items.put(item.getId(), item);
            }
            if (item instanceof Menu sub) {
                collect(sub, items);
            }
        }
    }

    private static List<ButtonBase> buttons(Parent root) {
        return all(root).stream().filter(n -> n instanceof ButtonBase b && b.getTooltip() != null).map(n -> (ButtonBase) n).toList();
    }

    private static List<Node> all(Parent root) {
        List<Node> found = new ArrayList<>();
        for (Node child : root.getChildrenUnmodifiable()) {
            found.add(child);
            if (child instanceof Parent parent) {
                found.addAll(all(parent));
            }
        }
        return found;
    }
}
