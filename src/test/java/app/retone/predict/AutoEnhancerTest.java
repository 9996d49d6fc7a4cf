package app.retone.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.PdfTransfer;
import app.retone.core.image.Resample;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.Pixels;
import org.junit.jupiter.api.Test;

/** The plumbing from photo to LUT, with stand-in predictors whose answer is known. */
class AutoEnhancerTest {

    /** Predicts the photo's own histogram: a model that changes nothing. */
    static final class Identity implements HistogramPredictor {
        int calls;

        @Override
        public int bins() {
            return 32;
        }

        @Override
        public Histogram3D predict(Histogram3D source) {
            calls++;
            return source;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aModelThatPredictsTheInputLeavesThePhotoAlone() throws PredictionException {
        int[] photo = SyntheticPhoto.landscape(600, 400, 3).argb();
        Identity identity = new Identity();
        AutoEnhancer.Result result = new AutoEnhancer(identity, new PdfTransfer()).enhance(photo, 600, 400);
        int[] out = new ColorTransfer().render(photo, 600, 400, result.lut(), 1.0, false);
        assertEquals(1, identity.calls);
        assertTrue(Pixels.meanAbsDiff(photo, out) < 0.5, "mean change " + Pixels.meanAbsDiff(photo, out));
    }

    @Test
    void theModelSeesTheFixedSizeCopyOfThePhoto() {
        int[] photo = SyntheticPhoto.landscape(1200, 800, 4).argb();
        Histogram3D h = AutoEnhancer.modelInput(photo, 1200, 800, 32);
        int[] size = Resample.sizeForPixels(1200, 800, Resample.MODEL_INPUT_PIXELS);
        assertEquals((double) size[0] * size[1], h.total());
        assertTrue(Math.abs(h.total() - Resample.MODEL_INPUT_PIXELS) < 600);
    }

    @Test
    void aPredictedShiftMovesThePhotosColours() throws PredictionException {
        int[] photo = SyntheticPhoto.landscape(400, 300, 5).argb();
        // a stand-in that predicts the photo's histogram one bin redder everywhere
        HistogramPredictor redder = new HistogramPredictor() {
            @Override
            public int bins() {
                return 32;
            }

            @Override
            public Histogram3D predict(Histogram3D s) {
                float[] m = new float[s.cells()];
                for (int r = 0; r < 32; r++) {
                    for (int g = 0; g < 32; g++) {
                        for (int b = 0; b < 32; b++) {
                            m[Histogram3D.index(32, Math.min(31, r + 1), g, b)] += (float) s.mass(r, g, b);
                        }
                    }
                }
                return Histogram3D.ofMasses(32, m);
            }

            @Override
            public void close() {
            }
        };
        AutoEnhancer.Result result = new AutoEnhancer(redder, new PdfTransfer()).enhance(photo, 400, 300);
        int[] out = new ColorTransfer().render(photo, 400, 300, result.lut(), 1.0, false);
        double[] before = Pixels.mean(photo);
        double[] after = Pixels.mean(out);
        assertTrue(after[0] - before[0] > 5, "red rose by " + (after[0] - before[0]));
        assertTrue(Math.abs(after[1] - before[1]) < 2 && Math.abs(after[2] - before[2]) < 2);
    }
}
