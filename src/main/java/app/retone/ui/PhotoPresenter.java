package app.retone.ui;

import app.retone.ui.editor.BlendFrame;
import app.retone.ui.editor.DetailFrame;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.PreviewFrame;
import app.retone.ui.photo.PhotoView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.util.Duration;

/**
 * Shows the editor's frames in the {@link PhotoView}: the original and the result of the display
 * copy, the full-resolution detail once the view rests past the display copy's zoom, and the zoom
 * in its label. Keeps only the images the frames on screen need.
 */
final class PhotoPresenter {

    private final EditorViewModel viewModel;
    private final PhotoView photoView;
    private final Label zoomLabel;
    /** Images of the display copy's frames (the original among them), and of the detail's. */
    private final FrameImages displayImages = new FrameImages();
    private final FrameImages detailImages = new FrameImages();
    /** The image of the detail's original on display. */
    private Image detailOriginal;
    private final PauseTransition detailDelay = new PauseTransition(Duration.millis(120));

    PhotoPresenter(EditorViewModel viewModel, PhotoView photoView, Label zoomLabel) {
        this.viewModel = viewModel;
        this.photoView = photoView;
        this.zoomLabel = zoomLabel;
    }

    void bind() {
        var session = viewModel.session();
        session.beforeProperty().addListener((obs, old, frame) -> {
            retainDisplayImages();
            photoView.beforeProperty().set(displayImages.show(frame, FrameImages.Role.ORIGINAL));
        });
        viewModel.preview().afterProperty().addListener((obs, old, result) -> {
            retainDisplayImages();
            photoView.setAfter(result == null ? null : displayImages.show(result.base(), FrameImages.Role.RESULT),
                    result == null ? null : displayImages.show(result.over(), FrameImages.Role.OVER),
                    result == null ? 0 : result.opacity());
        });
        session.preparedProperty().addListener((obs, old, photo) -> {
            if (photo != null) {
                photoView.setPhotoSize(photo.width(), photo.height());
                detailDelay.playFromStart(); // a photo of the same size at the same zoom still needs its own detail
            }
            updateZoomLabel();
        });
        photoView.showOriginalProperty().bind(viewModel.showOriginalProperty());
        // zoomed past the display copy: once the view rests, full-resolution pixels of what is in view
        detailDelay.setOnFinished(e -> {
            Rectangle2D region = photoView.visibleRegionProperty().get();
            if (region != null && photoView.needsDetail()) {
                viewModel.detail().requestDetail(region.getMinX(), region.getMinY(), region.getWidth(),
                        region.getHeight(), photoView.deviceZoom());
            } else {
                viewModel.detail().clearDetail();
            }
        });
        photoView.visibleRegionProperty().addListener((obs, old, now) -> detailDelay.playFromStart());
        viewModel.detail().detailProperty().addListener((obs, old, detail) -> showDetail(old, detail));
        photoView.zoomProperty().addListener((obs, old, z) -> updateZoomLabel());
        photoView.fittingProperty().addListener((obs, old, f) -> updateZoomLabel());
    }

    private void showDetail(DetailFrame old, DetailFrame detail) {
        if (detail == null) {
            photoView.setDetail(null, null, null, 0, null);
            detailImages.retain(List.of()); // let go of the large arrays
            detailOriginal = null;
            return;
        }
        BlendFrame result = detail.after();
        detailImages.retain(withFrame(result.frames(), detail.before()));
        if (old == null || old.before() != detail.before()) {
            // a slider move keeps the region's original: a transparent one is not copied again
            detailOriginal = detailImages.show(detail.before(), FrameImages.Role.ORIGINAL);
        }
        photoView.setDetail(detailOriginal, detailImages.show(result.base(), FrameImages.Role.RESULT),
                detailImages.show(result.over(), FrameImages.Role.OVER), result.opacity(),
                new Rectangle2D(detail.x(), detail.y(), detail.regionWidth(), detail.regionHeight()));
    }

    /**
     * Keeps the images of the original and of the frames the result's blends draw from, and lets
     * go of any others: a slider move then sets the opacity of frames the GPU already holds.
     */
    private void retainDisplayImages() {
        BlendFrame result = viewModel.preview().afterProperty().get();
        displayImages.retain(withFrame(result == null ? List.of() : result.frames(),
                viewModel.session().beforeProperty().get()));
    }

    private static List<PreviewFrame> withFrame(List<PreviewFrame> frames, PreviewFrame frame) {
        List<PreviewFrame> all = new ArrayList<>(frames);
        all.add(frame);
        return all;
    }

    private void updateZoomLabel() {
        if (viewModel.session().current() == null) {
            zoomLabel.setText("");
            return;
        }
        String percent = String.format(Locale.ROOT, "%.0f %%", photoView.zoomProperty().get() * 100);
        zoomLabel.setText(photoView.fittingProperty().get() ? "Fit (" + percent + ")" : percent);
    }
}
