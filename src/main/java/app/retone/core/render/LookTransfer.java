package app.retone.core.render;

import app.retone.core.color.PdfTransfer;
import java.util.Locale;
import java.util.Optional;

/**
 * How the automatic look moves a photo's colours onto the model's predicted histogram.
 *
 * <p>{@link #CURVES} matches each channel's distribution to the prediction's: one step of Pitié's
 * transfer along R, G and B themselves, which applies the tone curves the model predicted directly.
 * {@link #PITIE} is the full 3D transfer (25 rotations), the seed's design. Both end in the same
 * kind of 3D LUT, so strength, regrain, preview and export are the same for either.
 */
public enum LookTransfer {
    CURVES("curves", 1, false),
    PITIE("pitie", PdfTransfer.DEFAULT_ITERATIONS, true);

    /** What the app and the command line use unless told otherwise: measured the better by 'retone eval'. */
    public static final String DEFAULT_ID = "curves";
    public static final LookTransfer DEFAULT = fromId(DEFAULT_ID).orElseThrow();

    private final String id;
    private final int iterations;
    private final boolean regrainByDefault;

    LookTransfer(String id, int iterations, boolean regrainByDefault) {
        this.id = id;
        this.iterations = iterations;
        this.regrainByDefault = regrainByDefault;
    }

    /**
     * Whether regrain is on unless the user says otherwise, the one rule for the app, the command line
     * and a batch: off for the curves, whose monotone maps cannot create the artefacts regrain removes
     * (measured: regrain off scores better on every set, and moves good photos less), on for Pitié's
     * 3D transfer, whose rotations can (a reference look is always Pitié's). docs/model.md ("Regrain")
     * has the earlier measurement; the figures behind this default are not recorded there.
     */
    public boolean regrainByDefault() {
        return regrainByDefault;
    }

    /** The name used on the command line and in settings. */
    public String id() {
        return id;
    }

    public PdfTransfer create(int lutSize) {
        return new PdfTransfer(iterations, lutSize);
    }

    public static Optional<LookTransfer> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (LookTransfer t : values()) {
            if (t.id.equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
