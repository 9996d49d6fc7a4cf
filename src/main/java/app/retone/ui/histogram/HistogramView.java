package app.retone.ui.histogram;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * An interactive 3D scatter of a colour histogram inside the RGB cube: one point per non-empty
 * bin, in its colour, sized by its mass (see {@link HistogramCloud}). The cube stands on its black
 * corner with white on top. Drag to turn it, scroll to zoom, double-click to go back to the
 * first view.
 *
 * <p>It draws on every display: by JavaFX's 3D scene where there is one, else by the app's own
 * software renderer ({@link HistogramRenderer} decides, once, when the view is made). Both are
 * seen through one {@link CloudCamera}, so the picture, the axis labels and the interaction are
 * the same either way; this view owns the interaction, the R/G/B labels, the placeholder and the
 * overlay's legend.
 *
 * <p>Use on the FX thread. The points come ready from a background task ({@link HistogramPoints#of}).
 */
public final class HistogramView extends StackPane {

    public static final double DEFAULT_YAW = CloudCamera.DEFAULT_YAW;
    public static final double DEFAULT_PITCH = CloudCamera.DEFAULT_PITCH;
    public static final double MIN_ZOOM = CloudCamera.MIN_ZOOM;
    public static final double MAX_ZOOM = CloudCamera.MAX_ZOOM;
    static final String PLACEHOLDER = "No histogram yet";
    /** How far beyond the end of each axis its label sits, in unit-cube units. */
    private static final double LABEL_OFFSET = 0.08;

    private final HistogramRenderer renderer;
    private final CloudCamera camera = new CloudCamera();
    private final CubeSpace space = new CubeSpace(CloudCamera.CUBE_SIDE);
    private final CloudDrawing drawing;
    private final Pane axisLabels = new Pane();
    private final Text[] axisLabel = {
        text("R", Color.rgb(255, 92, 92), Font.font(null, FontWeight.BOLD, 16)),
        text("G", Color.rgb(92, 220, 92), Font.font(null, FontWeight.BOLD, 16)),
        text("B", Color.rgb(110, 150, 255), Font.font(null, FontWeight.BOLD, 16)),
    };
    private final Text placeholder = text(PLACEHOLDER, Color.gray(0.62), Font.font(15));
    private final Text legend = text("grey: before   ·   colour: after", Color.gray(0.75), Font.font(12));

    private double dragX;
    private double dragY;
    private int pointCount;

    /** The view drawn the way this display allows ({@link HistogramRenderer#forThisDisplay()}). */
    public HistogramView() {
        this(HistogramRenderer.forThisDisplay());
    }

    /** The view drawn by {@code renderer}; {@link HistogramRenderer#SCENE_3D} only where JavaFX has 3D. */
    public HistogramView(HistogramRenderer renderer) {
        this.renderer = renderer;
        this.drawing = drawing(renderer, camera);
        setId("histogram-view");
        setBackground(new Background(new BackgroundFill(HistogramBackground.COLOR, CornerRadii.EMPTY, Insets.EMPTY)));
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip); // zoomed in, axis labels may fall outside the panel

        axisLabels.getChildren().addAll(axisLabel);
        axisLabels.setMouseTransparent(true);
        placeholder.setId("histogram-placeholder");
        legend.setId("histogram-legend");
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(8, 10, 8, 10));
        getChildren().addAll(drawing.node(), axisLabels, placeholder, legend);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        clear();
    }

    /** A drawing of {@code renderer}'s kind for {@code camera}; the 3D one refuses where JavaFX has no 3D. */
    private static CloudDrawing drawing(HistogramRenderer renderer, CloudCamera camera) {
        if (renderer == HistogramRenderer.SOFTWARE) {
            return new CloudCanvas(camera);
        }
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            throw new IllegalStateException("JavaFX has no 3D pipeline on this display");
        }
        return new CloudScene3D(camera);
    }

    /** How this view draws the cloud. */
    public HistogramRenderer renderer() {
        return renderer;
    }

    /** What draws the cloud (for the tests). */
    CloudDrawing drawing() {
        return drawing;
    }

    /** The camera both drawings follow (for the tests; after changing it, call {@link #viewChanged()}). */
    CloudCamera camera() {
        return camera;
    }

    /**
     * Shows points made beforehand, off the FX thread ({@link HistogramPoints#of}). Null or no
     * points clears the view.
     */
    public void show(HistogramPoints shown) {
        if (shown == null || shown.isEmpty()) {
            clear();
            return;
        }
        drawing.show(shown);
        pointCount = shown.cloud().size();
        setShowing(true, shown.cloud().isOverlay());
    }

    /** Removes the points and shows the placeholder text. */
    public void clear() {
        drawing.clear();
        pointCount = 0;
        setShowing(false, false);
    }

    private void setShowing(boolean showing, boolean overlay) {
        drawing.node().setVisible(showing);
        axisLabels.setVisible(showing);
        placeholder.setVisible(!showing);
        legend.setVisible(showing && overlay);
    }

    public int pointCount() {
        return pointCount;
    }

    /** Turn about the vertical grey axis (black to white), in degrees: walks round the hues. */
    public double yaw() {
        return camera.yaw();
    }

    /** Tilt about the horizontal axis, in degrees (negative looks down on the cube from above). */
    public double pitch() {
        return camera.pitch();
    }

    /** Magnification, 1 for the first view, within [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
    public double zoom() {
        return camera.zoom();
    }

    /** Back to the first view: the default angles at zoom 1. */
    public void resetView() {
        camera.reset();
        viewChanged();
    }

    private void onPress(MouseEvent e) {
        dragX = e.getSceneX();
        dragY = e.getSceneY();
    }

    private void onDrag(MouseEvent e) {
        camera.drag(e.getSceneX() - dragX, e.getSceneY() - dragY);
        dragX = e.getSceneX();
        dragY = e.getSceneY();
        viewChanged();
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
            resetView();
        }
    }

    private void onScroll(ScrollEvent e) {
        camera.scroll(e.getDeltaY());
        viewChanged();
    }

    /** The camera moved: the drawing and the axis labels follow. */
    void viewChanged() {
        drawing.viewChanged();
        placeAxisLabels();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        drawing.layout(getWidth(), getHeight());
        placeAxisLabels();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    /** Puts the axis labels where the ends of the R, G and B axes project, by the camera both drawings follow. */
    private void placeAxisLabels() {
        CloudCamera.Projection view = camera.projection(getWidth(), getHeight());
        double end = 1 + LABEL_OFFSET;
        double[][] ends = {{end, 0, 0}, {0, end, 0}, {0, 0, end}};
        for (int i = 0; i < ends.length; i++) {
            double x = space.x((float) ends[i][0]);
            double y = space.y((float) ends[i][1]);
            double z = space.z((float) ends[i][2]);
            Bounds size = axisLabel[i].getLayoutBounds();
            axisLabel[i].relocate(view.screenX(x, y, z) - size.getWidth() / 2, view.screenY(x, y, z) - size.getHeight() / 2);
        }
    }

    /** Grey-smoothed text: sub-pixel (LCD) smoothing would fringe it with colour over the dark scene. */
    private static Text text(String content, Color colour, Font font) {
        Text text = new Text(content);
        text.setFill(colour);
        text.setFont(font);
        text.setFontSmoothingType(FontSmoothingType.GRAY);
        text.setMouseTransparent(true);
        return text;
    }
}
