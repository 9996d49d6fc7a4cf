package app.retone.core.color;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic sequence of 3D rotations whose axes are well spread over the sphere, for
 * {@link PdfTransfer}. The first is the identity (the R, G and B axes themselves); each next one
 * is the candidate, among random ones from a fixed seed, whose axes are farthest from all the
 * axes used so far. Spread axes make the sliced matching converge in few iterations.
 */
final class Rotations {

    private static final long SEED = 0x5EED_C010_0125L;
    private static final int CANDIDATES = 48;

    private Rotations() {
    }

    /** {@code count} rotations, each 9 doubles: row-major, rows are the three orthonormal axes. */
    static List<double[]> sequence(int count) {
        List<double[]> rotations = new ArrayList<>(count);
        List<double[]> usedAxes = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int k = 0; k < count; k++) {
            double[] chosen;
            if (k == 0) {
                chosen = new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            } else {
                chosen = null;
                double bestScore = -1;
                for (int c = 0; c < CANDIDATES; c++) {
                    double[] candidate = randomRotation(random);
                    double score = minAngleToUsed(candidate, usedAxes);
                    if (score > bestScore) {
                        bestScore = score;
                        chosen = candidate;
                    }
                }
            }
            rotations.add(chosen);
            for (int a = 0; a < 3; a++) {
                usedAxes.add(new double[] {chosen[3 * a], chosen[3 * a + 1], chosen[3 * a + 2]});
            }
        }
        return rotations;
    }

    /** The smallest angle (as 1 − |cos|) between any axis of the candidate and any used axis (axes are lines). */
    private static double minAngleToUsed(double[] rotation, List<double[]> used) {
        double min = Double.MAX_VALUE;
        for (int a = 0; a < 3; a++) {
            for (double[] u : used) {
                double cos = Math.abs(rotation[3 * a] * u[0] + rotation[3 * a + 1] * u[1] + rotation[3 * a + 2] * u[2]);
                min = Math.min(min, 1 - cos);
            }
        }
        return min;
    }

    /** A uniformly random rotation: Gram–Schmidt on three Gaussian vectors. */
    private static double[] randomRotation(SplittableRandom random) {
        double[][] v = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                v[i][j] = gaussian(random);
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < i; k++) {
                double dot = v[i][0] * v[k][0] + v[i][1] * v[k][1] + v[i][2] * v[k][2];
                for (int j = 0; j < 3; j++) {
                    v[i][j] -= dot * v[k][j];
                }
            }
            double norm = Math.sqrt(v[i][0] * v[i][0] + v[i][1] * v[i][1] + v[i][2] * v[i][2]);
            for (int j = 0; j < 3; j++) {
                v[i][j] /= norm;
            }
        }
        return new double[] {v[0][0], v[0][1], v[0][2], v[1][0], v[1][1], v[1][2], v[2][0], v[2][1], v[2][2]};
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
