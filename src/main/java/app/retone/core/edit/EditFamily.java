package app.retone.core.edit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The families of bad edits Retone learns to undo, and is judged on: the seed project's random
 * edits ({@link RandomEdits}), what cameras get wrong ({@link CameraEdits}), or both, half and half.
 * One rule for {@code dataset} and {@code eval}.
 */
public enum EditFamily {
    SEED("seed"),
    CAMERA("camera"),
    BOTH("both");

    private final String id;

    EditFamily(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<EditFamily> fromId(String id) {
        for (EditFamily f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** One edit as this family draws it (unedited now and then, as each family's draw leaves some photos alone). */
    public PhotoEdit draw(SplittableRandom random) {
        return switch (this) {
            case SEED -> RandomEdits.draw(random);
            case CAMERA -> CameraEdits.draw(random);
            case BOTH -> random.nextBoolean() ? RandomEdits.draw(random) : CameraEdits.draw(random);
        };
    }

    /** One edit that changes something (the unedited draws measure nothing in an evaluation). */
    public PhotoEdit drawChanging(SplittableRandom random) {
        PhotoEdit edit = draw(random);
        while (edit.isIdentity()) {
            edit = draw(random);
        }
        return edit;
    }

    /** The names of this family's steps, in order (both families' for {@link #BOTH}). */
    public List<String> stepNames() {
        return switch (this) {
            case SEED -> seedSteps();
            case CAMERA -> cameraSteps();
            case BOTH -> {
                List<String> all = new java.util.ArrayList<>(seedSteps());
                all.addAll(cameraSteps());
                yield List.copyOf(all);
            }
        };
    }

    /** An edit of step {@code index} of {@link #stepNames()} alone, that changes something. */
    public PhotoEdit drawStep(SplittableRandom random, int index) {
        List<String> seed = seedSteps();
        boolean seedStep = this == SEED || (this == BOTH && index < seed.size());
        PhotoEdit edit;
        do {
            edit = seedStep ? RandomEdits.draw(random).only(EditParameters.Step.values()[index])
                    : CameraEdits.draw(random).only(CameraEdit.Step.values()[this == BOTH ? index - seed.size() : index]);
        } while (edit.isIdentity());
        return edit;
    }

    private static List<String> seedSteps() {
        return java.util.Arrays.stream(EditParameters.Step.values()).map(s -> name(s.name())).toList();
    }

    private static List<String> cameraSteps() {
        return java.util.Arrays.stream(CameraEdit.Step.values()).map(s -> name(s.name())).toList();
    }

    private static String name(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
