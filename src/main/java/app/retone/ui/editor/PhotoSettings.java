package app.retone.ui.editor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user chose for one photo: the model's look or a reference photo's, the strength and
 * regrain. Read from the editor for the photo on screen ({@link EditorViewModel#photoSettings()})
 * and applied to it ({@link EditorViewModel#apply}) or given with a photo to show
 * ({@link EditorViewModel#show}); a folder of photos keeps one per photo.
 *
 * @param kind      the model's prediction, or a reference photo's look
 * @param reference the reference photo for {@link TargetKind#REFERENCE}; null for the model
 * @param strength  0..{@link EditorViewModel#MAX_STRENGTH}; 1 is the full transfer
 * @param regrain   whether the photo's fine detail is put back into the result
 */
public record PhotoSettings(TargetKind kind, Path reference, double strength, boolean regrain) {

    /** The model's look at full strength, regrain as the default transfer has it: what a photo opened for the first time gets. */
    public static final PhotoSettings DEFAULT = new PhotoSettings(TargetKind.MODEL, null, EditorViewModel.DEFAULT_STRENGTH,
            app.retone.predict.LookTransfer.DEFAULT.regrainByDefault());

    public PhotoSettings {
        Objects.requireNonNull(kind);
        if (kind == TargetKind.REFERENCE && reference == null) {
            throw new IllegalArgumentException("a reference look needs its reference photo");
        }
        if (kind == TargetKind.MODEL) {
            reference = null;
        }
        if (!(strength >= 0 && strength <= EditorViewModel.MAX_STRENGTH)) {
            throw new IllegalArgumentException("strength out of 0.." + EditorViewModel.MAX_STRENGTH + ": " + strength);
        }
    }

    /** Whether {@code other} asks for the same look (kind and reference), whatever its strength and regrain. */
    public boolean sameLookAs(PhotoSettings other) {
        return kind == other.kind && java.util.Objects.equals(reference, other.reference);
    }

    /** The model's look at {@code strength}. */
    public static PhotoSettings model(double strength, boolean regrain) {
        return new PhotoSettings(TargetKind.MODEL, null, strength, regrain);
    }

    /** The look of {@code reference} at {@code strength}. */
    public static PhotoSettings reference(Path reference, double strength, boolean regrain) {
        return new PhotoSettings(TargetKind.REFERENCE, reference, strength, regrain);
    }
}
