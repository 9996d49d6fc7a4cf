package app.retone.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.retone.ui.FrameImages.Role;
import app.retone.ui.editor.PreviewFrame;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Frames to images: opaque ones shared and kept while wanted, transparent ones copied per role. */
@ExtendWith(ApplicationExtension.class)
class FrameImagesTest {

    @Start
    void start(Stage stage) {
        // the toolkit is all these need
    }

    private static PreviewFrame frame(int argb, boolean opaque) {
        int[] pixels = new int[6 * 4];
        java.util.Arrays.fill(pixels, argb);
        return new PreviewFrame(6, 4, pixels, opaque);
    }

    private static int[] pixels(Image image) {
        return Snapshots.pixels(image).argb();
    }

    /** Equal up to the rounding of a premultiplied round trip at alpha 128 (a level or two). */
    private static void assertClose(int expected, int actual, String what) {
        for (int shift = 0; shift <= 24; shift += 8) {
            int d = Math.abs((expected >>> shift & 0xFF) - (actual >>> shift & 0xFF));
            org.junit.jupiter.api.Assertions.assertTrue(d <= 2, what + ": " + Integer.toHexString(expected) + " shown as "
                    + Integer.toHexString(actual));
        }
    }

    @Test
    void anOpaqueFrameIsOneImageWhateverItShowsAsUntilItIsNoLongerWanted() {
        FrameImages images = new FrameImages();
        PreviewFrame original = frame(0xFF204060, true);
        PreviewFrame full = frame(0xFF406080, true);
        Image asOriginal = images.show(original, Role.ORIGINAL);
        assertSame(asOriginal, images.show(original, Role.RESULT), "the original as the result's base: the same image");
        Image asOver = images.show(full, Role.OVER);
        assertArrayEquals(full.argb(), pixels(asOver));
        assertEquals(2, images.kept());

        images.retain(List.of(original, full));
        assertSame(asOver, images.show(full, Role.RESULT), "a frame still wanted keeps its image (and texture)");
        images.retain(List.of(original));
        assertEquals(1, images.kept(), "another look's frames are let go of");
        assertNotSame(asOver, images.show(full, Role.OVER));
        images.retain(List.of());
        assertEquals(0, images.kept(), "another photo's too");
        assertNull(images.show(null, Role.OVER));
    }

    @Test
    void framesWithTransparencyAreCopiedEachRoleIntoItsOwnImage() {
        FrameImages images = new FrameImages();
        PreviewFrame original = frame(0x80204060, false);
        PreviewFrame result = frame(0x80A0C0E0, false);
        Image shownOriginal = images.show(original, Role.ORIGINAL);
        Image shownResult = images.show(result, Role.RESULT);
        assertNotSame(shownOriginal, shownResult, "the original and the result are two images");
        assertClose(original.argb()[0], pixels(shownOriginal)[0], "the original still shows the original");
        assertClose(result.argb()[0], pixels(shownResult)[0], "the result");

        // a repaint of the result (the same array, new pixels) shows in the same image, the original untouched
        java.util.Arrays.fill(result.argb(), 0x80102030);
        assertSame(shownResult, images.show(result, Role.RESULT));
        assertClose(0x80102030, pixels(shownResult)[0], "the repainted result");
        assertClose(original.argb()[0], pixels(shownOriginal)[0], "the original, untouched");

        images.retain(List.of(frame(0xFF000000, true)));
        assertEquals(0, images.kept(), "an opaque photo needs no copies");
    }
}
