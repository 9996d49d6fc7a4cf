package app.retone.core.color;

/**
 * Classic gray-world white balance, a baseline: each channel scaled in linear light so that the
 * photo's mean colour becomes neutral, its mean luminance kept. Corrects a cast, nothing else.
 */
public final class GrayWorld {

    private GrayWorld() {
    }

    public static int[] apply(int[] argb) {
        double[] mean = new double[3];
        for (int p : argb) {
            mean[0] += SrgbCurve.linear8(p >>> 16 & 0xFF);
            mean[1] += SrgbCurve.linear8(p >>> 8 & 0xFF);
            mean[2] += SrgbCurve.linear8(p & 0xFF);
        }
        double luminance = 0.2126 * mean[0] + 0.7152 * mean[1] + 0.0722 * mean[2];
        int[][] maps = new int[3][256];
        for (int c = 0; c < 3; c++) {
            double gain = mean[c] > 0 ? luminance / mean[c] : 1;
            for (int v = 0; v < 256; v++) {
                maps[c][v] = SrgbCurve.toLevel8(SrgbCurve.linear8(v) * gain);
            }
        }
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = p & 0xFF000000 | maps[0][p >>> 16 & 0xFF] << 16 | maps[1][p >>> 8 & 0xFF] << 8 | maps[2][p & 0xFF];
        }
        return out;
    }
}
