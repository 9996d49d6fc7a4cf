package app.retone.cli;

import app.retone.core.render.Develop;
import app.retone.core.render.Develop.Adjustment;
import app.retone.core.render.LookTransfer;
import app.retone.core.render.PhotoSettings;
import app.retone.core.render.Strength;
import app.retone.core.render.TargetKind;
import app.retone.core.sidecar.Sidecar;
import app.retone.core.sidecar.SidecarException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The develop adjustments on the command line, and the photo's sidecar: what the app shows is what
 * these commands export. A photo's sidecar ({@code PHOTO.EXT.xmp}) is honoured unless
 * {@code --ignore-sidecar}; an option given here overrides the sidecar's value for that edit.
 */
final class EditOptions {

    @Option(names = "--exposure", paramLabel = "EV", description = "Exposure in stops, -5 to +5 (linear light times 2^EV).")
    Double exposure;

    @Option(names = "--contrast", paramLabel = "N", description = "Contrast, -100 to +100: the mid-tones' slope about mid-grey.")
    Double contrast;

    @Option(names = "--highlights", paramLabel = "N", description = "Highlights, -100 to +100: the upper quarter of the tones.")
    Double highlights;

    @Option(names = "--shadows", paramLabel = "N", description = "Shadows, -100 to +100: the lower quarter of the tones.")
    Double shadows;

    @Option(names = "--whites", paramLabel = "N", description = "Whites, -100 to +100: the white point.")
    Double whites;

    @Option(names = "--blacks", paramLabel = "N", description = "Blacks, -100 to +100: the black point.")
    Double blacks;

    @Option(names = "--temperature", paramLabel = "N", description = "Temperature, -100 (cooler) to +100 (warmer), in mired.")
    Double temperature;

    @Option(names = "--tint", paramLabel = "N", description = "Tint, -100 (greener) to +100 (more magenta).")
    Double tint;

    @Option(names = "--vibrance", paramLabel = "N", description = "Vibrance, -100 to +100: the duller colours' saturation most.")
    Double vibrance;

    @Option(names = "--saturation", paramLabel = "N", description = "Saturation, -100 (grey) to +100.")
    Double saturation;

    @Option(names = "--ignore-sidecar", description = "Leave each photo's sidecar (PHOTO.EXT.xmp, the app's edits) unread.")
    boolean ignoreSidecar;

    @Option(names = "--save-sidecar", description = "Write the edits used beside each photo as its sidecar, for the app"
            + " and for other programs (its rating kept); the photo itself is never written.")
    boolean saveSidecar;

    /** The adjustments given on the command line, by the one list of them. */
    Map<Adjustment, Double> given() {
        Map<Adjustment, Double> out = new EnumMap<>(Adjustment.class);
        Double[] values = {temperature, tint, exposure, contrast, highlights, shadows, whites, blacks, vibrance, saturation};
        Adjustment[] order = Adjustment.values();
        for (int i = 0; i < order.length; i++) {
            if (values[i] != null) {
                out.put(order[i], values[i]);
            }
        }
        return out;
    }

    void validate(CommandLine commandLine) {
        for (Map.Entry<Adjustment, Double> e : given().entrySet()) {
            if (!e.getKey().isValid(e.getValue())) {
                throw new CommandLine.ParameterException(commandLine, "--" + e.getKey().id() + ": "
                        + Develop.outOfRange(e.getKey(), e.getValue()));
            }
        }
        if (ignoreSidecar && saveSidecar) {
            throw new CommandLine.ParameterException(commandLine, "--ignore-sidecar and --save-sidecar together would"
                    + " replace the photo's edits with the command line's alone; give one of them");
        }
    }

    /** The photo's sidecar, or empty when there is none, it is ignored, or it cannot be used (said once on {@code err}). */
    Optional<PhotoSettings> stored(Path photo, PrintWriter err) {
        if (ignoreSidecar) {
            return Optional.empty();
        }
        try {
            return Sidecar.read(photo);
        } catch (SidecarException e) {
            err.println("retone: warning: " + e.getMessage() + "; the photo is rendered without its edits and the sidecar"
                    + " is left as it is");
            return Optional.empty();
        }
    }

    /**
     * The edits one photo is rendered with: each from the command line when given there, else from
     * the photo's sidecar, else the default. {@code look} is the command's own look when it has one
     * (transfer's reference), else null: the sidecar's, else the model's.
     *
     * @param strength     --strength, or null when not given
     * @param regrain      --regrain/--no-regrain, or null when not given
     * @param transfer     how the model's look is made (its regrain default)
     */
    PhotoSettings settingsFor(Optional<PhotoSettings> stored, PhotoSettings look, Double strength, Boolean regrain,
                              LookTransfer transfer) {
        PhotoSettings base = stored.orElse(null);
        TargetKind kind = look != null ? look.kind() : base != null ? base.kind() : TargetKind.MODEL;
        Path reference = look != null ? look.reference() : base != null ? base.reference() : null;
        boolean lookChanged = base == null || base.kind() != kind || !java.util.Objects.equals(base.reference(), reference);
        boolean regrainDefault = kind == TargetKind.REFERENCE ? LookTransfer.PITIE.regrainByDefault() : transfer.regrainByDefault();
        boolean regrainUsed = regrain != null ? regrain : !lookChanged ? base.regrain() : regrainDefault;
        double strengthUsed = strength != null ? strength : base != null ? base.strength() : Strength.DEFAULT;
        Develop develop = base != null ? base.develop() : Develop.NEUTRAL;
        for (Map.Entry<Adjustment, Double> e : given().entrySet()) {
            develop = develop.with(e.getKey(), e.getValue());
        }
        return new PhotoSettings(kind, reference, strengthUsed, regrainUsed, develop, base != null ? base.rating() : 0);
    }

    /** Writes the edits used as the photo's sidecar, when asked: a failure is a warning, the export stands. */
    void save(Path photo, Optional<PhotoSettings> stored, PhotoSettings used, PrintWriter err) {
        if (!saveSidecar) {
            return;
        }
        try {
            app.retone.core.sidecar.ConcurrentEdits.save(photo, stored.orElse(used), used);
        } catch (SidecarException e) {
            err.println("retone: warning: " + e.getMessage());
        }
    }

    /** "exposure +0.50 EV, contrast +20" for a summary line; "" without adjustments. */
    static String describe(Develop develop) {
        StringBuilder sb = new StringBuilder();
        for (Adjustment a : Adjustment.values()) {
            if (develop.get(a) != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(a.id()).append(' ').append(a.format(develop.get(a)));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
