package app.retone.ui.editor;

import app.retone.core.render.PhotoSettings;
import app.retone.core.render.TargetKind;
import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;

/**
 * The photo on screen's settings as the editor's controls hold them (the look's kind and
 * reference, strength, regrain, adjustments, stars): read as one {@link PhotoSettings}, and set
 * from one.
 */
final class ScreenSettings {

    private final PhotoSession session;
    private final LookViewModel look;
    private final Adjustments adjustments;
    private final DevelopViewModel develop;
    private final IntegerProperty rating;

    ScreenSettings(PhotoSession session, LookViewModel look, Adjustments adjustments, DevelopViewModel develop,
                   IntegerProperty rating) {
        this.session = session;
        this.look = look;
        this.adjustments = adjustments;
        this.develop = develop;
        this.rating = rating;
    }

    /** What the user chose for the photo on screen: the kind of the look applied last (with its reference), and the rest. */
    PhotoSettings current() {
        return new PhotoSettings(look.targetKindProperty().get(), look.referencePathProperty().get(),
                adjustments.strength(), adjustments.regrain(), develop.develop(), rating.get());
    }

    /** Sets the controls (strength, regrain, adjustments, stars), not the look. */
    void setControls(PhotoSettings settings) {
        adjustments.strengthProperty().set(settings.strength());
        adjustments.regrainProperty().set(settings.regrain());
        develop.set(settings.develop());
        rating.set(settings.rating());
    }

    /**
     * Applies {@code settings}: the controls at once, then the model's look ({@link
     * LookViewModel#useModel}) or that reference's (matched in the background unless it is the one
     * on screen). With no photo open only the controls are kept.
     */
    void apply(PhotoSettings settings) {
        setControls(settings);
        if (settings.kind() == TargetKind.MODEL) {
            look.useModel();
        } else if (session.current() != null && !(look.targetKindProperty().get() == TargetKind.REFERENCE
                && look.hasLookProperty().get() && settings.reference().equals(look.referencePathProperty().get()))) {
            look.matchReference(settings.reference());
        }
    }

    /**
     * What the next photo opened alone gets: the strength, regrain and adjustments of the photo on
     * screen, and its reference if its look is made (else the model's); unrated.
     */
    PhotoSettings carried() {
        Path reference = look.carriedReference();
        PhotoSettings carried = reference == null ? PhotoSettings.model(adjustments.strength(), adjustments.regrain())
                : PhotoSettings.reference(reference, adjustments.strength(), adjustments.regrain());
        return carried.withDevelop(develop.develop());
    }
}
