package app.retone.core.render;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Interpolation;
import app.retone.core.color.Regrain;
import app.retone.core.color.StrengthPreview;
import app.retone.core.image.AreaAverage;
import app.retone.core.image.Photo;
import app.retone.core.image.Resample;
import app.retone.core.image.SampleRows;

/**
 * The preview of a region of a photo as the export's own pixels there, reduced to the size the
 * screen shows them: the look (and regrain) applied to the photo's full-resolution values, exactly
 * as {@link PhotoRender} applies them, and only the correction they make averaged down. Both the
 * look at a strength and regrain are linear in that correction, and so is averaging, so the result
 * at any strength s is the reduced original plus s times the reduced correction: what the export,
 * reduced, shows, up to rounding and clipping. Done in the background: it reads every pixel of the region.
 */
public final class PreviewRender {

    private static final int STRIP = 64;

    private PreviewRender() {
    }

    /**
     * The region (x0, y0, w × h) of {@code photo} under {@code lut} (at strength 1; the repaint
     * scales it), regrained when {@code withRegrain}, as a repaint of its {@code tw × th} reduction.
     * {@code betweenStrips} runs between strips of rows (a task's cancellation check).
     */
    public static StrengthPreview of(Photo photo, int x0, int y0, int w, int h, int tw, int th, ColorLut3D lut,
                                     boolean withRegrain, Regrain regrain, Runnable betweenStrips) {
        int[] original = Resample.crop(photo.argb(), photo.width(), photo.height(), x0, y0, w, h, tw, th);
        if (lut.isIdentity()) {
            return new StrengthPreview(original, lut, Interpolation.TETRAHEDRAL);
        }
        SampleRows before = new SampleRows(photo.samples(), photo.width(), photo.height(), x0, y0, w, h);
        Regrain.Rows after = new Regrain.Rows() {
            @Override
            public int w() {
                return w;
            }

            @Override
            public int h() {
                return h;
            }

            @Override
            public void read(int from, int to, float[][] into) {
                before.read(from, to, into);
                java.util.stream.IntStream.range(from, to).parallel()
                        .forEach(y -> lut.applyExtended(into, (y - from) * w, w));
            }
        };
        AreaAverage correction = new AreaAverage(w, h, tw, th);
        if (withRegrain) {
            regrain.apply(before, after, (from, to, d, o, at) -> {
                betweenStrips.run();
                correction.add(from, to, d, at);
            });
        } else {
            float[][] plain = new float[3][STRIP * w];
            float[][] looked = new float[3][STRIP * w];
            for (int from = 0; from < h; from += STRIP) {
                betweenStrips.run();
                int to = Math.min(h, from + STRIP);
                int n = (to - from) * w;
                before.read(from, to, plain);
                for (int k = 0; k < 3; k++) {
                    System.arraycopy(plain[k], 0, looked[k], 0, n);
                }
                java.util.stream.IntStream.range(0, to - from).parallel().forEach(r -> lut.applyExtended(looked, r * w, w));
                for (int k = 0; k < 3; k++) {
                    for (int j = 0; j < n; j++) {
                        looked[k][j] -= plain[k][j];
                    }
                }
                correction.add(from, to, looked, 0);
            }
        }
        return StrengthPreview.ofCorrection(original, correction.result());
    }
}
