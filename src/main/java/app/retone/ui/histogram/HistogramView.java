package app.retone.ui.histogram;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontSmoothingType;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import org.fxyz3d.utils.CameraTransformer;

/**
 * An interactive 3D scatter of a colour histogram inside the RGB cube: one point per non-empty
 * bin, in its colour, sized by its mass (see {@link HistogramCloud}). The cube stands on its black
 * corner with white on top. Drag to turn it, scroll to zoom, double-click to go back to the
 * first view. All points are one mesh, so even tens of thousands of bins rebuild in a few
 * milliseconds (see {@code HistogramMeshBenchmark}).
 *
 * <p>Use on the FX thread. {@link HistogramCloud} needs no JavaFX, so callers may build it in a
 * background task and pass it to {@link #show(HistogramCloud)}.
 */
public final class HistogramView extends StackPane {

    public static final double DEFAULT_YAW = -60;
    public static final double DEFAULT_PITCH = -20;
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 4;
    public static final Color BACKGROUND = Color.web("#1e1e1e");
    static final String PLACEHOLDER = "No histogram yet";
    static final String NO_3D = "The 3D histogram needs hardware-accelerated\ngraphics (OpenGL), which this display lacks.";
    /** False where JavaFX has no 3D pipeline (software rendering, remote displays). */
    private final boolean has3d = Platform.isSupported(ConditionalFeature.SCENE3D);

    private static final float CUBE_SIDE = HistogramPoints.CUBE_SIDE;
    /** Camera distance at zoom 1: the cube's bounding sphere and its labels fit the field of view. */
    private static final double BASE_DISTANCE = 3.8 * CUBE_SIDE;
    private static final double FIELD_OF_VIEW = 30;
    private static final double DEGREES_PER_PIXEL = 0.4;
    private static final double ZOOM_PER_SCROLL_PIXEL = 0.004;
    private static final double MAX_PITCH = 89;
    private static final double LABEL_OFFSET = 0.08;
    /**
     * Stands the cube on its black corner with white straight above it, so lightness reads
     * bottom to top and turning the view (yaw) walks round the hues. The grey diagonal is
     * (1, −1, −1) in scene axes (see {@link CubeSpace}); this turns it onto up, (0, −1, 0).
     */
    private static final double GREY_AXIS_TILT = Math.toDegrees(Math.acos(1 / Math.sqrt(3)));

    private final CubeSpace space = new CubeSpace(CUBE_SIDE);
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final CameraTransformer rig = new CameraTransformer();
    private final MeshView points = new MeshView();
    private final PhongMaterial pointMaterial = new PhongMaterial(Color.WHITE);
    private final MeshView frame = RgbCubeFrame.create(space);
    private final Group world = new Group();
    private final SubScene subScene;
    private final Pane axisLabels = new Pane();
    private final Text[] axisLabel = {
        text("R", Color.rgb(255, 92, 92), Font.font(null, FontWeight.BOLD, 16)),
        text("G", Color.rgb(92, 220, 92), Font.font(null, FontWeight.BOLD, 16)),
        text("B", Color.rgb(110, 150, 255), Font.font(null, FontWeight.BOLD, 16)),
    };
    private final Text placeholder = text(PLACEHOLDER, Color.gray(0.62), Font.font(15));
    private final Text legend = text("grey: before   ·   colour: after", Color.gray(0.75), Font.font(12));

    private double yaw = DEFAULT_YAW;
    private double pitch = DEFAULT_PITCH;
    private double zoom = 1;
    private double dragX;
    private double dragY;
    private int pointCount;

    public HistogramView() {
        setId("histogram-view");
        setBackground(new Background(new BackgroundFill(BACKGROUND, CornerRadii.EMPTY, Insets.EMPTY)));
        setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip); // zoomed in, axis labels may fall outside the panel

        points.setMaterial(pointMaterial);
        // 60 % ambient plus 40 % from a light at the camera: the middle of each point, facing
        // the viewer, shows exactly its bin colour; its sides darken, which shows its shape
        AmbientLight ambient = new AmbientLight(Color.gray(0.6));
        PointLight headlight = new PointLight(Color.gray(0.4));
        headlight.getScope().add(points);
        ambient.getScope().add(points);
        world.getChildren().addAll(frame, points, ambient);
        world.getTransforms().add(new Rotate(GREY_AXIS_TILT, new Point3D(-1, 0, -1)));

        camera.setNearClip(1);
        camera.setFarClip(20 * CUBE_SIDE);
        camera.setFieldOfView(FIELD_OF_VIEW);
        headlight.translateZProperty().bind(camera.translateZProperty());
        rig.getChildren().addAll(camera, headlight);
        Group root3d = new Group(world, rig);

