package app.retone.core.render;

import app.retone.core.color.ColorLut3D;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * How a photo is rendered, the one recipe of the preview and every export: the look's LUT scaled
 * by the strength (identity + s · (LUT − identity)), the develop adjustments after it, both folded
 * into one 3D LUT ({@link #lut}), then regrain when asked.
 *
 * @param look     the look's LUT (the model's or a reference's), or identity for none
 * @param strength within {@link Strength}'s range: it scales the look, not the adjustments
 * @param develop  the adjustments, applied as set at any strength
 * @param regrain  whether the look's correction is regrained
 */
public record Recipe(ColorLut3D look, double strength, Develop develop, boolean regrain) {

    public Recipe {
        Objects.requireNonNull(look, "look");
        Objects.requireNonNull(develop, "develop");
        Strength.check(strength);
    }

    /** A look at a strength, without adjustments. */
    public static Recipe of(ColorLut3D look, double strength, boolean regrain) {
        return new Recipe(look, strength, Develop.NEUTRAL, regrain);
    }

    /**
     * Nodes per side of the LUT the adjustments are folded into: their curves (a saturated colour
     * near the gamut's edge above all) need a finer lattice than a look's 33: measured against the
     * exact operation over the whole cube, 65 nodes keep the worst node-to-node error near 4 levels
     * where 33 leave 11 (DevelopTest).
     */
    public static final int DEVELOP_LUT_SIZE = 65;

    /**
     * Nodes per side a live preview folds the adjustments into while a slider moves: a quarter of
     * the work of {@link #DEVELOP_LUT_SIZE}; at rest the preview uses the export's own {@link #lut()}.
     */
    public static final int LIVE_LUT_SIZE = ColorLut3D.DEFAULT_SIZE;

    /**
     * Nodes per side while a develop slider is being dragged: an eighth of the folding of {@link
     * #LIVE_LUT_SIZE}, which took most of a drag's frame for a 24 MP photo; the frame the slider
     * rests on is folded at {@link #LIVE_LUT_SIZE} at once, then the export's own pixels follow.
     */
    public static final int DRAG_LUT_SIZE = 17;

    /** The LUT the screen paints with: {@link #DRAG_LUT_SIZE} nodes a side while a slider is dragged, else {@link #LIVE_LUT_SIZE}. */
    public ColorLut3D screenLut(boolean dragging) {
        return lut(dragging ? DRAG_LUT_SIZE : LIVE_LUT_SIZE);
    }

    /**
     * The look at its strength with the adjustments applied to every node: the LUT the photo is
     * rendered with ({@link #DEVELOP_LUT_SIZE} nodes a side at least when there are adjustments).
     */
    public ColorLut3D lut() {
        return lut(develop.isNeutral() ? look.size() : Math.max(look.size(), DEVELOP_LUT_SIZE));
    }

    /** The same on a lattice of {@code size}³ nodes (the look resampled to it when it has another size). */
    public ColorLut3D lut(int size) {
        ColorLut3D scaled = look.withStrength(strength).resampled(size);
        if (develop.isNeutral()) {
            return scaled;
        }
        Develop.Operation operation = develop.operation();
        float[] nodes = scaled.nodes();
        int count = nodes.length / 3;
        IntStream.range(0, count).parallel().forEach(i -> {
            double[] rgb = {nodes[3 * i], nodes[3 * i + 1], nodes[3 * i + 2]};
            operation.applyEncoded(rgb);
            nodes[3 * i] = (float) rgb[0];
            nodes[3 * i + 1] = (float) rgb[1];
            nodes[3 * i + 2] = (float) rgb[2];
        });
        return ColorLut3D.of(scaled.size(), nodes);
    }

    /** True when the recipe changes nothing (strength 0 or no look, no adjustments). */
    public boolean isIdentity() {
        return develop.isNeutral() && (strength == 0 || look.isIdentity());
    }

    public Recipe withStrength(double s) {
        return new Recipe(look, s, develop, regrain);
    }

    public Recipe withDevelop(Develop d) {
        return new Recipe(look, strength, d, regrain);
    }

    public Recipe withRegrain(boolean r) {
        return new Recipe(look, strength, develop, r);
    }
}
