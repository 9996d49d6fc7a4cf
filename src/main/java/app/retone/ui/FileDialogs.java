package app.retone.ui;

import app.retone.core.image.ExportOptions;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The questions the window asks the user through the system's dialogs. An interface, so that
 * UI tests can answer them without a native file chooser.
 */
public interface FileDialogs {

    /** Where to write an export, and how. */
    record ExportRequest(Path destination, ExportOptions options) {
    }

    Optional<Path> choosePhoto(Window owner, String title, Path folder);

    /**
     * Asks where to export and how: JPEG quality, and the colour space when the photo has its own
     * ({@code sourceSpace}, its profile's name; null for an sRGB photo, which has nothing to choose).
     * {@code remembered} holds the last answers.
     */
    Optional<ExportRequest> chooseExport(Window owner, String suggestedName, Path folder, ExportOptions remembered,
                                         String sourceSpace);

    Optional<Path> chooseLut(Window owner, String suggestedName, Path folder);

    /** Asks a yes/no question; true means go ahead. */
    boolean confirm(Window owner, String title, String text, String yes);
}
