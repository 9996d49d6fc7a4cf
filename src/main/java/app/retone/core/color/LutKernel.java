package app.retone.core.color;

/**
 * A {@link ColorLut3D}'s nodes in 8-bit units, with each 8-bit level's cell and fraction worked out
 * once: the inner loops of applying a table to 8-bit pixels (tetrahedral and trilinear), and the
 * tetrahedral formula its 16-bit and extended-range paths share. Made for one application and
 * dropped after it.
 */
final class LutKernel {

    final float[] lut;
    final int[] cell = new int[256];
    final float[] frac = new float[256];
    final int dr = 3;
    final int dg;
    final int db;

    /**
     * @param n     nodes per side
     * @param nodes 3 floats per node, red-fastest, in [0, 1] units
     */
    LutKernel(int n, float[] nodes) {
        lut = new float[nodes.length];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = nodes[i] * 255f;
        }
        for (int v = 0; v < 256; v++) {
            double pos = v * (n - 1) / 255.0;
            int i0 = Math.min((int) pos, n - 2);
            cell[v] = i0;
            frac[v] = (float) (pos - i0);
        }
        dg = 3 * n;
        db = 3 * n * n;
    }

    void sample(int r, int g, int b, Interpolation interpolation, float[] out) {
        float fr = frac[r];
        float fg = frac[g];
        float fb = frac[b];
        int o = 3 * cell[r] + dg * cell[g] + db * cell[b];
        for (int c = 0; c < 3; c++) {
            float c000 = lut[o + c];
            float c100 = lut[o + dr + c];
            float c010 = lut[o + dg + c];
            float c110 = lut[o + dr + dg + c];
            float c001 = lut[o + db + c];
            float c101 = lut[o + dr + db + c];
            float c011 = lut[o + dg + db + c];
            float c111 = lut[o + dr + dg + db + c];
            if (interpolation == Interpolation.TRILINEAR) {
                float x00 = c000 + fr * (c100 - c000);
                float x10 = c010 + fr * (c110 - c010);
                float x01 = c001 + fr * (c101 - c001);
                float x11 = c011 + fr * (c111 - c011);
                float y0 = x00 + fg * (x10 - x00);
                float y1 = x01 + fg * (x11 - x01);
                out[c] = y0 + fb * (y1 - y0);
            } else {
                out[c] = tetra(fr, fg, fb, c000, c100, c010, c110, c001, c101, c011, c111);
            }
        }
    }

    /** Tetrahedral interpolation in the unit cube with corners c000 … c111 at fractions (fr, fg, fb). */
    static float tetra(float fr, float fg, float fb, float c000, float c100, float c010, float c110,
            float c001, float c101, float c011, float c111) {
        if (fr > fg) {
            if (fg > fb) {
                return c000 + fr * (c100 - c000) + fg * (c110 - c100) + fb * (c111 - c110);
            } else if (fr > fb) {
                return c000 + fr * (c100 - c000) + fb * (c101 - c100) + fg * (c111 - c101);
            } else {
                return c000 + fb * (c001 - c000) + fr * (c101 - c001) + fg * (c111 - c101);
            }
        } else {
            if (fb > fg) {
                return c000 + fb * (c001 - c000) + fg * (c011 - c001) + fr * (c111 - c011);
            } else if (fb > fr) {
                return c000 + fg * (c010 - c000) + fb * (c011 - c010) + fr * (c111 - c011);
            } else {
                return c000 + fg * (c010 - c000) + fr * (c110 - c010) + fb * (c111 - c110);
            }
        }
    }

    void tetrahedral(int[] src, int[] dst, int from, int to) {
        final float[] t = lut;
        final int g1 = dg;
        final int b1 = db;
        for (int i = from; i < to; i++) {
            int p = src[i];
            int r = p >>> 16 & 0xFF;
            int g = p >>> 8 & 0xFF;
            int b = p & 0xFF;
            float fr = frac[r];
            float fg = frac[g];
            float fb = frac[b];
            int o = 3 * cell[r] + g1 * cell[g] + b1 * cell[b];
            // the tetrahedron is chosen by the order of the fractions; its corners are
            // o, o + first axis, o + first + second, o + all three
            int s1;
            int s2;
            float w1;
            float w2;
            float w3;
            if (fr > fg) {
                if (fg > fb) {
                    s1 = 3; s2 = 3 + g1; w1 = fr; w2 = fg; w3 = fb;
                } else if (fr > fb) {
                    s1 = 3; s2 = 3 + b1; w1 = fr; w2 = fb; w3 = fg;
                } else {
                    s1 = b1; s2 = b1 + 3; w1 = fb; w2 = fr; w3 = fg;
                }
            } else {
                if (fb > fg) {
                    s1 = b1; s2 = b1 + g1; w1 = fb; w2 = fg; w3 = fr;
                } else if (fb > fr) {
                    s1 = g1; s2 = g1 + b1; w1 = fg; w2 = fb; w3 = fr;
                } else {
                    s1 = g1; s2 = g1 + 3; w1 = fg; w2 = fr; w3 = fb;
                }
            }
            int s3 = 3 + g1 + b1;
            // weights of the four corners: (1 - w1), (w1 - w2), (w2 - w3), w3
            float a0 = 1f - w1;
            float a1 = w1 - w2;
            float a2 = w2 - w3;
            float ro = a0 * t[o] + a1 * t[o + s1] + a2 * t[o + s2] + w3 * t[o + s3];
            float go = a0 * t[o + 1] + a1 * t[o + s1 + 1] + a2 * t[o + s2 + 1] + w3 * t[o + s3 + 1];
            float bo = a0 * t[o + 2] + a1 * t[o + s1 + 2] + a2 * t[o + s2 + 2] + w3 * t[o + s3 + 2];
            dst[i] = (p & 0xFF000000) | to8(ro) << 16 | to8(go) << 8 | to8(bo);
        }
    }

    void trilinear(int[] src, int[] dst, int from, int to) {
        final float[] t = lut;
        final int g1 = dg;
        final int b1 = db;
        float[] c = new float[3];
        for (int i = from; i < to; i++) {
            int p = src[i];
            int r = p >>> 16 & 0xFF;
            int g = p >>> 8 & 0xFF;
            int b = p & 0xFF;
            float fr = frac[r];
            float fg = frac[g];
            float fb = frac[b];
            float ir = 1f - fr;
            float ig = 1f - fg;
            float ib = 1f - fb;
            float w000 = ir * ig * ib;
            float w100 = fr * ig * ib;
            float w010 = ir * fg * ib;
            float w110 = fr * fg * ib;
            float w001 = ir * ig * fb;
            float w101 = fr * ig * fb;
            float w011 = ir * fg * fb;
            float w111 = fr * fg * fb;
            int o = 3 * cell[r] + g1 * cell[g] + b1 * cell[b];
            for (int k = 0; k < 3; k++) {
                int q = o + k;
                c[k] = w000 * t[q] + w100 * t[q + 3] + w010 * t[q + g1] + w110 * t[q + 3 + g1]
                        + w001 * t[q + b1] + w101 * t[q + 3 + b1] + w011 * t[q + g1 + b1]
                        + w111 * t[q + 3 + g1 + b1];
            }
            dst[i] = (p & 0xFF000000) | to8(c[0]) << 16 | to8(c[1]) << 8 | to8(c[2]);
        }
    }

    private static int to8(float v) {
        int i = (int) (v + 0.5f);
        return i < 0 ? 0 : Math.min(i, 255);
    }
}
