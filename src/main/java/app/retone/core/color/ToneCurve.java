package app.retone.core.color;

import java.util.Arrays;

/**
 * One channel's transfer function: from its encoded value (0..1) to linear light (1 = white), and
 * back. The kinds an ICC profile's TRC tags hold — a gamma, a sampled table ({@code curv}) or one
 * of ICC's parametric functions ({@code para} types 0–4) — and the sRGB curve, each computed in
 * double precision with its exact inverse. Beyond [0, 1] each is carried on as its own odd
 * continuation (sign kept), so extended-range values survive a round trip.
 */
public abstract class ToneCurve {

    /** sRGB's (IEC 61966-2-1), {@link SrgbCurve}. */
    public static final ToneCurve SRGB = new ToneCurve() {
        @Override
        double forward(double x) {
            return SrgbCurve.toLinear(x);
        }

        @Override
        double inverse(double y) {
            return SrgbCurve.toEncoded(y);
        }

        @Override
        public boolean isSrgb() {
            return true;
        }
    };

    /** Encoded 0..1 → linear; only called with x ≥ 0. */
    abstract double forward(double x);

    /** Linear → encoded; only called with y ≥ 0. */
    abstract double inverse(double y);

    /** Encoded value → linear light. */
    public final double toLinear(double encoded) {
        return encoded < 0 ? -forward(-encoded) : forward(encoded);
    }

    /** Linear light → encoded value. */
    public final double toEncoded(double linear) {
        return linear < 0 ? -inverse(-linear) : inverse(linear);
    }

    /** True for the sRGB curve itself. */
    public boolean isSrgb() {
        return false;
    }

    /** y = x^γ. */
    public static ToneCurve gamma(double gamma) {
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("a gamma must be positive, got " + gamma);
        }
        if (gamma == 1) {
            return parametric(0, new double[] {1});
        }
        return parametric(0, new double[] {gamma});
    }

    /**
     * ICC's parametric curve ({@code para}) of {@code type} 0–4, with its parameters in the ICC's
     * order (g, a, b, c, d, e, f as the type has them):
     * <pre>
     * 0: x^g
     * 1: (ax + b)^g for x ≥ −b/a, else 0
     * 2: (ax + b)^g + c for x ≥ −b/a, else c
     * 3: (ax + b)^g for x ≥ d, else cx
     * 4: (ax + b)^g + e for x ≥ d, else cx + f
     * </pre>
     */
    public static ToneCurve parametric(int type, double[] p) {
        int[] counts = {1, 3, 4, 5, 7};
        if (type < 0 || type > 4 || p.length < counts[type]) {
            throw new IllegalArgumentException("a parametric curve of type " + type + " needs "
                    + (type < 0 || type > 4 ? "a type 0..4" : counts[type] + " parameters"));
        }
        double g = p[0];
        double a = type >= 1 ? p[1] : 1;
        double b = type >= 1 ? p[2] : 0;
        double c = type >= 2 ? p[3] : 0;
        double d = switch (type) {
            case 1, 2 -> a != 0 ? -b / a : 0;
            case 3, 4 -> p[4];
            default -> 0;
        };
        double e = type == 4 ? p[5] : 0;
        double f = type == 4 ? p[6] : 0;
        // one form for all: x ≥ d: (ax + b)^g + offset, else slope·x + floor
        double offset = type == 2 ? c : type == 4 ? e : 0;
        double slope = type >= 3 ? c : 0;
        double floor = type == 2 ? c : type == 4 ? f : 0;
        if (!(g > 0) || !Double.isFinite(g) || !Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(d)
                || !Double.isFinite(offset) || !Double.isFinite(slope) || !Double.isFinite(floor) || !(a > 0)) {
            throw new IllegalArgumentException("not a usable parametric curve: type " + type + " " + Arrays.toString(p));
        }
        double knee = d;
        return new ToneCurve() {
            @Override
            double forward(double x) {
                if (x >= knee) {
                    double base = a * x + b;
                    return (base > 0 ? Math.pow(base, g) : 0) + offset;
                }
                return slope * x + floor;
            }

            @Override
            double inverse(double y) {
                double atKnee = forward(knee);
                if (y >= atKnee || slope == 0) {
                    double v = y - offset;
                    return v <= 0 ? Math.max(0, knee) : (Math.pow(v, 1 / g) - b) / a;
                }
                return (y - floor) / slope;
            }
        };
    }

    /**
     * A sampled curve ({@code curv} with n ≥ 2 entries): linear between n evenly spaced samples of
     * 0..1 (what ICC defines), its inverse found by bisection among them. The samples must not fall.
     */
    public static ToneCurve table(double[] samples) {
        int n = samples.length;
        if (n < 2) {
            throw new IllegalArgumentException("a sampled curve needs two samples at least, has " + n);
        }
        double[] y = samples.clone();
        for (int i = 1; i < n; i++) {
            if (!(y[i] >= y[i - 1])) {
                throw new IllegalArgumentException("a sampled curve must not fall (sample " + i + ")");
            }
        }
        double endSlope = (y[n - 1] - y[n - 2]) * (n - 1);
        return new ToneCurve() {
            @Override
            double forward(double x) {
                if (x >= 1) {
                    return y[n - 1] + (x - 1) * endSlope;
                }
                double pos = x * (n - 1);
                int i = Math.min((int) pos, n - 2);
                double t = pos - i;
                return y[i] + t * (y[i + 1] - y[i]);
            }

            @Override
            double inverse(double v) {
                if (v >= y[n - 1]) {
                    return endSlope > 0 ? 1 + (v - y[n - 1]) / endSlope : 1;
                }
                if (v <= y[0]) {
                    return 0;
                }
                int lo = 0;
                int hi = n - 1; // y[lo] < v <= y[hi]
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (y[mid] < v) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                double span = y[hi] - y[lo];
                double t = span > 0 ? (v - y[lo]) / span : 0;
                return (lo + t) / (n - 1);
            }
        };
    }
}
