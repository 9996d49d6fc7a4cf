package app.retone.ui.editor;

import java.util.List;

/**
 * The result as the photo view shows it: {@code over} drawn at {@code opacity} on top of
 * {@code base}. The screen's compositor mixes the two, so a slider move changes one number, not
 * a pixel: no repaint of the copy, no upload of a new texture.
 *
 * <p>{@code frames} are all the frames that blends of the same look are drawn from (at other
 * strengths): the view may keep images of those and let go of any others. A frame in a blend is
 * never written again.
 *
 * @param over null when only {@code base} shows (then {@code opacity} is 0)
 */
public record BlendFrame(PreviewFrame base, PreviewFrame over, double opacity, List<PreviewFrame> frames) {

    public BlendFrame {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in 0..1, got " + opacity);
        }
        if (over == null && opacity != 0) {
            throw new IllegalArgumentException("an opacity without a frame to draw");
        }
        if (over != null && (over.width() != base.width() || over.height() != base.height())) {
            throw new IllegalArgumentException("blended frames differ in size: " + base.width() + " x " + base.height()
                    + " and " + over.width() + " x " + over.height());
        }
        frames = List.copyOf(frames);
    }

    /** One frame, shown as it is. */
    public static BlendFrame of(PreviewFrame frame) {
        return new BlendFrame(frame, null, 0, List.of(frame));
    }

    public int width() {
        return base.width();
    }

    public int height() {
        return base.height();
    }

    /**
     * The pixels on screen, mixed here as the compositor mixes them: each 8-bit channel
     * {@code base + opacity · (over − base)}, rounded. Opaque frames only are blended (an alpha
     * below 255 would be applied twice on screen): what the tests compare with the engine and with
     * the window's own rendering.
     */
    public PreviewFrame composite() {
        if (over == null || opacity == 0) {
            return base;
        }
        int[] a = base.argb();
        int[] b = over.argb();
        int n = base.width() * base.height();
        int[] out = new int[n];
        int t = (int) Math.round(opacity * 65536);
        for (int i = 0; i < n; i++) {
            int p = a[i];
            int q = b[i];
            out[i] = 0xFF000000 | mix(p >>> 16 & 0xFF, q >>> 16 & 0xFF, t) << 16
                    | mix(p >>> 8 & 0xFF, q >>> 8 & 0xFF, t) << 8 | mix(p & 0xFF, q & 0xFF, t);
        }
        return new PreviewFrame(base.width(), base.height(), out, true);
    }

    private static int mix(int from, int to, int t) {
        return from + (((to - from) * t + (1 << 15)) >> 16);
    }
}
