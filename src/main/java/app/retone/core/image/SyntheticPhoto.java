package app.retone.core.image;

import java.util.stream.IntStream;

/**
 * Generated landscape-like photos (sky, sun, hills, water, texture and sensor-like noise):
 * natural enough histograms for benchmarks and tests, deterministic for a seed, any size,
 * no files needed.
 */
public final class SyntheticPhoto {

    private SyntheticPhoto() {
    }

    public static Photo landscape(int width, int height, long seed) {
        int[] argb = new int[Math.multiplyExact(width, height)];
        double phase1 = hash01(seed, 1) * 6.283;
        double phase2 = hash01(seed, 2) * 6.283;
        double sunX = 0.2 + 0.6 * hash01(seed, 3);
        double sunY = 0.15 + 0.2 * hash01(seed, 4);
        double warmth = hash01(seed, 5);
        double horizon = 0.5 + 0.15 * hash01(seed, 6);
        IntStream.range(0, height).parallel().forEach(y -> {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double r;
                double g;
                double b;
                double ridge = horizon + 0.07 * Math.sin(u * 7.0 + phase1) + 0.035 * Math.sin(u * 19.0 + phase2);
                double texture = valueNoise(u * 40, v * 40, seed) * 0.6 + valueNoise(u * 160, v * 160, seed + 7) * 0.4;
                if (v < ridge) {
                    // sky: deep blue at the top to a pale horizon, a warm glow around the sun
                    double t = v / ridge;
                    r = 60 + 150 * t + 40 * warmth * t;
                    g = 110 + 110 * t;
                    b = 200 + 45 * t;
                    double dx = u - sunX;
                    double dy = (v - sunY) * height / width;
                    double d = Math.sqrt(dx * dx + dy * dy);
                    double glow = Math.exp(-d * 9) * 120 + (d < 0.025 ? 255 : 0);
                    r += glow;
                    g += glow * 0.85;
                    b += glow * 0.55;
                    double cloud = valueNoise(u * 6, v * 14, seed + 3);
                    if (cloud > 0.62) {
                        double c = (cloud - 0.62) * 2.2;
                        r += (235 - r) * c;
                        g += (235 - g) * c;
                        b += (240 - b) * c;
                    }
                } else if (v > 0.86 + 0.03 * Math.sin(u * 11 + phase2)) {
                    // water: darker, bluish, reflects the sky with ripples
                    double ripple = Math.sin(v * 900 + texture * 6) * 12;
                    r = 40 + 50 * texture + ripple;
                    g = 70 + 60 * texture + ripple;
                    b = 110 + 60 * texture + ripple;
                } else {
                    // hills: greens and browns, darker with distance from the ridge
                    double depth = (v - ridge) / (1 - ridge);
                    double grass = valueNoise(u * 12, v * 12, seed + 11);
                    r = 50 + 90 * grass + 60 * texture - 30 * depth + 30 * warmth;
                    g = 80 + 70 * grass + 50 * texture - 20 * depth;
                    b = 30 + 30 * texture - 10 * depth;
                }
                double noise = (hash01(seed + y, x) - 0.5) * 8;
                argb[y * width + x] = 0xFF000000 | clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + noise);
            }
        });
        return Photo.of(width, height, argb, false);
    }

    private static int clamp(double v) {
        int i = (int) Math.round(v);
        return i < 0 ? 0 : Math.min(i, 255);
    }

    /** Smooth value noise in [0, 1]: a hashed lattice with smoothstep interpolation. */
    private static double valueNoise(double x, double y, long seed) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        double a = hash01(seed + y0 * 73856093L, x0);
        double b = hash01(seed + y0 * 73856093L, x0 + 1);
        double c = hash01(seed + (y0 + 1) * 73856093L, x0);
        double d = hash01(seed + (y0 + 1) * 73856093L, x0 + 1);
        return (a + fx * (b - a)) * (1 - fy) + (c + fx * (d - c)) * fy;
    }

    private static double hash01(long seed, long k) {
        long h = seed * 0x9E3779B97F4A7C15L + k * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        h *= 0x94D049BB133111EBL;
        h ^= h >>> 32;
        return (h >>> 11) * 0x1.0p-53;
    }
}
