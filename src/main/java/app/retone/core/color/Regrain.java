package app.retone.core.color;

import java.util.stream.IntStream;

/**
 * Pitié's grain-preserving post-process (Pitié, Kokaram and Dahyot, "Automated colour grading
 * using colour distribution transfer", 2007).
 *
 * <p>A colour transfer can stretch the noise and flatten the texture of a photo. Regrain looks
 * for the image J whose colours stay close to the transferred image T while its gradients
 * follow the original I: it minimises Σ ψ‖J − T‖² + φ‖∇J − ∇I‖², where ψ trusts T on edges and
 * φ follows I's gradients in flat areas. The linear system is relaxed with damped Jacobi
 * iterations, coarse to fine over an image pyramid, so few iterations are needed at full size.
 */
public final class Regrain {

    /** Jacobi iterations per level, finest first. */
    private static final int[] ITERATIONS = {4, 16, 32, 64, 64, 64};
    private static final float DAMPING = 0.2f;
    private static final int MIN_LEVEL_SIZE = 20;

    private final float smoothness;

    public Regrain() {
        this(1f);
    }

    /** @param smoothness how strongly gradients are followed; 1 is Pitié's default */
    public Regrain(float smoothness) {
        if (!(smoothness > 0) || !Float.isFinite(smoothness)) {
            throw new IllegalArgumentException("smoothness must be > 0, got " + smoothness);
        }
        this.smoothness = smoothness;
    }

    /** Three float planes of one image level, values in [0, 1]. */
    private record Planes(int w, int h, float[][] c) {
        static Planes of(int[] argb, int w, int h) {
            float[][] c = new float[3][w * h];
            IntStream.range(0, h).parallel().forEach(y -> {
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    int p = argb[i];
                    c[0][i] = (p >>> 16 & 0xFF) / 255f;
                    c[1][i] = (p >>> 8 & 0xFF) / 255f;
                    c[2][i] = (p & 0xFF) / 255f;
                }
            });
            return new Planes(w, h, c);
        }

