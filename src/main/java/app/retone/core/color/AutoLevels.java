package app.retone.core.color;

/**
 * Classic per-channel auto-levels: each channel stretched so that its darkest and brightest
 * {@code clip} share of pixels map to 0 and 255. The baseline Retone has to beat.
 */
public final class AutoLevels {

    private AutoLevels() {
    }

    public static int[] apply(int[] argb, double clip) {
        int[][] maps = new int[3][256];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            long[] counts = new long[256];
            for (int p : argb) {
                counts[p >>> shift & 0xFF]++;
            }
            long cut = (long) Math.floor(clip * argb.length);
            int lo = 0;
            long seen = 0;
            while (lo < 255 && seen + counts[lo] <= cut) {
                seen += counts[lo++];
            }
            int hi = 255;
            seen = 0;
            while (hi > 0 && seen + counts[hi] <= cut) {
                seen += counts[hi--];
            }
            for (int v = 0; v < 256; v++) {
                maps[c][v] = hi <= lo ? v : Math.max(0, Math.min(255, (int) Math.round((v - lo) * 255.0 / (hi - lo))));
            }
        }
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = (p & 0xFF000000) | maps[0][p >>> 16 & 0xFF] << 16 | maps[1][p >>> 8 & 0xFF] << 8 | maps[2][p & 0xFF];
        }
        return out;
    }
}
