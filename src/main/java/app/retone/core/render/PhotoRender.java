package app.retone.core.render;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.Photo;

/**
 * A whole photo rendered with a look, the one recipe every export uses (the app's and the
 * command line's): at 16 bits when the photo has them, else at 8.
 */
public final class PhotoRender {

    private PhotoRender() {
    }

    /** {@code strength} within {@link Strength}'s range, else an {@link IllegalArgumentException}. */
    public static Photo render(ColorTransfer engine, Photo photo, ColorLut3D lut, double strength, boolean withRegrain) {
        Strength.check(strength);
        if (photo.deep().isPresent()) {
            short[] deep = photo.deep().get();
            short[] rendered = engine.render16(deep, photo.width(), photo.height(), lut, strength, withRegrain);
            return rendered == deep ? photo : photo.withDeepPixels(rendered);
        }
        return photo.withPixels(engine.render(photo.argb(), photo.width(), photo.height(), lut, strength, withRegrain));
    }
}
