package app.retone.ui;

import app.retone.ui.editor.PreviewFrame;
import java.nio.IntBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns preview frames into images without allocating per frame. An opaque frame's array is
 * shown in place through a {@link PixelBuffer} (ARGB with alpha 255 is also premultiplied ARGB),
 * so a slider move costs no copy; frames with transparency are copied into a reused image.
 */
final class FrameImages {

    /** The view model alternates between two buffers; one image wraps each. */
    private final Map<int[], WrappedImage> wrapped = new IdentityHashMap<>();
    private WritableImage copied;

    private record WrappedImage(PixelBuffer<IntBuffer> buffer, WritableImage image) {
    }

    WritableImage show(PreviewFrame frame) {
        if (frame == null) {
            wrapped.clear();
            copied = null;
            return null;
        }
        if (frame.opaque() && frame.argb().length == frame.width() * frame.height()) {
            WrappedImage image = wrapped.get(frame.argb());
            if (image == null || (int) image.image().getWidth() != frame.width()) {
                if (wrapped.size() >= 2) {
                    wrapped.clear(); // a new photo: forget the previous one's buffers
                }
                PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(frame.width(), frame.height(),
                        IntBuffer.wrap(frame.argb()), PixelFormat.getIntArgbPreInstance());
                image = new WrappedImage(buffer, new WritableImage(buffer));
                wrapped.put(frame.argb(), image);
            } else {
                image.buffer().updateBuffer(b -> null); // all of it changed
            }
            return image.image();
        }
        if (copied == null || (int) copied.getWidth() != frame.width() || (int) copied.getHeight() != frame.height()) {
            copied = new WritableImage(frame.width(), frame.height());
        }
        copied.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(),
                frame.argb(), 0, frame.width());
        return copied;
    }
}
