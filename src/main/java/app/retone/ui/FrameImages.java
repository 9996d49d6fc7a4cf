package app.retone.ui;

import app.retone.ui.editor.PreviewFrame;
import java.nio.IntBuffer;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns preview frames into images without copying or allocating per frame. An opaque frame's
 * array is never written again once published, so its image wraps the array through a {@link
 * PixelBuffer} (ARGB with alpha 255 is also premultiplied ARGB) and is kept, with its texture on
 * the GPU, for as long as the frame may show again: the frames of the look's blends. Frames with
 * transparency are copied into one reused image.
 */
final class FrameImages {

    private final Map<int[], WritableImage> wrapped = new IdentityHashMap<>();
    private WritableImage copied;

    /** The image showing {@code frame}, or null for none. */
    WritableImage show(PreviewFrame frame) {
        if (frame == null) {
            return null;
        }
        if (frame.opaque() && frame.argb().length == frame.width() * frame.height()) {
            return wrapped.computeIfAbsent(frame.argb(), argb -> new WritableImage(new PixelBuffer<>(frame.width(),
                    frame.height(), IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance())));
        }
        if (copied == null || (int) copied.getWidth() != frame.width() || (int) copied.getHeight() != frame.height()) {
            copied = new WritableImage(frame.width(), frame.height());
        }
        copied.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getIntArgbInstance(),
                frame.argb(), 0, frame.width());
        return copied;
    }

    /** Lets go of the images of frames not among {@code frames} (nulls ignored): another photo's, another look's. */
    void retain(Collection<PreviewFrame> frames) {
        Set<int[]> keep = frames.stream().filter(f -> f != null).map(PreviewFrame::argb)
                .collect(Collectors.toCollection(() -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())));
        wrapped.keySet().retainAll(keep);
        if (frames.stream().noneMatch(f -> f != null && !f.opaque())) {
            copied = null;
        }
    }

    /** How many frames have an image kept. */
    int kept() {
        return wrapped.size() + (copied == null ? 0 : 1);
    }
}
