package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class MainWindowSizeTest {

    @Test
    void aRememberedSizeLargerThanTheScreenIsFittedToItAndASmallerOneKept() {
        Rectangle2D laptop = new Rectangle2D(0, 0, 1280, 772);
        assertEquals(new Dimension2D(1280, 772), MainWindow.fittedSize(MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT, laptop),
                "the default window on a 1280 × 800 screen (its panel takes 28)");
        assertEquals(new Dimension2D(1000, 700), MainWindow.fittedSize(1000, 700, laptop));
        assertEquals(new Dimension2D(1400, 900), MainWindow.fittedSize(1400, 900, new Rectangle2D(1920, 0, 2560, 1400)),
                "a screen right of the first: only its size counts");
    }
}
