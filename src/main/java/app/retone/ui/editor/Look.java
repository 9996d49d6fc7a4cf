package app.retone.ui.editor;

import app.retone.core.render.TargetKind;
import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.color.StrengthPreview;
import app.retone.core.render.LookTransfer;
import java.nio.file.Path;

/**
 * A look ready to apply to one prepared photo: where it came from, its target histogram, the
 * LUT, and the slider's fast paths for that photo (the display copy at any strength, and the
 * model-sized copy's repaint, whose histogram is shown). Made off the UI thread by
 * {@link PhotoPipeline#predictLook} or {@link PhotoPipeline#matchLook}, and applied by the
 * editor only to the photo it was made for. Immutable.
 */
public final class Look {

    private final PreparedPhoto photo;
    private final TargetKind kind;
    private final String name;
    private final Path reference;
    private final LookTransfer transfer;
    private final Histogram3D target;
    private final ColorLut3D lut;
    private final StrengthView display;
    private final boolean regrained;
    private final boolean exact;
    private final StrengthPreview modelCopyPreview;

    Look(PreparedPhoto photo, TargetKind kind, String name, Path reference, LookTransfer transfer, Histogram3D target,
         ColorLut3D lut, StrengthView display, boolean regrained, boolean exact, StrengthPreview modelCopyPreview) {
        this.regrained = regrained;
        this.exact = exact;
        this.photo = photo;
        this.kind = kind;
        this.name = name;
        this.reference = reference;
        this.transfer = transfer;
        this.target = target;
        this.lut = lut;
        this.display = display;
        this.modelCopyPreview = modelCopyPreview;
    }

    /** The photo this look was made for (its fast paths are that photo's). */
    public PreparedPhoto photo() {
        return photo;
    }

    public TargetKind kind() {
        return kind;
    }

    /** "the model", or the reference photo's file name. */
    public String name() {
        return name;
    }

    /** The reference photo whose look this is; null for the model's. */
    public Path reference() {
        return reference;
    }

    /** The transfer that made the model's LUT; null for a reference's (always the full Pitié transfer). */
    public LookTransfer transfer() {
        return transfer;
    }

    public Histogram3D target() {
        return target;
    }

    public ColorLut3D lut() {
        return lut;
    }

    /**
     * "Automatic (predicted by the model)" or "The colours of beach.jpg, by the 3D transfer
     * (Pitié)": a reference is always matched by Pitié's transfer, and the panel says so.
     */
    public String description() {
        return kind == TargetKind.MODEL ? "Automatic (predicted by the model)"
                : "The colours of " + name + ", by the 3D transfer (Pitié)";
    }

    StrengthView display() {
        return display;
    }

    /** Whether the display copy's fast path is regrained (as an export with regrain on is). */
    public boolean regrained() {
        return regrained;
    }

    /**
     * Whether the display copy's fast path is the export's own pixels reduced ({@link
     * app.retone.core.render.PreviewRender}), not the look applied to the reduced copy (quick, and
     * within a level or so of it).
     */
    public boolean exact() {
        return exact;
    }

    /** The same look with another fast path for the display copy. */
    Look withDisplay(StrengthView newDisplay, boolean newRegrained, boolean newExact) {
        return new Look(photo, kind, name, reference, transfer, target, lut, newDisplay, newRegrained, newExact, modelCopyPreview);
    }

    StrengthPreview modelCopyPreview() {
        return modelCopyPreview;
    }
}
