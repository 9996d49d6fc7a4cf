package app.retone.core.edit;

/**
 * A "bad edit" applied to a good photo, to make training and evaluation pairs: one family's draw
 * ({@link EditFamily}). Immutable; applying it never changes its input.
 */
public interface PhotoEdit {

    /** The edited pixels (packed ARGB, alpha passed through), a new array. */
    int[] apply(int[] argb);

    /** True when the edit leaves every pixel as it is. */
    boolean isIdentity();
}
