package app.retone.core.color;

import java.util.stream.IntStream;

/**
 * The relaxation at the heart of {@link Regrain}: damped Jacobi iterations of Pitié's system for the
 * look's correction D at one level of the pyramid, Σ ψ‖D − (T − I)‖² + φ‖∇D‖², where ψ trusts the
 * look on the photo's edges and φ smooths the correction where the photo is flat.
 */
final class RegrainRelaxation {

    private static final float DAMPING = 0.2f;

    private RegrainRelaxation() {
    }

    /**
     * {@code iterations} damped Jacobi iterations of the system for the correction D at one level of
     * the pyramid ({@code level} 0 is the finest), from {@code start}; the planes are w × h, row by row.
     * Returns the answer's three planes ({@code start}'s or a new array).
     */
    static float[][] relax(float[][] i0, float[][] col0, float[][] start, int w, int h, int level, int iterations,
            float smoothness) {
        int n = w * h;
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
        // in effect, since the edge repeats its pixel) and the constant right side, psi (T - I): the
        // original's gradient terms cancel once the unknown is the correction
        float[] invDen = new float[n];
        float[][] constant = new float[3][n];
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
                    constant[k][i] = psi[i] * (col0[k][i] - i0[k][i]);
                }
            }
        });
        float[][] cur = start;
        float[][] next = new float[3][n];
        for (int it = 0; it < iterations; it++) {
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
        return cur;
    }
}
