package app.retone.ui;

import app.retone.core.image.ExportOptions;
import app.retone.ui.folder.BatchExport;
import java.nio.file.Path;
import java.util.List;
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

    /** Photos to open, several at once allowed (empty: none chosen). */
    List<Path> choosePhotos(Window owner, String title, Path folder);

    /** A folder of photos to open. */
    Optional<Path> chooseFolder(Window owner, String title, Path folder);

    /**
     * The batch export's one dialog for {@code count} photos: folder, format, quality, colour
     * space and the name pattern ({@code exampleName}: a photo's file, to show what the pattern makes).
     */
    Optional<BatchExport.Request> chooseBatchExport(Window owner, int count, BatchExport.Request remembered,
                                                    String exampleName);

    /** What to do with the {@code existing} files a batch would write: replace or skip them; empty cancels the batch. */
    Optional<BatchExport.Existing> askExisting(Window owner, List<Path> existing);

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
