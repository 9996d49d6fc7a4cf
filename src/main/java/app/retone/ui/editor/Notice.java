package app.retone.ui.editor;

/** Something the user must be told: what happened and, specifically, why. */
public record Notice(Severity severity, String title, String text) {

    public enum Severity {
        INFO, WARNING, ERROR
    }

    public static Notice error(String title, String text) {
        return new Notice(Severity.ERROR, title, text);
    }

    public static Notice warning(String title, String text) {
        return new Notice(Severity.WARNING, title, text);
    }

    public static Notice info(String title, String text) {
        return new Notice(Severity.INFO, title, text);
    }
}
