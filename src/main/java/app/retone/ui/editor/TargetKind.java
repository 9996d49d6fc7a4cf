package app.retone.ui.editor;

/** Where the target histogram comes from. */
public enum TargetKind {
    /** The network's prediction. */
    MODEL,
    /** Another photo whose look is matched. */
    REFERENCE
}
