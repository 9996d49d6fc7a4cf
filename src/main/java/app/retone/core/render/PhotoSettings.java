package app.retone.core.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user chose for one photo: the model's look or a reference photo's, its strength and
 * regrain, the develop adjustments after it, and a star rating. The app keeps one per photo, a
 * sidecar beside the photo stores it, the command line reads it from there: one record for all.
 *
 * @param kind      the model's prediction, or a reference photo's look
 * @param reference the reference photo for {@link TargetKind#REFERENCE}; null for the model
 * @param strength  within {@link Strength}'s range; 1 is the full look
 * @param regrain   whether the look's correction is regrained
 * @param develop   the develop adjustments, applied after the look at any strength
 * @param rating    stars, 0 (unrated) to 5
 */
public record PhotoSettings(TargetKind kind, Path reference, double strength, boolean regrain, Develop develop, int rating) {

    public static final int MAX_RATING = 5;

    /**
     * The model's look at full strength, regrain as the default transfer has it, no adjustments,
     * unrated: what a photo opened for the first time gets.
     */
    public static final PhotoSettings DEFAULT = new PhotoSettings(TargetKind.MODEL, null, Strength.DEFAULT,
            LookTransfer.DEFAULT.regrainByDefault(), Develop.NEUTRAL, 0);

    public PhotoSettings {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(develop);
        if (kind == TargetKind.REFERENCE && reference == null) {
            throw new IllegalArgumentException("a reference look needs its reference photo");
        }
        if (kind == TargetKind.MODEL) {
            reference = null;
        }
        Strength.check(strength);
        if (rating < 0 || rating > MAX_RATING) {
            throw new IllegalArgumentException("a rating is 0 to " + MAX_RATING + " stars, got " + rating);
        }
    }

    /** The look, strength and regrain of before adjustments existed: no adjustments, unrated. */
    public PhotoSettings(TargetKind kind, Path reference, double strength, boolean regrain) {
        this(kind, reference, strength, regrain, Develop.NEUTRAL, 0);
    }

    /** How a photo with these settings is rendered, given its look's LUT: the one recipe of the app, the batch and the command line. */
    public Recipe recipe(app.retone.core.color.ColorLut3D look) {
        return new Recipe(look, strength, develop, regrain);
    }

    /** Whether {@code other} asks for the same look (kind and reference), whatever its strength, regrain and adjustments. */
    public boolean sameLookAs(PhotoSettings other) {
        return kind == other.kind && Objects.equals(reference, other.reference);
    }

    /** The model's look at {@code strength}. */
    public static PhotoSettings model(double strength, boolean regrain) {
        return new PhotoSettings(TargetKind.MODEL, null, strength, regrain);
    }

    /** The look of {@code reference} at {@code strength}. */
    public static PhotoSettings reference(Path reference, double strength, boolean regrain) {
        return new PhotoSettings(TargetKind.REFERENCE, reference, strength, regrain);
    }

    public PhotoSettings withStrength(double s) {
        return new PhotoSettings(kind, reference, s, regrain, develop, rating);
    }

    public PhotoSettings withRegrain(boolean r) {
        return new PhotoSettings(kind, reference, strength, r, develop, rating);
    }

    public PhotoSettings withDevelop(Develop d) {
        return new PhotoSettings(kind, reference, strength, regrain, d, rating);
    }

    public PhotoSettings withRating(int stars) {
        return new PhotoSettings(kind, reference, strength, regrain, develop, stars);
    }

    /** The same look choice and rating with {@code other}'s strength, regrain and adjustments (a paste keeps the photo's own stars). */
    public PhotoSettings pastedFrom(PhotoSettings other) {
        return new PhotoSettings(other.kind, other.reference, other.strength, other.regrain, other.develop, rating);
    }
}
