package app.retone.core.edit;

/** Monotone piecewise-cubic interpolation (Fritsch–Carlson): no overshoot between increasing points. */
final class MonotoneCubic {

    private MonotoneCubic() {
    }

    static double eval(double[] x, double[] y, double v) {
        int n = x.length;
        if (v <= x[0]) {
            return y[0];
        }
        if (v >= x[n - 1]) {
            return y[n - 1];
        }
        double[] slope = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            slope[i] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
        }
        double[] m = new double[n];
        m[0] = slope[0];
        m[n - 1] = slope[n - 2];
        for (int i = 1; i < n - 1; i++) {
            m[i] = slope[i - 1] * slope[i] <= 0 ? 0 : (slope[i - 1] + slope[i]) / 2;
        }
        for (int i = 0; i < n - 1; i++) {
            if (slope[i] == 0) {
                m[i] = 0;
                m[i + 1] = 0;
                continue;
            }
            double a = m[i] / slope[i];
            double b = m[i + 1] / slope[i];
            double s = a * a + b * b;
            if (s > 9) {
                double t = 3 / Math.sqrt(s);
                m[i] = t * a * slope[i];
                m[i + 1] = t * b * slope[i];
            }
        }
        int i = 0;
        while (v > x[i + 1]) {
            i++;
        }
        double h = x[i + 1] - x[i];
        double t = (v - x[i]) / h;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * y[i] + (t3 - 2 * t2 + t) * h * m[i] + (-2 * t3 + 3 * t2) * y[i + 1]
                + (t3 - t2) * h * m[i + 1];
    }
}
