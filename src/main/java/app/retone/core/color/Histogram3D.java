package app.retone.core.color;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A 3D RGB histogram of B × B × B bins (B a power of two that divides 256; 32 by default).
 *
 * <p>The contract shared with the model and the trainer: the bin of an 8-bit channel value v is
 * {@code v * B / 256}; the flat index is {@code (r * B + g) * B + b}; pixels with alpha below
 * 128 are not counted; {@link #normalized()} sums to 1 in float32.
 */
public final class Histogram3D {

    public static final int DEFAULT_BINS = 32;
    /**
     * The bins per channel a model's card, a dataset and the command line's {@code --bins} may ask
     * for: a power of two from this ({@link #isSupportedBins}). Fewer bins say too little of a photo
     * for a model; more make a histogram of 64³ × 4 bytes (1 MB) a pair already, and no trainer
     * takes more.
     */
    public static final int MIN_SUPPORTED_BINS = 8;
    /** The most bins per channel that may be asked for ({@link #MIN_SUPPORTED_BINS}). */
    public static final int MAX_SUPPORTED_BINS = 64;
    private static final int CHUNK_PIXELS = 1 << 20;

    private final int bins;
    private final double[] mass;
    private final double total;

    private Histogram3D(int bins, double[] mass) {
        this.bins = bins;
        this.mass = mass;
        double sum = 0;
        for (double m : mass) {
            sum += m;
        }
        this.total = sum;
    }

    /**
     * Whether {@code bins} per channel is what a model's card, a dataset or {@code --bins} may ask
     * for: a power of two from {@link #MIN_SUPPORTED_BINS} to {@link #MAX_SUPPORTED_BINS}. The one
     * rule of {@code predict.ModelCard}, {@code DatasetBuilder} and the {@code histogram} and
     * {@code dataset} commands. (A histogram itself may have any power of two that divides 256:
     * {@link #binShift}.)
     */
    public static boolean isSupportedBins(int bins) {
        return bins >= MIN_SUPPORTED_BINS && bins <= MAX_SUPPORTED_BINS && Integer.bitCount(bins) == 1;
    }

    /** {@code bins} itself, or an {@link IllegalArgumentException} saying the rule ({@link #isSupportedBins}). */
    public static int checkSupportedBins(int bins) {
        if (!isSupportedBins(bins)) {
            throw new IllegalArgumentException(unsupportedBins("bins", bins));
        }
        return bins;
    }

    /** "NAME must be a power of two from 8 to 64, got BINS": the message for bins outside the rule. */
    public static String unsupportedBins(String name, int bins) {
        return name + " must be a power of two from " + MIN_SUPPORTED_BINS + " to " + MAX_SUPPORTED_BINS + ", got " + bins;
    }

    /** Checks that B divides 256 and returns log2(256 / B), the shift from a channel value to its bin. */
    public static int binShift(int bins) {
        if (bins < 1 || bins > 256 || Integer.bitCount(bins) != 1) {
            throw new IllegalArgumentException("bins must be a power of two that divides 256 (1..256), got " + bins);
        }
        return 8 - Integer.numberOfTrailingZeros(bins);
    }

    /** Counts the pixels (packed ARGB) into a histogram of {@code bins}³ bins, in parallel. */
    public static Histogram3D of(int[] argb, int bins) {
        int shift = binShift(bins);
        int cells = bins * bins * bins;
        int chunks = Math.max(1, (argb.length + CHUNK_PIXELS - 1) / CHUNK_PIXELS);
        // one partial count array per worker, capped so large B cannot exhaust memory
        int workers = (int) Math.max(1, Math.min(Math.min(chunks, Runtime.getRuntime().availableProcessors()),
                (64L << 20) / (4L * cells)));
        int perWorker = (chunks + workers - 1) / workers;
        int[][] partial = new int[workers][];
        IntStream.range(0, workers).parallel().forEach(wk -> {
            int[] counts = new int[cells];
            int from = (int) Math.min(argb.length, (long) wk * perWorker * CHUNK_PIXELS);
            int to = (int) Math.min(argb.length, (long) (wk + 1) * perWorker * CHUNK_PIXELS);
            int gShift = shift;
            int bitsPerChannel = 8 - shift;
            for (int i = from; i < to; i++) {
                int p = argb[i];
                if ((p >>> 24) < 128) {
                    continue;
                }
                int r = (p >>> 16 & 0xFF) >>> gShift;
                int g = (p >>> 8 & 0xFF) >>> gShift;
                int b = (p & 0xFF) >>> gShift;
                counts[(r << bitsPerChannel | g) << bitsPerChannel | b]++;
            }
            partial[wk] = counts;
        });
        double[] mass = new double[cells];
        for (int[] counts : partial) {
            for (int i = 0; i < cells; i++) {
                mass[i] += counts[i];
            }
        }
        return new Histogram3D(bins, mass);
    }

    public static Histogram3D of(int[] argb) {
        return of(argb, DEFAULT_BINS);
    }

    /**
     * A histogram from masses in flat-index order (a model's output, a file): non-negative
     * and finite, not all zero. They need not sum to 1.
     */
    public static Histogram3D ofMasses(int bins, float[] masses) {
        binShift(bins);
        int cells = bins * bins * bins;
        if (masses.length != cells) {
            throw new IllegalArgumentException("expected " + cells + " masses for " + bins + "³ bins, got " + masses.length);
        }
        double[] mass = new double[cells];
        double sum = 0;
        for (int i = 0; i < cells; i++) {
            float m = masses[i];
            if (!Float.isFinite(m) || m < 0) {
                throw new IllegalArgumentException("histogram mass at bin " + i + " is " + m + "; masses must be finite and ≥ 0");
            }
            mass[i] = m;
            sum += m;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("histogram is empty: all masses are zero");
        }
        return new Histogram3D(bins, mass);
    }

    public static int index(int bins, int rBin, int gBin, int bBin) {
        return (rBin * bins + gBin) * bins + bBin;
    }

    public int bins() {
        return bins;
    }

    public int cells() {
        return mass.length;
    }

    /** Total mass: the number of counted pixels for a histogram of a photo. */
    public double total() {
        return total;
    }

    public boolean isEmpty() {
        return total <= 0;
    }

    /** Mass (a pixel count, for a photo's histogram) of one bin by flat index. */
    public double mass(int index) {
        return mass[index];
    }

    public double mass(int rBin, int gBin, int bBin) {
        return mass[index(bins, rBin, gBin, bBin)];
    }

    /** The masses scaled to sum to 1, in float32 (all zero for an empty histogram). */
    public float[] normalized() {
        float[] p = new float[mass.length];
        if (total <= 0) {
            return p;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (mass[i] / total);
        }
        return p;
    }

    /** The masses scaled to sum to 1, in double precision. */
    public double[] probabilities() {
        double[] p = new double[mass.length];
        if (total > 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] = mass[i] / total;
            }
        }
        return p;
    }

    public int nonEmptyBins() {
        int n = 0;
        for (double m : mass) {
            if (m > 0) {
                n++;
            }
        }
        return n;
    }

    /** The centre of a bin along one channel, in 8-bit units (bin 0 of 32 is 3.5). */
    public double binCentre(int bin) {
        double width = 256.0 / bins;
        return bin * width + (width - 1) / 2.0;
    }

    /** Mean colour (r, g, b) in 8-bit units, from the bin centres. */
    public double[] meanColor() {
        double[] mean = new double[3];
        if (total <= 0) {
            return mean;
        }
        for (int r = 0, i = 0; r < bins; r++) {
            for (int g = 0; g < bins; g++) {
                for (int b = 0; b < bins; b++, i++) {
                    double w = mass[i];
                    if (w > 0) {
                        mean[0] += w * binCentre(r);
                        mean[1] += w * binCentre(g);
                        mean[2] += w * binCentre(b);
                    }
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= total;
        }
        return mean;
    }

    /** Shannon entropy of the normalised histogram, in bits (at most 3·log2 B). */
    public double entropyBits() {
        if (total <= 0) {
            return 0;
        }
        double h = 0;
        for (double m : mass) {
            if (m > 0) {
                double p = m / total;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }

    /**
     * KL(p ‖ q) in nats between two normalised histograms of the same bins, with a floor of
     * {@code epsilon} added to every bin of both (then renormalised) so that empty bins of q
     * give a large but finite value.
     */
    public static double klDivergence(Histogram3D p, Histogram3D q, double epsilon) {
        if (p.bins != q.bins) {
            throw new IllegalArgumentException("histograms have different bins: " + p.bins + " and " + q.bins);
        }
        if (p.total <= 0 || q.total <= 0) {
            throw new IllegalArgumentException("KL divergence of an empty histogram is undefined");
        }
        int n = p.mass.length;
        double norm = 1 + epsilon * n;
        double kl = 0;
        for (int i = 0; i < n; i++) {
            double pi = (p.mass[i] / p.total + epsilon) / norm;
            double qi = (q.mass[i] / q.total + epsilon) / norm;
            kl += pi * Math.log(pi / qi);
        }
        return Math.max(0, kl);
    }

    /** KL(p ‖ q) with the default floor of 1e-6 per bin. */
    public static double klDivergence(Histogram3D p, Histogram3D q) {
        return klDivergence(p, q, 1e-6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram3D h && h.bins == bins && Arrays.equals(h.mass, mass);
    }

    @Override
    public int hashCode() {
        return 31 * bins + Arrays.hashCode(mass);
    }

    @Override
    public String toString() {
        return "Histogram3D[" + bins + "³ bins, " + nonEmptyBins() + " non-empty, total " + total + "]";
    }
}