        static Planes of16(short[] rgb16, int w, int h) {
            float[][] c = new float[3][w * h];
            IntStream.range(0, h).parallel().forEach(y -> {
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    c[0][i] = (rgb16[3 * i] & 0xFFFF) / 65535f;
                    c[1][i] = (rgb16[3 * i + 1] & 0xFFFF) / 65535f;
                    c[2][i] = (rgb16[3 * i + 2] & 0xFFFF) / 65535f;
                }
            });
            return new Planes(w, h, c);
        }

        /** Half size (rounded up), each pixel the mean of its 2 × 2 block. */
        Planes half() {
            int w2 = (w + 1) / 2;
            int h2 = (h + 1) / 2;
            float[][] out = new float[3][w2 * h2];
            IntStream.range(0, h2).parallel().forEach(y -> {
                int y0 = 2 * y;
                int y1 = Math.min(y0 + 1, h - 1);
                for (int x = 0; x < w2; x++) {
                    int x0 = 2 * x;
                    int x1 = Math.min(x0 + 1, w - 1);
                    for (int k = 0; k < 3; k++) {
                        float[] s = c[k];
                        out[k][y * w2 + x] = 0.25f * (s[y0 * w + x0] + s[y0 * w + x1] + s[y1 * w + x0] + s[y1 * w + x1]);
                    }
                }
            });
            return new Planes(w2, h2, out);
        }

        /** Bilinear resize up to w × h (pixel centres aligned). */
        Planes upTo(int tw, int th) {
            float[][] out = new float[3][tw * th];
            double sx = (double) w / tw;
            double sy = (double) h / th;
            IntStream.range(0, th).parallel().forEach(y -> {
                double fy = Math.max(0, (y + 0.5) * sy - 0.5);
                int y0 = Math.min((int) fy, h - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                float wy = (float) (fy - y0);
                for (int x = 0; x < tw; x++) {
                    double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                    int x0 = Math.min((int) fx, w - 1);
                    int x1 = Math.min(x0 + 1, w - 1);
                    float wx = (float) (fx - x0);
                    for (int k = 0; k < 3; k++) {
                        float[] s = c[k];
                        float top = s[y0 * w + x0] + wx * (s[y0 * w + x1] - s[y0 * w + x0]);
                        float bot = s[y1 * w + x0] + wx * (s[y1 * w + x1] - s[y1 * w + x0]);
                        out[k][y * tw + x] = top + wy * (bot - top);
                    }
                }
            });
            return new Planes(tw, th, out);
        }
    }

    /**
     * Returns {@code colored} with the grain of {@code original}: same size, packed ARGB; the
     * alpha of {@code colored} is kept.
     */
    public int[] apply(int[] original, int[] colored, int width, int height) {
        if (original.length != (long) width * height || colored.length != original.length) {
            throw new IllegalArgumentException("images must both be " + width + "x" + height);
        }
        Planes in = Planes.of(original, width, height);
        Planes col = Planes.of(colored, width, height);
        Planes out = solveRecursive(in, col, 0);
        int[] result = new int[original.length];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int x = 0, i = y * width; x < width; x++, i++) {
                result[i] = (colored[i] & 0xFF000000) | to8(out.c[0][i]) << 16 | to8(out.c[1][i]) << 8 | to8(out.c[2][i]);
            }
        });
        return result;
    }

    /** The same for 16-bit samples (R, G, B per pixel, unsigned in shorts), solved in floating point. */
    public short[] apply16(short[] original, short[] colored, int width, int height) {
        if (original.length != 3L * width * height || colored.length != original.length) {
            throw new IllegalArgumentException("16-bit images must both be " + width + "x" + height + " × 3 samples");
        }
        Planes out = solveRecursive(Planes.of16(original, width, height), Planes.of16(colored, width, height), 0);
        short[] result = new short[original.length];
        IntStream.range(0, height).parallel().forEach(y -> {
            for (int x = 0, i = y * width; x < width; x++, i++) {
                for (int k = 0; k < 3; k++) {
                    int v = (int) (out.c[k][i] * 65535f + 0.5f);
                    result[3 * i + k] = (short) (v < 0 ? 0 : Math.min(v, 65535));
                }
            }
        });
        return result;
    }

    private static int to8(float v) {
        int i = (int) (v * 255f + 0.5f);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    private Planes solveRecursive(Planes in, Planes col, int level) {
        Planes start;
        int w2 = (in.w + 1) / 2;
        int h2 = (in.h + 1) / 2;
        if (level + 1 < ITERATIONS.length && w2 > MIN_LEVEL_SIZE && h2 > MIN_LEVEL_SIZE) {
            Planes coarse = solveRecursive(in.half(), col.half(), level + 1);
            start = coarse.upTo(in.w, in.h);
        } else {
            start = new Planes(col.w, col.h, new float[][] {col.c[0].clone(), col.c[1].clone(), col.c[2].clone()});
        }
        return solve(in, col, start, level);
    }

    /** Damped Jacobi iterations of the regrain system at one level. */
    private Planes solve(Planes in, Planes col, Planes start, int level) {
        int w = in.w;
        int h = in.h;
        int n = w * h;
        float[][] i0 = in.c;
        // phi: how much to follow the original's gradient; psi: how much to trust the colours
        float[] phi = new float[n];
        float[] psi = new float[n];
        float phiScale = (float) (30.0 * Math.pow(2, -level));
        IntStream.range(0, h).parallel().forEach(y -> {
            int up = Math.max(y - 1, 0) * w;
            int down = Math.min(y + 1, h - 1) * w;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int left = Math.max(x - 1, 0);
                int right = Math.min(x + 1, w - 1);
                float sum = 0;
                for (int k = 0; k < 3; k++) {
                    float[] c = i0[k];
                    float dx = c[row + right] - c[row + left];
                    float dy = c[down + x] - c[up + x];
                    sum += dx * dx + dy * dy;
                }
                float delta = (float) Math.sqrt(sum);
                psi[row + x] = Math.min(1f, 256f * delta / 5f);
                phi[row + x] = phiScale / (1f + 10f * delta / smoothness);
            }
        });
        // neighbour weights (mean of phi at both ends of the link; a missing neighbour weighs 0
        // in effect, since its difference term and its value cancel) and the constant right side
        float[] invDen = new float[n];
        float[][] constant = new float[3][n];
        float[][] col0 = col.c;
        IntStream.range(0, h).parallel().forEach(y -> {
            int row = y * w;
            int upRow = Math.max(y - 1, 0) * w;
            int downRow = Math.min(y + 1, h - 1) * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int l = row + Math.max(x - 1, 0);
                int r = row + Math.min(x + 1, w - 1);
                int u = upRow + x;
                int d = downRow + x;
                float wl = 0.5f * (phi[i] + phi[l]);
                float wr = 0.5f * (phi[i] + phi[r]);
                float wu = 0.5f * (phi[i] + phi[u]);
                float wd = 0.5f * (phi[i] + phi[d]);
                invDen[i] = 1f / (psi[i] + wl + wr + wu + wd);
                for (int k = 0; k < 3; k++) {
                    float[] c = i0[k];
                    float ci = c[i];
                    constant[k][i] = psi[i] * col0[k][i]
                            + wl * (ci - c[l]) + wr * (ci - c[r]) + wu * (ci - c[u]) + wd * (ci - c[d]);
                }
            }
        });
        float[][] cur = start.c;
        float[][] next = new float[3][n];
        for (int it = 0; it < ITERATIONS[level]; it++) {
            float[][] src = cur;
            float[][] dst = next;
            IntStream.range(0, h).parallel().forEach(y -> {
                int row = y * w;
                int upRow = Math.max(y - 1, 0) * w;
                int downRow = Math.min(y + 1, h - 1) * w;
                for (int x = 0; x < w; x++) {
                    int i = row + x;
                    int l = row + Math.max(x - 1, 0);
                    int r = row + Math.min(x + 1, w - 1);
                    int u = upRow + x;
                    int d = downRow + x;
                    float p = phi[i];
                    float wl = 0.5f * (p + phi[l]);
                    float wr = 0.5f * (p + phi[r]);
                    float wu = 0.5f * (p + phi[u]);
                    float wd = 0.5f * (p + phi[d]);
                    float inv = invDen[i] * (1f - DAMPING);
                    for (int k = 0; k < 3; k++) {
                        float[] o = src[k];
                        float num = constant[k][i] + wl * o[l] + wr * o[r] + wu * o[u] + wd * o[d];
                        dst[k][i] = num * inv + DAMPING * o[i];
                    }
                }
            });
            cur = dst;
            next = src;
        }
        return new Planes(w, h, cur);
    }
}
