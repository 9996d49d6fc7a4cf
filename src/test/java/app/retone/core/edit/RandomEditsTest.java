package app.retone.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomEditsTest {

    @Test
    void drawsFollowTheSeedProjectsDistributions() {
        SplittableRandom random = new SplittableRandom(1);
        int unedited = 0;
        int n = 4000;
        double gammaLogSum = 0;
        int gammas = 0;
        for (int i = 0; i < n; i++) {
            EditParameters e = RandomEdits.draw(random);
            if (e.isIdentity()) {
                unedited++;
                continue;
            }
            assertTrue(e.contrast() >= 0.5 && e.contrast() <= 1.5, "contrast " + e.contrast());
            assertTrue(e.gamma() >= 1 / 1.6 - 1e-9 && e.gamma() <= 1.6 + 1e-9, "gamma " + e.gamma());
            if (e.gamma() != 1) {
                gammaLogSum += Math.log(e.gamma());
                gammas++;
            }
            if (e.curveY() != null) {
                for (int k = 1; k < e.curveY().length; k++) {
                    assertTrue(e.curveY()[k] >= e.curveY()[k - 1], "curve must be monotone");
                }
                double top = e.curveY()[e.curveY().length - 1];
                assertTrue(top > 0.6 && top < 1.25, "curve spans 70-110 % of the range (jittered): " + top);
            }
            if (e.hueSaturation() != null) {
                assertEquals(12, e.hueSaturation().length);
                for (double f : e.hueSaturation()) {
                    assertTrue(f >= 0.6 && f <= 1.4);
                }
            }
            if (e.gains() != null) {
                for (double g : e.gains()) {
                    assertTrue(g >= 0.8 && g <= 1.2);
                }
            }
            assertTrue(e.noise() >= 0 && e.noise() <= 0.1);
        }
        double share = (double) unedited / n;
        assertTrue(share > 0.035 && share < 0.065, "unedited share " + share);
        // gamma 1/(1+g) or 1+g with even odds: symmetric in log
        assertTrue(Math.abs(gammaLogSum / gammas) < 0.02, "mean log gamma " + gammaLogSum / gammas);
    }

    @Test
    void anEditChangesThePhotoAndKeepsAlpha() {
        int[] photo = SyntheticPhoto.landscape(120, 80, 2).argb().clone();
        photo[7] = photo[7] & 0x00FFFFFF | 0x42000000;
        EditParameters edit = new EditParameters(1.3, 0.7, null, null, new double[] {1.1, 1, 0.9}, 0, 0);
        int[] out = RandomEdits.apply(photo, edit);
        assertTrue(Pixels.meanAbsDiff(photo, out) > 5);
        assertEquals(0x42, out[7] >>> 24);
        assertArrayEquals(photo, RandomEdits.apply(photo, EditParameters.NONE));
    }

    @Test
    void gammaBelowOneBrightensAndSpillTintsTheChannel() {
        int[] photo = SyntheticPhoto.landscape(120, 80, 3).argb();
        double[] before = Pixels.mean(photo);
        double[] bright = Pixels.mean(RandomEdits.apply(photo, new EditParameters(1, 0.6, null, null, null, 0, 0)));
        assertTrue(bright[0] > before[0] + 10 && bright[1] > before[1] + 10);
        double[] redder = Pixels.mean(RandomEdits.apply(photo, new EditParameters(1, 1, null, null, new double[] {1.2, 1, 1}, 0, 0)));
        assertTrue(redder[0] > before[0] + 5);
        assertEquals(before[1], redder[1], 0.01);
    }

    @Test
    void anEditReducedToOneStepKeepsOnlyThatStep() {
        EditParameters full = new EditParameters(1.2, 0.8, new double[] {0, .2, .4, .6, .8, .9}, new double[12],
                new double[] {1.1, 1, 0.9}, 0.05, 3);
        for (EditParameters.Step step : EditParameters.Step.values()) {
            EditParameters one = full.only(step);
            for (EditParameters.Step other : EditParameters.Step.values()) {
                assertEquals(other == step, one.has(other), step + " / " + other);
            }
        }
    }

    @Test
    void sameSeedSameEdit() {
        int[] photo = SyntheticPhoto.landscape(64, 48, 4).argb();
        EditParameters a = RandomEdits.draw(new SplittableRandom(9));
        EditParameters b = RandomEdits.draw(new SplittableRandom(9));
        assertArrayEquals(RandomEdits.apply(photo, a), RandomEdits.apply(photo, b));
        assertFalse(a.toString().isEmpty());
    }
}
