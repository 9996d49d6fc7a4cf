package app.retone.core.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.SrgbCurve;
import app.retone.core.edit.CameraEdit.Step;
import app.retone.core.image.SyntheticPhoto;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The camera family ({@link CameraEdits}): each step against its definition in linear light, the
 * white-balance colours against the CIE's, and the distributions by their moments.
 */
class CameraEditsTest {

    private static int grey(int v) {
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    private static double lin(int argb, int channel) {
        return SrgbCurve.linear8(argb >>> (16 - 8 * channel) & 0xFF);
    }

    /** The edit on one pixel. */
    private static int one(CameraEdit edit, int argb) {
        return edit.apply(new int[] {argb})[0];
    }

    @Test
    void theNeutralEditGivesEveryPixelBackAndNeverTheSameArray() {
        int[] px = SyntheticPhoto.landscape(64, 48, 3).argb();
        int[] out = CameraEdit.NONE.apply(px);
        assertArrayEquals(px, out);
        assertNotEquals(System.identityHashCode(px), System.identityHashCode(out));
        assertTrue(CameraEdit.NONE.isIdentity());
    }

    @Test
    void exposureMultipliesLinearLightByTwoToTheEv() {
        // sRGB grey 118 is 18.1 % linear; one stop up is 36.2 %, encoded 162
        assertEquals(grey(162), one(new CameraEdit(1, 0, 0, 1, 0, 0, 1), grey(118)));
        for (int v = 10; v < 200; v += 7) {
            for (double ev : new double[] {-1.5, -0.5, 0.3}) {
                int out = one(new CameraEdit(ev, 0, 0, 1, 0, 0, 1), grey(v));
                assertEquals(SrgbCurve.toLevel8(SrgbCurve.linear8(v) * Math.pow(2, ev)), out & 0xFF, "level " + v + " at " + ev);
            }
        }
        // pushed past white, light is lost as in a camera's JPEG
        assertEquals(grey(255), one(new CameraEdit(1, 0, 0, 1, 0, 0, 1), grey(250)));
    }

    @Test
    void thePlanckianLocusPassesThroughIlluminantA() {
        // CIE illuminant A is a Planckian radiator at 2856 K: x 0.44757, y 0.40745
        double x = 0.44757;
        double y = 0.40745;
        double d = -2 * x + 12 * y + 3;
        double[] uv = app.retone.core.color.WhiteBalance.planckianUv(2856);
        assertEquals(4 * x / d, uv[0], 3e-4);
        assertEquals(6 * y / d, uv[1], 3e-4);
    }

    @Test
    void whiteBalanceWarmsCoolsAndTintsAGreyKeepingItsLuminance() {
        double[] warm = CameraEditSteps.whiteBalanceGains(60, 0);
        double[] cool = CameraEditSteps.whiteBalanceGains(-60, 0);
        double[] green = CameraEditSteps.whiteBalanceGains(0, 0.008);
        double[] magenta = CameraEditSteps.whiteBalanceGains(0, -0.008);
        for (double[] g : List.of(warm, cool, green, magenta)) {
            assertEquals(1, app.retone.core.color.RgbSpace.luminance(g[0], g[1], g[2]), 1e-12, "luminance kept");
        }
        assertTrue(warm[0] > 1 && warm[2] < 1, "warmer: more red, less blue");
        assertTrue(cool[0] < 1 && cool[2] > 1, "cooler: less red, more blue");
        assertTrue(green[1] > green[0] && green[1] > green[2], "towards green");
        assertTrue(magenta[1] < magenta[0] && magenta[1] < magenta[2], "towards magenta");
        assertArrayEquals(new double[] {1, 1, 1}, CameraEditSteps.whiteBalanceGains(0, 0));
        // on pixels: the gains in linear light
        int out = one(new CameraEdit(0, 60, 0, 1, 0, 0, 1), grey(128));
        for (int c = 0; c < 3; c++) {
            assertEquals(SrgbCurve.toLevel8(SrgbCurve.linear8(128) * warm[c]), out >>> (16 - 8 * c) & 0xFF);
        }
        // 60 mired warmer than 6504 K is 4300 K: a clear amber cast, red over blue by more than 1.5 in linear light
        assertTrue(warm[0] / warm[2] > 1.5, "4300 K against 6504 K: " + warm[0] / warm[2]);
    }

    @Test
    void contrastTurnsAboutMidGrey() {
        assertEquals(0.18, CameraEditSteps.contrast(0.18, 0.75), 1e-15);
        assertEquals(0.18 * Math.pow(2, 0.75), CameraEditSteps.contrast(0.36, 0.75), 1e-12);
        assertEquals(0.18 * Math.pow(0.5, 0.75), CameraEditSteps.contrast(0.09, 0.75), 1e-12);
        assertEquals(0, CameraEditSteps.contrast(0, 0.75));
        // flatter: darks up, lights down
        int dark = one(new CameraEdit(0, 0, 0, 0.75, 0, 0, 1), grey(40)) & 0xFF;
        int light = one(new CameraEdit(0, 0, 0, 0.75, 0, 0, 1), grey(220)) & 0xFF;
        assertTrue(dark > 40 && light < 220, dark + " " + light);
    }

    @Test
    void flareLiftsBlackByAShareOfTheMeanLuminance() {
        int[] half = new int[100];
        for (int i = 0; i < 100; i++) {
            half[i] = grey(i < 50 ? 0 : 255); // mean luminance 0.5
        }
        int[] out = new CameraEdit(0, 0, 0, 1, 0.02, 0, 1).apply(half);
        assertEquals(SrgbCurve.toLevel8(0.01), out[0] & 0xFF); // 2 % of 0.5
        assertEquals(255, out[99] & 0xFF);
    }

    @Test
    void theShoulderBendsOnlyTheHighlightsAndEndsWhereItSays() {
        for (double x = 0; x <= 0.5; x += 0.05) {
            assertEquals(x, CameraEditSteps.shoulder(x, 0.8), 1e-15);
        }
        assertEquals(1 - 0.8 / 4, CameraEditSteps.shoulder(1, 0.8), 1e-12);
        double last = 0;
        for (double x = 0; x <= 1.5; x += 0.001) {
            double y = CameraEditSteps.shoulder(x, 0.8);
            assertTrue(y >= last, "monotone at " + x);
            last = y;
        }
        assertEquals(1, CameraEditSteps.shoulder(1, 0), 0);
    }

    @Test
    void saturationScalesChromaAroundLuminance() {
        double[] rgb = {0.5, 0.2, 0.1};
        double y = 0.2126 * 0.5 + 0.7152 * 0.2 + 0.0722 * 0.1;
        CameraEditSteps.saturate(rgb, 0.7);
        assertEquals(y + 0.7 * (0.5 - y), rgb[0], 1e-12);
        assertEquals(y + 0.7 * (0.2 - y), rgb[1], 1e-12);
        assertEquals(y, 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2], 1e-12);
        assertEquals(grey(77), one(new CameraEdit(0, 0, 0, 1, 0, 0, 0.7), grey(77)), "a grey stays grey");
        int red = 0xFFC83C28;
        int duller = one(new CameraEdit(0, 0, 0, 1, 0, 0, 0.7), red);
        assertTrue(spread(duller) < spread(red));
    }

