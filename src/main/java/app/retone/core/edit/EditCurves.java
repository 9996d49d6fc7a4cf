package app.retone.core.edit;

/**
 * The curves of a seed edit from its drawn knots, in the seed's arithmetic: the brightness LUT
 * (linear between the knots, as numpy's {@code interp}) and the saturation factor by hue (scipy's
 * not-a-knot {@code CubicSpline}). {@link RandomEdits} draws the knots and applies the curves.
 */
final class EditCurves {

    private EditCurves() {
    }

    /**
     * The brightness LUT of 6 curve outputs: linear between x = 0, 0.2, ..., 1 (as numpy's linspace), at
     * v / 255, times 255, rounded half to even (Python's round); not clipped here (the HSV step clips).
     */
    static int[] brightnessLut(double[] knots) {
        int segments = knots.length - 1;
        double[] x = linspace(knots.length);
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            double t = v / 255.0;
            double y;
            if (t == 1) {
                y = knots[segments];
            } else {
                int k = 0;
                while (k + 1 < segments && x[k + 1] <= t) {
                    k++;
                }
                double u = (t - x[k]) / (x[k + 1] - x[k]);
                y = knots[k] + u * (knots[k + 1] - knots[k]);
            }
            lut[v] = (int) Math.rint(y * 255);
        }
        return lut;
    }

    /**
     * The saturation factor for each 8-bit hue: scipy's {@code CubicSpline} (not-a-knot ends) through the knots
     * at x = linspace(0, 1, n), evaluated at h / 255.
     */
    static double[] saturationByHue(double[] knots) {
        double[] x = linspace(knots.length);
        double[] at = new double[256];
        for (int h = 0; h < 256; h++) {
            at[h] = h / 255.0;
        }
        return notAKnotSpline(x, knots, at);
    }

    /** numpy's linspace(0, 1, n): i · (1 / (n − 1)), the last exactly 1. */
    private static double[] linspace(int n) {
        double step = 1.0 / (n - 1);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * step;
        }
        x[n - 1] = 1;
        return x;
    }

    /** A cubic spline with not-a-knot ends (scipy's default) through (x, y), n ≥ 4, evaluated at each of at. */
    static double[] notAKnotSpline(double[] x, double[] y, double[] at) {
        int n = x.length;
        double[] dx = new double[n - 1];
        double[] slope = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            dx[i] = x[i + 1] - x[i];
            slope[i] = (y[i + 1] - y[i]) / dx[i];
        }
        // the slopes s at the knots: a tridiagonal system (scipy's CubicSpline, bc_type="not-a-knot")
        double[][] a = new double[n][n];
        double[] b = new double[n];
        for (int i = 1; i < n - 1; i++) {
            a[i][i - 1] = dx[i];
            a[i][i] = 2 * (dx[i - 1] + dx[i]);
            a[i][i + 1] = dx[i - 1];
            b[i] = 3 * (dx[i] * slope[i - 1] + dx[i - 1] * slope[i]);
        }
        double d0 = x[2] - x[0];
        a[0][0] = dx[1];
        a[0][1] = d0;
        b[0] = ((dx[0] + 2 * d0) * dx[1] * slope[0] + dx[0] * dx[0] * slope[1]) / d0;
        double d1 = x[n - 1] - x[n - 3];
        a[n - 1][n - 1] = dx[n - 3];
        a[n - 1][n - 2] = d1;
        b[n - 1] = (dx[n - 2] * dx[n - 2] * slope[n - 3] + (2 * d1 + dx[n - 2]) * dx[n - 3] * slope[n - 2]) / d1;
        double[] s = solve(a, b);

        double[] out = new double[at.length];
        for (int j = 0; j < at.length; j++) {
            double t = at[j];
            int i = 0;
            while (i + 1 < n - 1 && x[i + 1] <= t) {
                i++;
            }
            double c = (s[i] + s[i + 1] - 2 * slope[i]) / dx[i];
            double c0 = c / dx[i];
            double c1 = (slope[i] - s[i]) / dx[i] - c;
            double u = t - x[i];
            out[j] = y[i] + u * (s[i] + u * (c1 + u * c0));
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting (a and b are overwritten). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double bSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = bSwap;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                if (f != 0) {
                    for (int k = col; k < n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        double[] xs = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int k = r + 1; k < n; k++) {
                sum -= a[r][k] * xs[k];
            }
            xs[r] = sum / a[r][r];
        }
        return xs;
    }
}
