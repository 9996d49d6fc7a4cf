package app.retone.ui.histogram;

import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.MeshView;
import javafx.scene.transform.Rotate;
import org.fxyz3d.utils.CameraTransformer;

/**
 * The histogram cloud as a JavaFX 3D scene, drawn by the GPU: all points one mesh of small
 * octahedra (so even tens of thousands of bins rebuild in a few milliseconds, see
 * {@code HistogramMeshBenchmark}), the cube's frame as a mesh of bars, lit by an ambient light
 * and a light at the eye, seen through FXyz3D's camera rig set from {@link CloudCamera}. Made
 * only where JavaFX has a 3D pipeline ({@link HistogramRenderer}).
 */
final class CloudScene3D implements CloudDrawing {

    private final CloudCamera camera;
    private final PerspectiveCamera eye = new PerspectiveCamera(true);
    private final CameraTransformer rig = new CameraTransformer();
    private final MeshView points = new MeshView();
    private final PhongMaterial pointMaterial = new PhongMaterial(Color.WHITE);
    private final Group world = new Group();
    private final SubScene subScene;

    CloudScene3D(CloudCamera camera) {
        this.camera = camera;
        CubeSpace space = new CubeSpace(CloudCamera.CUBE_SIDE);
        points.setMaterial(pointMaterial);
        AmbientLight ambient = new AmbientLight(Color.gray(CloudCamera.AMBIENT_LIGHT));
        PointLight headlight = new PointLight(Color.gray(CloudCamera.HEADLIGHT));
        headlight.getScope().add(points);
        ambient.getScope().add(points);
        world.getChildren().addAll(RgbCubeFrame.create(space), points, ambient);
        double[] tilt = CloudCamera.TILT_AXIS;
        world.getTransforms().add(new Rotate(CloudCamera.GREY_AXIS_TILT, new Point3D(tilt[0], tilt[1], tilt[2])));

        eye.setNearClip(CloudCamera.NEAR_CLIP);
        eye.setFarClip(CloudCamera.FAR_CLIP);
        eye.setFieldOfView(CloudCamera.FIELD_OF_VIEW);
        headlight.translateZProperty().bind(eye.translateZProperty());
        rig.getChildren().addAll(eye, headlight);

        subScene = new SubScene(new Group(world, rig), 1, 1, true, SceneAntialiasing.BALANCED);
        subScene.setId("histogram-scene");
        subScene.setFill(HistogramBackground.COLOR);
        subScene.setCamera(eye);
        subScene.setManaged(false);
        viewChanged();
    }

    @Override
    public Node node() {
        return subScene;
    }

    /** Only the bulk copy of the mesh made off the FX thread ({@link HistogramPoints#of}) happens here. */
    @Override
    public void show(HistogramPoints shown) {
        HistogramMeshFactory.MeshArrays arrays = shown.mesh() != null ? shown.mesh()
                : HistogramMeshFactory.arrays(shown.cloud(), CloudCamera.CUBE_SIDE);
        HistogramMeshFactory.PointMesh built = HistogramMeshFactory.toMesh(arrays);
        pointMaterial.setDiffuseMap(built.palette());
        points.setMesh(built.mesh());
    }

    @Override
    public void clear() {
        points.setMesh(null);
        pointMaterial.setDiffuseMap(null);
    }

    @Override
    public void viewChanged() {
        rig.ry.setAngle(camera.yaw());
        rig.rx.setAngle(camera.pitch());
        eye.setTranslateZ(-camera.distance());
    }

    @Override
    public void layout(double width, double height) {
        subScene.setWidth(width);
        subScene.setHeight(height);
        subScene.relocate(0, 0);
        eye.setVerticalFieldOfView(CloudCamera.verticalFieldOfView(width, height));
    }
}