    private static int spread(int argb) {
        int r = argb >>> 16 & 0xFF;
        int g = argb >>> 8 & 0xFF;
        int b = argb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    @Test
    void theStepsComposeInOrderAndAlphaPassesThrough() {
        CameraEdit all = new CameraEdit(-0.7, 40, -0.004, 0.8, 0.01, 0.5, 0.8);
        int[] px = SyntheticPhoto.landscape(40, 30, 5).argb().clone();
        px[0] = 0x40102030;
        int[] before = px.clone();
        int[] out = all.apply(px);
        assertArrayEquals(before, px, "the input is left as it was");
        assertEquals(0x40, out[0] >>> 24);
        // exposure and white balance alone, then the rest: the same as all at once
        CameraEdit first = new CameraEdit(-0.7, 40, -0.004, 1, 0, 0, 1);
        int[] expected = new int[px.length];
        double mean = 0;
        for (int p : px) {
            mean += 0.2126 * lin(p, 0) + 0.7152 * lin(p, 1) + 0.0722 * lin(p, 2);
        }
        mean /= px.length;
        double[] gains = CameraEditSteps.whiteBalanceGains(40, -0.004);
        for (int i = 0; i < px.length; i++) {
            double[] rgb = new double[3];
            for (int c = 0; c < 3; c++) {
                double x = lin(px[i], c) * Math.pow(2, -0.7) * gains[c];
                rgb[c] = CameraEditSteps.shoulder(CameraEditSteps.contrast(x, 0.8) + 0.01 * mean * Math.pow(2, -0.7), 0.5);
            }
            CameraEditSteps.saturate(rgb, 0.8);
            expected[i] = px[i] & 0xFF000000 | SrgbCurve.toLevel8(rgb[0]) << 16 | SrgbCurve.toLevel8(rgb[1]) << 8
                    | SrgbCurve.toLevel8(rgb[2]);
        }
        assertArrayEquals(expected, out);
        assertFalse(first.isIdentity());
    }

    @Test
    void eachStepAloneIsThatStepOnly() {
        CameraEdit all = new CameraEdit(-0.7, 40, -0.004, 0.8, 0.01, 0.5, 0.8);
        for (Step step : Step.values()) {
            CameraEdit only = all.only(step);
            for (Step other : Step.values()) {
                assertEquals(other == step, only.has(other), step + " alone has " + other);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new CameraEdit(Double.NaN, 0, 0, 1, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CameraEdit(0, 0, 0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CameraEdit(0, 0, 0, 1, -0.1, 0, 1));
    }

    @Test
    void theDrawsFollowTheirStatedDistributions() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 20_000;
        List<CameraEdit> edits = new ArrayList<>();
        int unedited = 0;
        for (int i = 0; i < n; i++) {
            CameraEdit e = CameraEdits.draw(random);
            if (e.isIdentity()) {
                unedited++;
            } else {
                edits.add(e);
            }
        }
        assertEquals(CameraEdits.UNEDITED_SHARE, (double) unedited / n, 0.006);
        double ev = 0;
        double mired = 0;
        double duv2 = 0;
        int under = 0;
        int contrast = 0;
        int flare = 0;
        int shoulder = 0;
        int saturation = 0;
        for (CameraEdit e : edits) {
            assertTrue(e.exposureEv() >= -1.5 && e.exposureEv() <= 1.0);
            assertTrue(e.mired() >= -70 && e.mired() <= 90);
            assertTrue(Math.abs(e.duv()) <= 0.012);
            assertTrue(e.contrast() >= 0.72 && e.contrast() <= 1);
            assertTrue(e.flare() <= 0.03 && e.shoulder() <= 0.8 && e.saturation() >= 0.7 && e.saturation() <= 1);
            ev += e.exposureEv();
            mired += e.mired();
            duv2 += e.duv() * e.duv();
            under += e.exposureEv() < 0 ? 1 : 0;
            contrast += e.contrast() != 1 ? 1 : 0;
            flare += e.flare() != 0 ? 1 : 0;
            shoulder += e.shoulder() != 0 ? 1 : 0;
            saturation += e.saturation() != 1 ? 1 : 0;
        }
        int m = edits.size();
        assertEquals(-0.5, ev / m, 0.02, "exposure mean");
        assertEquals(0.87, (double) under / m, 0.02, "mostly under: P(N(-0.5, 0.45) < 0)");
        assertEquals(8, mired / m, 1.0, "white balance mean, mired");
        assertEquals(0.004, Math.sqrt(duv2 / m), 0.0003, "tint spread");
        assertEquals(0.6, (double) contrast / m, 0.02);
        assertEquals(0.5, (double) flare / m, 0.02);
        assertEquals(0.4, (double) shoulder / m, 0.02);
        assertEquals(0.6, (double) saturation / m, 0.02);
    }

    @Test
    void theFamiliesDrawTheirOwnEditsAndTheirSteps() {
        assertEquals(EditFamily.CAMERA, EditFamily.fromId("Camera").orElseThrow());
        assertTrue(EditFamily.fromId("film").isEmpty());
        SplittableRandom random = new SplittableRandom(2);
        assertTrue(EditFamily.CAMERA.drawChanging(random) instanceof CameraEdit);
        assertTrue(EditFamily.SEED.drawChanging(random) instanceof EditParameters);
        int camera = 0;
        for (int i = 0; i < 2000; i++) {
            camera += EditFamily.BOTH.drawChanging(random) instanceof CameraEdit ? 1 : 0;
        }
        assertEquals(1000, camera, 80, "both: half and half");
        assertEquals(List.of("exposure", "white-balance", "flat-tone", "saturation"), EditFamily.CAMERA.stepNames());
        assertEquals(10, EditFamily.BOTH.stepNames().size());
        for (int k = 0; k < 4; k++) {
            CameraEdit step = (CameraEdit) EditFamily.CAMERA.drawStep(random, k);
            for (Step s : Step.values()) {
                assertEquals(s.ordinal() == k, step.has(s));
            }
            assertTrue(EditFamily.BOTH.drawStep(random, 6 + k) instanceof CameraEdit);
        }
        assertTrue(EditFamily.BOTH.drawStep(random, 0) instanceof EditParameters);
    }
}
