package app.retone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regrain opens no gap in a 16-bit gradient, from the command line as a user runs it: a near-black
 * 16-bit ramp (one level a pixel, the shadows where the issue found a gap of about 900 levels) given
 * a photo's colours by Pitié's transfer, written with regrain and without, read back at 16 bits.
 */
class RegrainSixteenBitCommandLineTest extends CommandLineTestBase {

    @TempDir
    Path dir;

    @Test
    void aNearBlackSixteenBitRampGetsNoGapFromRegrain() throws Exception {
        int w = 4096;
        int h = 16;
        short[] samples = new short[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                samples[i] = (short) x;
                samples[i + 1] = (short) (x * 9 / 10);
                samples[i + 2] = (short) (x * 8 / 10);
            }
        }
        Path ramp = TestImages.write(dir.resolve("ramp.tif"), TestImages.rgb16(samples, w, h), "tiff");
        Path reference = TestImages.write(dir.resolve("reference.png"), TestImages.quadrants(), "png");
        Path regrained = dir.resolve("regrained.tif");
        Path plain = dir.resolve("plain.tif");
        assertEquals(0, run("transfer", ramp.toString(), "--reference", reference.toString(), "-o", regrained.toString(),
                "--regrain"), stderr);
        assertEquals(0, run("transfer", ramp.toString(), "--reference", reference.toString(), "-o", plain.toString(),
                "--no-regrain"), stderr);
        int[][] withRegrain = Pixels.rawSamples(regrained);
        int[][] without = Pixels.rawSamples(plain);
        assertEquals(65535, withRegrain[3][0], "written at 16 bits");
        int widestWith = 0;
        int widestWithout = 0;
        int levelsWith = 0;
        for (int c = 0; c < 3; c++) {
            widestWith = Math.max(widestWith, widestStep(withRegrain[c], w, h));
            widestWithout = Math.max(widestWithout, widestStep(without[c], w, h));
            levelsWith += (int) java.util.Arrays.stream(withRegrain[c]).distinct().count();
        }
        System.out.printf("near-black 16-bit ramp through Pitié's transfer: widest step %d levels with regrain, %d without;"
                + " %d distinct levels with regrain%n", widestWith, widestWithout, levelsWith);
        assertTrue(widestWith <= widestWithout + 4, "regrain opened a gap: " + widestWith + " against " + widestWithout);
        assertTrue(levelsWith > 3 * 1000, "the ramp keeps its levels: " + levelsWith);
    }

    /** The widest jump between neighbours along a row, of one channel's samples (w × h, row by row). */
    private static int widestStep(int[] channel, int w, int h) {
        int widest = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 1; x < w; x++) {
                widest = Math.max(widest, Math.abs(channel[y * w + x] - channel[y * w + x - 1]));
            }
        }
        return widest;
    }
}
