package app.retone.ui.folder;

/** The orders a folder's photos can be shown in. */
public enum PhotoOrder {
    NAME,
    DATE_TAKEN
}
