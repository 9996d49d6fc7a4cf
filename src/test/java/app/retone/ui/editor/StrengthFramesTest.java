package app.retone.ui.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.Photo;
import app.retone.core.image.SyntheticPhoto;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Frames rendered ahead and blended on screen give what a repaint at the same strength gives. */
class StrengthFramesTest {

    private static final int W = 320;
    private static final int H = 200;

    private final Photo photo = SyntheticPhoto.landscape(W, H, 5);
    private final PreviewFrame original = new PreviewFrame(W, H, photo.argb(), true);
    /** A strong look: contrast × 1.6 and a warm cast, inside 0..1 at the nodes, so beyond 100 % it clips. */
    private final StrengthPreview preview = new StrengthPreview(photo.argb(), strongLook(), Interpolation.TETRAHEDRAL);
    private final StrengthFrames frames = StrengthFrames.render(original, preview, () -> { });

    static ColorLut3D strongLook() {
        int n = 17;
        float[] nodes = new float[n * n * n * 3];
        float[] cast = {0.06f, 0f, -0.08f};
        int i = 0;
        for (int b = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    float[] v = {r / (n - 1f), g / (n - 1f), b / (n - 1f)};
                    for (int c = 0; c < 3; c++) {
                        nodes[i++] = Math.max(0, Math.min(1, 0.5f + (v[c] - 0.5f) * 1.6f + cast[c]));
                    }
                }
            }
        }
        return ColorLut3D.of(n, nodes);
    }

    private int[] repaint(double strength) {
        int[] out = new int[W * H];
        preview.render(strength, out);
        return out;
    }

    @Test
    void fromZeroToFullTheBlendIsTheRepaintWithinALevel() {
        for (int i = 0; i <= 100; i++) {
            double s = i / 100.0;
            int[] shown = frames.at(s).composite().argb();
            int[] expected = repaint(s);
            assertTrue(maxDiff(shown, expected) <= 1, "at " + i + " %: off by " + maxDiff(shown, expected));
        }
    }

    @Test
    void beyondFullTheBlendStaysWithinTheClippingBoundAndClippingReallyHappens() {
        int[] base = photo.argb();
        int[] full = repaint(1);
        int worst = 0;
        for (int i = 100; i <= 150; i++) {
            double s = i / 100.0;
            int[] shown = frames.at(s).composite().argb();
            int[] expected = repaint(s);
            for (int p = 0; p < shown.length; p++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int change = Math.abs((full[p] >>> shift & 0xFF) - (base[p] >>> shift & 0xFF));
                    int error = Math.abs((shown[p] >>> shift & 0xFF) - (expected[p] >>> shift & 0xFF));
                    // rounding of two frames and the mix, plus the bend of a clip inside a step of 1/8
                    assertTrue(error <= 2 + change / 32.0, "at " + i + " %, pixel " + p + ": off by " + error
                            + " for a change of " + change);
                    worst = Math.max(worst, error);
                }
            }
            assertTrue(meanDiff(shown, expected) < 0.25, "at " + i + " %: mean " + meanDiff(shown, expected));
        }
        // the bound is not vacuous: from 100 to 150 % many channels reach 0 or 255 (the bend is real)
        long clippedAtFull = clipped(full);
        long clippedAt150 = clipped(repaint(1.5));
        assertTrue(clippedAt150 > clippedAtFull + W * H / 50, clippedAtFull + " → " + clippedAt150 + " clipped channels");
        assertTrue(worst >= 1, "worst error " + worst);
    }

    @Test
    void atTheRenderedStrengthsOneFrameShowsAsItIs() {
        BlendFrame zero = frames.at(0);
        assertSame(original, zero.base(), "strength 0 is the original itself");
        assertNull(zero.over());
        for (double s : new double[] {1, 1.125, 1.25, 1.375, 1.5}) {
            BlendFrame exact = frames.at(s);
            assertNull(exact.over(), "at " + s);
            assertArrayEquals(repaint(s), exact.base().argb(), "at " + s);
        }
    }

    @Test
    void everyBlendDrawsFromTheSameSixFrames() {
        Set<int[]> arrays = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> lists = new HashSet<>();
        for (int i = 0; i <= 150; i++) {
            BlendFrame blend = frames.at(i / 100.0);
            arrays.add(blend.base().argb());
            if (blend.over() != null) {
                arrays.add(blend.over().argb());
                assertTrue(blend.opacity() > 0 && blend.opacity() < 1, "at " + i + " %: " + blend.opacity());
            }
            lists.add(blend.frames());
            assertTrue(blend.frames().stream().anyMatch(f -> f == blend.base()), "the base is among the frames");
        }
        assertEquals(6, arrays.size(), "a slider move allocates no pixels");
        assertEquals(1, lists.size());
        assertEquals(6, frames.at(0.5).frames().size());
    }

    @Test
    void refusesWhatCannotBeBlendedOnScreen() {
        PreviewFrame transparent = new PreviewFrame(W, H, photo.argb(), false);
        assertThrows(IllegalArgumentException.class, () -> StrengthFrames.render(transparent, preview, () -> { }));
        PreviewFrame smaller = new PreviewFrame(10, 10, new int[100], true);
        assertThrows(IllegalArgumentException.class, () -> StrengthFrames.render(smaller, preview, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> frames.at(1.51));
        assertThrows(IllegalArgumentException.class, () -> frames.at(Double.NaN));
        assertSame(original, frames.at(-0.0).base(), "-0.0 is strength 0");
    }

    @Test
    void aCopyWithTransparencyIsRepaintedAtEachStrengthInTwoBuffersInTurn() {
        PreviewFrame transparent = new PreviewFrame(W, H, photo.argb(), false);
        StrengthView view = StrengthViews.of(transparent, preview, () -> { });
        assertTrue(view instanceof RepaintedFrames, "no on-screen mix for transparency");
        assertTrue(StrengthViews.of(original, preview, () -> { }) instanceof StrengthFrames);
        BlendFrame first = view.at(0.3);
        assertNull(first.over());
        assertArrayEquals(repaint(0.3), first.base().argb(), "the repaint itself");
        int[] firstBuffer = first.base().argb();
        BlendFrame second = view.at(1.2);
        assertArrayEquals(repaint(1.2), second.base().argb());
        assertTrue(second.base().argb() != firstBuffer, "the frame just shown is not written over");
        assertSame(firstBuffer, view.at(0.7).base().argb(), "the third move reuses the first buffer");
    }

    @Test
    void theCompositeMixesAsTheScreenDoes() {
        PreviewFrame black = new PreviewFrame(2, 1, new int[] {0xFF000000, 0xFF102030}, true);
        PreviewFrame white = new PreviewFrame(2, 1, new int[] {0xFFFFFFFF, 0xFF302010}, true);
        assertArrayEquals(new int[] {0xFF808080, 0xFF202020}, new BlendFrame(black, white, 0.5, Arrays.asList(black, white))
                .composite().argb());
        assertArrayEquals(white.argb(), new BlendFrame(black, white, 1, Arrays.asList(black, white)).composite().argb());
        assertSame(black, new BlendFrame(black, white, 0, Arrays.asList(black, white)).composite());
        assertThrows(IllegalArgumentException.class, () -> new BlendFrame(black, white, 1.01, Arrays.asList(black, white)));
        assertThrows(IllegalArgumentException.class, () -> new BlendFrame(black, null, 0.5, Arrays.asList(black)));
        assertThrows(IllegalArgumentException.class, () -> new BlendFrame(black, original, 0.5, Arrays.asList(black)));
    }

    private static long clipped(int[] argb) {
        return Arrays.stream(argb).mapToLong(p -> {
            long n = 0;
            for (int shift = 0; shift <= 16; shift += 8) {
                int v = p >>> shift & 0xFF;
                n += v == 0 || v == 255 ? 1 : 0;
            }
            return n;
        }).sum();
    }

    private static int maxDiff(int[] a, int[] b) {
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                worst = Math.max(worst, Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF)));
            }
        }
        return worst;
    }

    private static double meanDiff(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs((a[i] >>> shift & 0xFF) - (b[i] >>> shift & 0xFF));
            }
        }
        return sum / (3.0 * a.length);
    }
}
