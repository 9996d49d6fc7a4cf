package app.retone.ui.editor;

/**
 * A frame at half its size each way, each pixel the mean of the 2 × 2 it stands for (alpha too):
 * what a live repaint paints, and {@link #expand} brings its result back to the frame's size.
 *
 * @param of   the frame it was made from
 * @param argb {@code width × height} pixels, {@code width = ceil(of.width / 2)}
 */
record HalfFrame(PreviewFrame of, int width, int height, int[] argb) {

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

    /** {@code half} (this frame's size) drawn at the original frame's size into {@code full}, each pixel twice across and down. */
    void expand(int[] half, int[] full) {
        int sw = of.width();
        int sh = of.height();
        for (int y = 0; y < sh; y++) {
            int row = (y >> 1) * width;
            int out = y * sw;
            for (int x = 0; x < sw; x++) {
                full[out + x] = half[row + (x >> 1)];
            }
        }
    }
}
