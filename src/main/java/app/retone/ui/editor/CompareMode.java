package app.retone.ui.editor;

/** How the photo view shows the result against the original. */
public enum CompareMode {
    /** The result alone (hold the compare key to see the original). */
    RESULT("Result"),
    /** Original and result next to each other, zoom and pan in step. */
    SIDE_BY_SIDE("Side by side"),
    /** One view, the original left of a draggable divider and the result right of it. */
    SPLIT("Split");

    private final String label;

    CompareMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
