import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.Photo;
import app.retone.core.image.SyntheticPhoto;
import app.retone.predict.ReferenceLook;
import java.util.Random;

/**
 * What regrain does to speckle (docs/colour.md, "Regrain"): three noisy 960 × 640 synthetic photos
 * (Gaussian noise of 5 levels) are given another photo's colours by Pitié's transfer, then rendered
 * without and with regrain. Printed per photo: the fine detail's energy (RMS of each channel minus the
 * mean of its four neighbours) and the pixels that stand out from their neighbours by over 24 levels,
 * in the photo, after the look and regrained. To compare a bound, change Regrain.REACH and run again.
 *
 *   mvn -B -q package -DskipTests && java -cp "target/retone.jar:target/lib/*" src/docs/RegrainSpeckle.java
 */
public class RegrainSpeckle {
    public static void main(String[] a) throws Exception {
        int w = 960, h = 640;
        for (long seed = 1; seed <= 3; seed++) {
            Photo base = SyntheticPhoto.landscape(w, h, seed);
            int[] px = base.argb().clone();
            Random rnd = new Random(seed);
            for (int i = 0; i < px.length; i++) {
                int p = px[i];
                int n = (int) Math.round(rnd.nextGaussian() * 5);
                int r = clamp((p >>> 16 & 255) + n), g = clamp((p >>> 8 & 255) + n), b = clamp((p & 255) + (int) Math.round(rnd.nextGaussian() * 5));
                px[i] = 0xFF000000 | r << 16 | g << 8 | b;
            }
            Photo photo = base.withPixels(px);
            Photo ref = SyntheticPhoto.landscape(w, h, seed + 100);
            int[] rp = ref.argb().clone();
            for (int i = 0; i < rp.length; i++) { int p = rp[i]; rp[i] = 0xFF000000 | (p & 255) << 16 | (p >>> 16 & 255) << 8 | (p >>> 8 & 255); }
            ref = ref.withPixels(rp);
            ColorTransfer engine = new ColorTransfer();
            ColorLut3D lut = engine.lut(ReferenceLook.histogram(photo), ReferenceLook.histogram(ref));
            int[] plain = engine.render(px, w, h, lut, 1.0, false);
            int[] regrained = engine.render(px, w, h, lut, 1.0, true);
            System.out.printf("seed %d: detail energy original %.2f, look %.2f, regrained %.2f; outliers original %d, look %d, regrained %d%n",
                seed, detail(px, w, h), detail(plain, w, h), detail(regrained, w, h), outliers(px, w, h), outliers(plain, w, h), outliers(regrained, w, h));
        }
    }
    /** How far a channel stands out from the mean of its four neighbours, in levels. */
    static double standsOut(int[] p, int w, int i, int shift) {
        double mean = ((p[i - 1] >>> shift & 255) + (p[i + 1] >>> shift & 255) + (p[i - w] >>> shift & 255)
                + (p[i + w] >>> shift & 255)) / 4.0;
        return (p[i] >>> shift & 255) - mean;
    }

    /** Pixels with a channel standing out from its neighbours by over 24 levels. */
    static int outliers(int[] p, int w, int h) {
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(standsOut(p, w, y * w + x, shift)) > 24) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** The fine detail's energy: the RMS of how far each channel stands out from its neighbours. */
    static double detail(int[] p, int w, int h) {
        double sum = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = standsOut(p, w, y * w + x, shift);
                    sum += d * d;
                    n++;
                }
            }
        }
        return Math.sqrt(sum / n);
    }
}
