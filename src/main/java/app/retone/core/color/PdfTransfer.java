package app.retone.core.color;

import java.util.List;

/**
 * Pitié's iterative distribution transfer (Pitié, Kokaram and Dahyot, 2005/2007), from a
 * source histogram to a target histogram, producing a smooth {@link ColorLut3D}.
 *
 * <p>Each iteration rotates the colour space, and along each of the three rotated axes matches
 * the 1D distribution of the (moving) source to the target's by CDF matching; a relaxation factor
 * takes part of that step. The 1D maps are learnt from the histogram masses only — each bin
 * spread over its width, so the maps are continuous — and the same maps move the nodes of a
 * lattice, whose final positions are the LUT. A pixel is then mapped by interpolating the LUT,
 * so no bin is ever collapsed to one colour.
 */
public final class PdfTransfer {

    public static final int DEFAULT_ITERATIONS = 25;
    /** Resolution of the 1D projected distributions. */
    private static final int FINE_BINS = 1024;
    /** Share of mass spread uniformly over each 1D distribution, so every map is strictly increasing. */
    private static final double UNIFORM_FLOOR = 1e-4;

    private final int iterations;
    private final int lutSize;
    private final List<double[]> rotations;

    public PdfTransfer() {
        this(DEFAULT_ITERATIONS, ColorLut3D.DEFAULT_SIZE);
    }

    public PdfTransfer(int iterations, int lutSize) {
        if (iterations < 1 || iterations > 1000) {
            throw new IllegalArgumentException("iterations must be in 1..1000, got " + iterations);
        }
        ColorLut3D.checkSize(lutSize);
        this.iterations = iterations;
        this.lutSize = lutSize;
        this.rotations = Rotations.sequence(iterations);
    }

    public int iterations() {
        return iterations;
    }

    public int lutSize() {
        return lutSize;
    }

    /**
     * The step taken at iteration k (0-based) of n: full steps first, easing to half steps, which
     * damps the oscillation of late iterations without slowing the early ones.
     */
    static double relaxation(int k, int n) {
        if (n <= 1) {
            return 1;
        }
        double t = (double) k / (n - 1);
        return t < 0.5 ? 1.0 : 1.0 - (t - 0.5);
    }

