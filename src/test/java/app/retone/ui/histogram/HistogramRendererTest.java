package app.retone.ui.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one rule for how the cloud is drawn. */
class HistogramRendererTest {

    @Test
    void withoutA3dPipelineItIsAlwaysSoftware() {
        assertEquals(HistogramRenderer.SOFTWARE, HistogramRenderer.choose(false, null));
        assertEquals(HistogramRenderer.SOFTWARE, HistogramRenderer.choose(false, "3d"), "3D cannot be asked for where there is none");
        assertEquals(HistogramRenderer.SOFTWARE, HistogramRenderer.choose(false, "software"));
    }

    @Test
    void withOneItIs3dUnlessSoftwareIsAskedFor() {
        assertEquals(HistogramRenderer.SCENE_3D, HistogramRenderer.choose(true, null));
        assertEquals(HistogramRenderer.SCENE_3D, HistogramRenderer.choose(true, ""));
        assertEquals(HistogramRenderer.SCENE_3D, HistogramRenderer.choose(true, "soft"));
        assertEquals(HistogramRenderer.SOFTWARE, HistogramRenderer.choose(true, "software"));
        assertEquals(HistogramRenderer.SOFTWARE, HistogramRenderer.choose(true, " Software "));
    }
}
