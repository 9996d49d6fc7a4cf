package app.retone.ui.editor;

import app.retone.core.color.StrengthPreview;

/**
 * A copy with transparency, repainted at each strength through its fast path into one of two
 * buffers in turn: the view copies a frame with transparency when it is published, so the next
 * repaint may reuse the other buffer and scrubbing allocates nothing.
 */
final class RepaintedFrames implements StrengthView {

    private final PreviewFrame original;
    private final StrengthPreview preview;
    private final int[][] buffers = new int[2][];
    private int next;

    RepaintedFrames(PreviewFrame original, StrengthPreview preview) {
        if (preview.pixelCount() != original.width() * original.height()) {
            throw new IllegalArgumentException("the preview has " + preview.pixelCount() + " pixels, the frame "
                    + original.width() * original.height());
        }
        this.original = original;
        this.preview = preview;
    }

    @Override
    public BlendFrame at(double strength) {
        int[] buffer = buffers[next];
        if (buffer == null) {
            buffer = new int[preview.pixelCount()];
            buffers[next] = buffer;
        }
        next ^= 1;
        preview.render(strength, buffer);
        return BlendFrame.of(new PreviewFrame(original.width(), original.height(), buffer, original.opaque()));
    }

}
