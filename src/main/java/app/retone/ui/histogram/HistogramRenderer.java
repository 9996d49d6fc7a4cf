package app.retone.ui.histogram;

import java.util.Locale;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which way the histogram cloud is drawn on this display: the one rule.
 *
 * <ul>
 *   <li>{@link #SCENE_3D}, FXyz3D's scene in a JavaFX {@code SubScene}, wherever JavaFX has a 3D
 *       pipeline ({@link ConditionalFeature#SCENE3D}): a GPU JavaFX accepts, or OpenGL the user
 *       forced with {@code -Dprism.forceGPU=true};</li>
 *   <li>{@link #SOFTWARE}, the app's own renderer on a {@code Canvas} ({@link CloudCanvas},
 *       {@link CloudRasterizer}), everywhere else: JavaFX's software pipeline, which it falls back to
 *       where OpenGL is missing or is Mesa's software rasteriser (virtual machines, remote desktops,
 *       Xvfb). No 3D node is ever made there, so JavaFX prints none of its SCENE3D warnings.</li>
 * </ul>
 * {@code -Dretone.histogram=software} asks for the software renderer where 3D is available too
 * (to compare the two on one pipeline); nothing can ask for 3D where it is not.
 *
 * <p>Why the software renderer and not OpenGL forced onto Mesa's llvmpipe, the other way to get
 * a cloud without a GPU: measured in the window with a 24 MP photo's cloud, it turns the cloud at
 * about 51 frames a second where Mesa gives 20, needs no OpenGL library and no flag, and starts
 * the window no slower (docs/performance.md, "The histogram without a GPU").
 */
public enum HistogramRenderer {

    /** JavaFX's 3D scene (FXyz3D's camera rig, one mesh of all the points), drawn by the GPU. */
    SCENE_3D,
    /** The app's own renderer: projected, depth-buffered discs on a canvas. */
    SOFTWARE;

    /** The system property that may ask for {@code software} where 3D is available. */
    public static final String PROPERTY = "retone.histogram";

    private static final Logger LOG = LoggerFactory.getLogger(HistogramRenderer.class);

    /** The way for this display (the JavaFX toolkit must be running). */
    public static HistogramRenderer forThisDisplay() {
        boolean scene3d = Platform.isSupported(ConditionalFeature.SCENE3D);
        HistogramRenderer chosen = choose(scene3d, System.getProperty(PROPERTY));
        LOG.info("3D histogram drawn by {}", chosen == SCENE_3D ? "JavaFX's 3D scene"
                : scene3d ? "the app's software renderer, as -D" + PROPERTY + " asks"
                : "the app's software renderer: JavaFX has no 3D pipeline on this display");
        return chosen;
    }

    /**
     * The rule: 3D where JavaFX can draw it and software was not asked for, else software.
     *
     * @param scene3d whether JavaFX supports {@link ConditionalFeature#SCENE3D} here
     * @param asked   the value of {@link #PROPERTY}, or null
     */
    static HistogramRenderer choose(boolean scene3d, String asked) {
        boolean softwareAsked = asked != null && asked.trim().toLowerCase(Locale.ROOT).equals("software");
        return scene3d && !softwareAsked ? SCENE_3D : SOFTWARE;
    }
}
