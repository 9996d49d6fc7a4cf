package app.retone.ui.photo;

import java.util.List;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * One place the photo is drawn (the whole view, the split's right part, the right half side by
 * side): the original or the result, the result being a base image with a second image drawn
 * over it at an opacity; and over that, the full-resolution detail of a region of the photo,
 * drawn the same way. Its four image views are kept in step here and nowhere else: the second
 * image shows only over the result and only with its own base, the detail shows the same side
 * as the photo under it, and all four move and scale together.
 *
 * <p>Not a node itself: its views go into the parent that clips them ({@link #nodes()}).
 */
final class BlendLayer {

    /** What a layer shows. */
    enum Side {
        NOTHING, ORIGINAL, RESULT
    }

    /**
     * The photo, or a region of it: the original, and the result as {@code base} with {@code
     * over} drawn on it (over may be null; with no base the result is the original, alone).
     */
    record Images(Image original, Image base, Image over) {
        static final Images NONE = new Images(null, null, null);

        Image result() {
            return base != null ? base : original;
        }

        /** A second image goes only with its own base. */
        Image resultOver() {
            return base != null ? over : null;
        }
    }

    /** From 200 % on, the detail shows the photo's pixels themselves, not a blur of them. */
    static final double CRISP_ZOOM = 2;

    private final ImageView base = view();
    private final ImageView over = view();
    private final ImageView detail = view();
    private final ImageView detailOver = view();
    private Rectangle2D region;

    /**
     * @param name the views' ids: {@code photo-NAME}, {@code photo-NAME-over}, {@code detail-NAME},
     *     {@code detail-NAME-over}
     * @param overOpacity how much of the photo's second image shows
     * @param detailOverOpacity how much of the detail's second image shows
     */
    BlendLayer(String name, ObservableDoubleValue overOpacity, ObservableDoubleValue detailOverOpacity) {
        base.setId("photo-" + name);
        over.setId("photo-" + name + "-over");
        detail.setId("detail-" + name);
        detailOver.setId("detail-" + name + "-over");
        over.opacityProperty().bind(overOpacity);
        detailOver.opacityProperty().bind(detailOverOpacity);
        over.setMouseTransparent(true);
        detailOver.setMouseTransparent(true);
    }

    private static ImageView view() {
        ImageView view = new ImageView();
        view.setSmooth(true);
        view.setPreserveRatio(false);
        return view;
    }

    /** The views in drawing order: the photo, its second image, the detail, its second image. */
    List<Node> nodes() {
        return List.of(base, over, detail, detailOver);
    }

    /**
     * Shows {@code side} of {@code photo}, with {@code detail} (full-resolution images of {@code
     * region}, in photo pixels) over it; a null region or original shows no detail.
     */
    void show(Side side, Images photo, Images detailImages, Rectangle2D region) {
        boolean result = side == Side.RESULT;
        base.setImage(switch (side) {
            case NOTHING -> null;
            case ORIGINAL -> photo.original();
            case RESULT -> photo.result();
        });
        over.setImage(result ? photo.resultOver() : null);
        boolean hasDetail = side != Side.NOTHING && region != null && detailImages.original() != null;
        detail.setImage(!hasDetail ? null : result ? detailImages.result() : detailImages.original());
        detailOver.setImage(hasDetail && result ? detailImages.resultOver() : null);
        this.region = region;
    }

    /**
     * Draws the photo ({@code photoWidth × photoHeight} full-resolution pixels) at {@code zoom}
     * with its top left corner at {@code x, y}, and the detail over its region.
     */
    void place(double x, double y, double zoom, double photoWidth, double photoHeight) {
        for (ImageView view : new ImageView[] {base, over}) {
            view.setFitWidth(photoWidth * zoom);
            view.setFitHeight(photoHeight * zoom);
            view.relocate(x, y);
        }
        for (ImageView view : new ImageView[] {detail, detailOver}) {
            if (region != null) {
                view.setFitWidth(region.getWidth() * zoom);
                view.setFitHeight(region.getHeight() * zoom);
                view.relocate(x + region.getMinX() * zoom, y + region.getMinY() * zoom);
            }
            view.setSmooth(zoom < CRISP_ZOOM);
        }
    }
}
