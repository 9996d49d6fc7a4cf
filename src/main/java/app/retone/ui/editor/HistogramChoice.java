package app.retone.ui.editor;

/** Which histogram the 3D panel shows. */
public enum HistogramChoice {
    SOURCE("Source"),
    TARGET("Target"),
    RESULT("Result"),
    /** Source (grey) against result (in colour). */
    OVERLAY("Source vs result");

    private final String label;

    HistogramChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
