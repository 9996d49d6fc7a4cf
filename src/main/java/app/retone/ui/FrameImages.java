package app.retone.ui;

import app.retone.ui.editor.PreviewFrame;
import java.nio.IntBuffer;
import java.util.Collection;
import java.util.EnumMap;
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
 * transparency may be repainted, so they are copied, each role into its own reused image.
 */
final class FrameImages {

    /** What a frame is shown as: a copied frame's image is reused for the next frame of the same role only. */
    enum Role { ORIGINAL, RESULT, OVER }

    private final Map<int[], WritableImage> wrapped = new IdentityHashMap<>();
    private final Map<Role, WritableImage> copies = new EnumMap<>(Role.class);

    /** The image showing {@code frame} as {@code role}, or null for none. */
    WritableImage show(PreviewFrame frame, Role role) {
        if (frame == null) {
            return null;
        }
        if (frame.stable() && frame.argb().length == frame.width() * frame.height()) {
            return wrapped.computeIfAbsent(frame.argb(), argb -> new WritableImage(new PixelBuffer<>(frame.width(),
                    frame.height(), IntBuffer.wrap(argb), PixelFormat.getIntArgbPreInstance())));
        }
        WritableImage copied = copies.get(role);
        if (copied == null || (int) copied.getWidth() != frame.width() || (int) copied.getHeight() != frame.height()) {
            copied = new WritableImage(frame.width(), frame.height());
            copies.put(role, copied);
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
        if (frames.stream().noneMatch(f -> f != null && !f.stable())) {
            copies.clear();
        }
    }

    /** How many images are kept (wrapped frames and copies). */
    int kept() {
        return wrapped.size() + copies.size();
    }
}
