package app.retone.ui.editor;

/**
 * A frame at half its size each way, each pixel the mean of the 2 × 2 it stands for (alpha too):
 * what a live repaint paints and shows, scaled by the view to the frame's place ({@link #frame}).
 *
 * @param of   the frame it was made from
 * @param argb {@code width × height} pixels, {@code width = ceil(of.width / 2)}
 */
record HalfFrame(PreviewFrame of, int width, int height, int[] argb) {

    /** {@code made} if it was made from {@code frame}, else the half of {@code frame}: a drag's frames share one. */
    static HalfFrame of(PreviewFrame frame, HalfFrame made) {
        return made != null && made.of() == frame ? made : of(frame);
    }

    static HalfFrame of(PreviewFrame frame) {
        int w = (frame.width() + 1) / 2;
        int h = (frame.height() + 1) / 2;
        int[] src = frame.argb();
        int sw = frame.width();
        int sh = frame.height();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = 2 * y;
            int y1 = Math.min(sh - 1, y0 + 1);
            for (int x = 0; x < w; x++) {
                int x0 = 2 * x;
                int x1 = Math.min(sw - 1, x0 + 1);
                int p00 = src[y0 * sw + x0];
                int p01 = src[y0 * sw + x1];
                int p10 = src[y1 * sw + x0];
                int p11 = src[y1 * sw + x1];
                out[y * w + x] = mean(p00, p01, p10, p11, 24) << 24 | mean(p00, p01, p10, p11, 16) << 16
                        | mean(p00, p01, p10, p11, 8) << 8 | mean(p00, p01, p10, p11, 0);
            }
        }
        return new HalfFrame(frame, w, h, out);
    }

    private static int mean(int a, int b, int c, int d, int shift) {
        return ((a >>> shift & 0xFF) + (b >>> shift & 0xFF) + (c >>> shift & 0xFF) + (d >>> shift & 0xFF) + 2) >> 2;
    }

    /** This half-size copy as a frame of its own, to paint and show scaled to the original's place. */
    PreviewFrame frame() {
        return new PreviewFrame(width, height, argb, of.opaque(), false);
    }
}