    /** A weighted point cloud: bin centres of the non-empty bins, in [0, 1] units. */
    private record Cloud(double[] x, double[] y, double[] z, double[] w) {
        static Cloud of(Histogram3D h) {
            int n = h.nonEmptyBins();
            int bins = h.bins();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] z = new double[n];
            double[] w = new double[n];
            double total = h.total();
            int k = 0;
            for (int r = 0, i = 0; r < bins; r++) {
                for (int g = 0; g < bins; g++) {
                    for (int b = 0; b < bins; b++, i++) {
                        double m = h.mass(i);
                        if (m > 0) {
                            x[k] = (r + 0.5) / bins;
                            y[k] = (g + 0.5) / bins;
                            z[k] = (b + 0.5) / bins;
                            w[k] = m / total;
                            k++;
                        }
                    }
                }
            }
            return new Cloud(x, y, z, w);
        }
    }

    /** Computes the LUT that moves colours distributed as {@code source} to {@code target}. */
    public ColorLut3D transfer(Histogram3D source, Histogram3D target) {
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("cannot transfer " + (source.isEmpty() ? "from" : "to")
                    + " an empty histogram (a fully transparent photo?)");
        }
        Cloud src = Cloud.of(source);
        Cloud tgt = Cloud.of(target);
        // the kernel width: one bin of the coarser histogram
        double kernel = 1.0 / Math.min(source.bins(), target.bins());

        int n = lutSize;
        int nodes = n * n * n;
        double[] lx = new double[nodes];
        double[] ly = new double[nodes];
        double[] lz = new double[nodes];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++, i++) {
                    lx[i] = (double) r / (n - 1);
                    ly[i] = (double) g / (n - 1);
                    lz[i] = (double) b / (n - 1);
                }
            }
        }

        double[] srcDisp = new double[3 * src.w().length];
        double[] latDisp = new double[3 * nodes];
        AxisMatcher matcher = new AxisMatcher(FINE_BINS, kernel);
        for (int k = 0; k < iterations; k++) {
            double[] rot = rotations.get(k);
            double lambda = relaxation(k, iterations);
            java.util.Arrays.fill(srcDisp, 0);
            java.util.Arrays.fill(latDisp, 0);
            for (int a = 0; a < 3; a++) {
                double ax = rot[3 * a];
                double ay = rot[3 * a + 1];
                double az = rot[3 * a + 2];
                matcher.learn(ax, ay, az, src, tgt);
                matcher.displace(ax, ay, az, src.x(), src.y(), src.z(), srcDisp, lambda);
                matcher.displace(ax, ay, az, lx, ly, lz, latDisp, lambda);
            }
            addDisplacement(src.x(), src.y(), src.z(), srcDisp);
            addDisplacement(lx, ly, lz, latDisp);
        }

        float[] rgb = new float[3 * nodes];
        for (int i = 0; i < nodes; i++) {
            rgb[3 * i] = (float) clamp01(lx[i]);
            rgb[3 * i + 1] = (float) clamp01(ly[i]);
            rgb[3 * i + 2] = (float) clamp01(lz[i]);
        }
        return ColorLut3D.of(n, rgb);
    }

    private static void addDisplacement(double[] x, double[] y, double[] z, double[] d) {
        for (int i = 0; i < x.length; i++) {
            x[i] += d[3 * i];
            y[i] += d[3 * i + 1];
            z[i] += d[3 * i + 2];
        }
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }

    /**
     * Learns the 1D map along one axis from projected, box-smoothed masses, and applies it.
     * Holds its buffers so that one transfer allocates them once.
     */
    private static final class AxisMatcher {
        private final int m;
        private final double kernel;
        private final double[] srcDiff;
        private final double[] tgtDiff;
        private final double[] srcCdf;
        private final double[] tgtCdf;
        /** The displacement f(e) − e at each fine edge e. */
        private final double[] shift;
        private double lo;
        private double scale;

        AxisMatcher(int fineBins, double kernel) {
            this.m = fineBins;
            this.kernel = kernel;
            srcDiff = new double[m + 2];
            tgtDiff = new double[m + 2];
            srcCdf = new double[m + 1];
            tgtCdf = new double[m + 1];
            shift = new double[m + 1];
        }

        void learn(double ax, double ay, double az, Cloud src, Cloud tgt) {
            // the projection of the unit cube, widened for the kernel and for points that drift out
            double cubeLo = Math.min(0, ax) + Math.min(0, ay) + Math.min(0, az);
            double cubeHi = Math.max(0, ax) + Math.max(0, ay) + Math.max(0, az);
            double margin = kernel + 0.25;
            lo = cubeLo - margin;
            double hi = cubeHi + margin;
            scale = m / (hi - lo);

            density(ax, ay, az, src, srcDiff, srcCdf);
            density(ax, ay, az, tgt, tgtDiff, tgtCdf);

            // f(e_j) = Ct⁻¹(Cs(e_j)), by one sweep over both increasing CDFs
            int t = 0;
            for (int j = 0; j <= m; j++) {
                double u = srcCdf[j];
                while (t < m - 1 && tgtCdf[t + 1] < u) {
                    t++;
                }
                double c0 = tgtCdf[t];
                double c1 = tgtCdf[t + 1];
                double frac = c1 > c0 ? (u - c0) / (c1 - c0) : 0;
                frac = frac < 0 ? 0 : Math.min(frac, 1);
                double mapped = t + frac;
                shift[j] = (mapped - j) / scale;
            }
        }

        /** Box-smoothed projected density as a CDF over the fine edges, with a uniform floor. */
        private void density(double ax, double ay, double az, Cloud cloud, double[] diff, double[] cdf) {
            java.util.Arrays.fill(diff, 0);
            double half = kernel * scale / 2;
            double width = 2 * half;
            double[] x = cloud.x();
            double[] y = cloud.y();
            double[] z = cloud.z();
            double[] w = cloud.w();
            for (int i = 0; i < w.length; i++) {
                double u = ((x[i] * ax + y[i] * ay + z[i] * az) - lo) * scale;
                double h = w[i] / width;
                step(diff, u - half, h);
                step(diff, u + half, -h);
            }
            // diff holds steps of the density; a prefix sum gives the density per fine bin
            double floor = UNIFORM_FLOOR / m;
            double density = 0;
            double sum = 0;
            cdf[0] = 0;
            for (int j = 0; j < m; j++) {
                density += diff[j];
                sum += Math.max(0, density) + floor;
                cdf[j + 1] = sum;
            }
            for (int j = 1; j <= m; j++) {
                cdf[j] /= sum;
            }
        }

        /** Adds a step of height h starting at continuous position u (covering part of its bin). */
        private void step(double[] diff, double u, double h) {
            if (u <= 0) {
                diff[0] += h;
                return;
            }
            if (u >= m) {
                return;
            }
            int j = (int) u;
            double frac = u - j;
            diff[j] += h * (1 - frac);
            diff[j + 1] += h * frac;
        }

        void displace(double ax, double ay, double az, double[] x, double[] y, double[] z, double[] disp, double lambda) {
            for (int i = 0; i < x.length; i++) {
                double u = ((x[i] * ax + y[i] * ay + z[i] * az) - lo) * scale;
                double d;
                if (u <= 0) {
                    d = shift[0];
                } else if (u >= m) {
                    d = shift[m];
                } else {
                    int j = (int) u;
                    double f = u - j;
                    d = shift[j] + f * (shift[j + 1] - shift[j]);
                }
                d *= lambda;
                disp[3 * i] += d * ax;
                disp[3 * i + 1] += d * ay;
                disp[3 * i + 2] += d * az;
            }
        }
    }
}
