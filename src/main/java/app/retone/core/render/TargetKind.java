package app.retone.core.render;

/** Where the target histogram comes from. */
public enum TargetKind {
    /** The network's prediction. */
    MODEL,
    /** Another photo whose look is matched. */
    REFERENCE
}