        subScene = new SubScene(root3d, 1, 1, true, SceneAntialiasing.BALANCED);
        subScene.setId("histogram-scene");
        subScene.setFill(BACKGROUND);
        subScene.setCamera(camera);
        subScene.setManaged(false);
        subScene.widthProperty().bind(widthProperty());
        subScene.heightProperty().bind(heightProperty());

        axisLabels.getChildren().addAll(axisLabel);
        axisLabels.setMouseTransparent(true);
        placeholder.setId("histogram-placeholder");
        legend.setId("histogram-legend");
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(8, 10, 8, 10));
        getChildren().addAll(subScene, axisLabels, placeholder, legend);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        applyView();
        clear();
    }

    /**
     * Shows points made beforehand, off the FX thread ({@link HistogramPoints#of}): here they are
     * only copied into the mesh. Null or no points clears the view.
     */
    public void show(HistogramPoints shown) {
        if (shown == null || shown.isEmpty()) {
            clear();
            return;
        }
        HistogramMeshFactory.PointMesh built = HistogramMeshFactory.toMesh(shown.mesh());
        pointMaterial.setDiffuseMap(built.palette());
        points.setMesh(built.mesh());
        pointCount = shown.cloud().size();
        setShowing(true, shown.cloud().isOverlay());
    }

    /** Removes the points and shows the placeholder text. */
    public void clear() {
        points.setMesh(null);
        pointMaterial.setDiffuseMap(null);
        pointCount = 0;
        setShowing(false, false);
    }

    private void setShowing(boolean showing, boolean overlay) {
        if (!has3d) {
            // say why rather than show an empty box; the rest of the app works without 3D
            world.setVisible(false);
            axisLabels.setVisible(false);
            legend.setVisible(false);
            placeholder.setText(NO_3D);
            placeholder.setVisible(true);
            return;
        }
        world.setVisible(showing);
        axisLabels.setVisible(showing);
        placeholder.setVisible(!showing);
        legend.setVisible(showing && overlay);
    }

    public int pointCount() {
        return pointCount;
    }

    /** Turn about the vertical grey axis (black to white), in degrees: walks round the hues. */
    public double yaw() {
        return yaw;
    }

    /** Tilt about the horizontal axis, in degrees (negative looks down on the cube from above). */
    public double pitch() {
        return pitch;
    }

    /** Magnification, 1 for the first view, within [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
    public double zoom() {
        return zoom;
    }

    /** Back to the first view: the default angles at zoom 1. */
    public void resetView() {
        yaw = DEFAULT_YAW;
        pitch = DEFAULT_PITCH;
        zoom = 1;
        applyView();
    }

    private void onPress(MouseEvent e) {
        dragX = e.getSceneX();
        dragY = e.getSceneY();
    }

    private void onDrag(MouseEvent e) {
        yaw += (e.getSceneX() - dragX) * DEGREES_PER_PIXEL;
        pitch = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, pitch - (e.getSceneY() - dragY) * DEGREES_PER_PIXEL));
        dragX = e.getSceneX();
        dragY = e.getSceneY();
        applyView();
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
            resetView();
        }
    }

    private void onScroll(ScrollEvent e) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * Math.exp(e.getDeltaY() * ZOOM_PER_SCROLL_PIXEL)));
        applyView();
    }

    private void applyView() {
        rig.ry.setAngle(yaw);
        rig.rx.setAngle(pitch);
        camera.setTranslateZ(-BASE_DISTANCE / zoom);
        placeAxisLabels();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        subScene.relocate(0, 0);
        // the field of view applies to the shorter side, so the cube fits however the panel is shaped
        camera.setVerticalFieldOfView(getHeight() <= getWidth());
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

    /** Puts the 2D axis labels where the ends of the R, G and B axes project on the panel. */
    private void placeAxisLabels() {
        if (getScene() == null) {
            return;
        }
        double end = 1 + LABEL_OFFSET;
        Point3D[] ends = {space.at(end, 0, 0), space.at(0, end, 0), space.at(0, 0, end)};
        for (int i = 0; i < ends.length; i++) {
            Point3D inScene = world.localToScene(ends[i], true);
            Point2D local = axisLabels.sceneToLocal(inScene.getX(), inScene.getY());
            Bounds size = axisLabel[i].getLayoutBounds();
            axisLabel[i].relocate(local.getX() - size.getWidth() / 2, local.getY() - size.getHeight() / 2);
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
