package app.retone.ui;

import app.retone.core.image.ImageFormat;
import app.retone.ui.editor.ExportViewModel;
import app.retone.ui.editor.PhotoSession;
import app.retone.ui.settings.RememberedExport;
import app.retone.ui.settings.Settings;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * File ▸ Export and Export LUT: asks where and how (the options remembered from the last export),
 * asks before replacing the photo that is open, and hands the request to {@link ExportViewModel}.
 */
final class ExportPresenter {

    private final ExportViewModel export;
    private final PhotoSession session;
    private final FileDialogs dialogs;
    private final Settings settings;
    private final Supplier<Window> window;

    ExportPresenter(ExportViewModel export, PhotoSession session, FileDialogs dialogs, Settings settings,
                    Supplier<Window> window) {
        this.export = export;
        this.session = session;
        this.dialogs = dialogs;
        this.settings = settings;
        this.window = window;
    }

    void export() {
        dialogs.chooseExport(window.get(), export.suggestedExportName(ImageFormat.JPEG), export.suggestedFolder().orElse(null),
                RememberedExport.read(settings), session.sourceColourSpace().orElse(null)).ifPresent(request -> {
                    Path destination = request.destination().toAbsolutePath().normalize();
                    boolean isOriginal = export.isOpenPhoto(destination);
                    if (isOriginal && !dialogs.confirm(window.get(), "Replace the original photo?",
                            destination.getFileName() + " is the photo you opened. Exporting over it replaces the "
                                    + "original for good.", "Replace Original")) {
                        return;
                    }
                    RememberedExport.write(settings, request.options());
                    export.export(destination, request.options().withOverwrite(request.options().overwrite() || isOriginal));
                });
    }

    void exportLut() {
        String name = export.suggestedExportName(ImageFormat.JPEG).replaceFirst("\\.jpg$", ".cube");
        dialogs.chooseLut(window.get(), name, export.suggestedFolder().orElse(null)).ifPresent(export::exportLut);
    }
}
