package app.retone.ui.folder;

import app.retone.core.color.ColorLut3D;
import app.retone.core.render.ExportJob;
import app.retone.core.render.LookTransfer;
import app.retone.core.render.PhotoBatch;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.editor.Activity;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import app.retone.ui.editor.PhotoPipeline;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs a batch export in the background, one photo after another, each with its own settings
 * (look, strength, regrain) as the folder keeps them: every photo is attempted, a failure is
 * noted and the batch goes on, and the end is a summary of what was written, skipped and failed.
 * It shows in the status bar with its count and the time left, Cancel stops it after the file
 * being written (never leaving part of one: writes are atomic), and quitting waits for it like
 * any export. The folder's background looks pause meanwhile. The editor stays usable.
 */
public final class BatchExportViewModel {

    private final FolderViewModel folder;
    private final EditorViewModel editor;
    private final ExportJob export;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private TaskHandle batch = TaskHandle.NONE;

    /** {@code export} is the per-photo recipe around the app's loader, engine and exporter (from the composition root). */
    public BatchExportViewModel(FolderViewModel folder, EditorViewModel editor, ExportJob export) {
        this.folder = folder;
        this.editor = editor;
        this.export = export;
    }

    /** One photo's work, with everything read on the UI thread before the batch starts. */
    private record Step(BatchExport.Item item, PhotoSettings settings, boolean overwrite) {
    }

    /**
     * Exports {@code items} (from {@link BatchExport#plan}); destinations that exist are replaced
     * or skipped as {@code existing} says. {@code done} hears the summary (also shown as a notice that
     * stays until closed).
     */
    public void start(List<BatchExport.Item> items, BatchExport.Request request, BatchExport.Existing existing,
                      Consumer<BatchSummary> done) {
        if (running.get() || items.isEmpty()) {
            return;
        }
        List<Step> steps = new ArrayList<>();
        for (BatchExport.Item item : items) {
            steps.add(new Step(item, folder.settingsOf(item.photo()), existing == BatchExport.Existing.REPLACE));
        }
        LookTransfer transfer = editor.look().lookTransferProperty().get();
        PhotoPipeline pipeline = editor.pipeline();
        PhotoBatch<Step> tries = new PhotoBatch<>(steps);
        running.set(true);
        folder.pauseLooks(true);
        String title = "Exporting " + items.size() + (items.size() == 1 ? " photo" : " photos");
        Activity activity = new Activity(title, true);
        batch = editor.activities().track(activity, BackgroundTask.<Void>of(title, context -> {
            long started = System.nanoTime();
            IOException noFolder = createFolder(request.folder());
            tries.run(step -> {
                if (noFolder != null) {
                    throw noFolder; // every photo fails with the folder's reason
                }
                return exportOne(step, request, export, (photo, settings) -> {
                    context.checkCancelled();
                    ColorLut3D lut = pipeline.lut(photo, settings, transfer, context);
                    context.checkCancelled();
                    return lut;
                });
            }, new PhotoBatch.Listener<>() {
                @Override
                public boolean cancelled() {
                    return context.isCancelled() || Thread.currentThread().isInterrupted(); // as checkCancelled has it
                }

                @Override
                public void trying(int index, int total, Step step) {
                    context.progress((double) index / total, BatchExport.progressText(index, total,
                            step.item().photo().name(), System.nanoTime() - started));
                }
            });
            context.checkCancelled(); // a batch stopped by Cancel ends as cancelled
            return null;
        }).onFinished(() -> {
            running.set(false);
            folder.pauseLooks(false);
            BatchSummary summary = BatchSummary.of(tries.tally(), step -> step.item().photo().name());
            editor.notices().notice(summary.failures().isEmpty() ? Notice.summary("Batch export finished", summary.text())
                    : Notice.warning("Batch export finished; some photos failed", summary.text()));
            done.accept(summary);
        }));
    }

    /** Makes the batch's folder if it is missing (a folder typed in the dialog, as the command line does); its failure, or null. */
    private static IOException createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /** One photo: refused when it would replace its own file, skipped when its file exists and may not be replaced, else exported. */
    private static PhotoBatch.Outcome exportOne(Step step, BatchExport.Request request, ExportJob export, ExportJob.Looks looks)
            throws Exception {
        BatchExport.Item item = step.item();
        if (BatchExport.replacesItsSource(item)) {
            throw new IOException("its file name is the photo's own; the original is never replaced by a batch");
        }
        if (!step.overwrite() && Files.exists(item.destination())) {
            return PhotoBatch.Outcome.skipped(item.destination().getFileName() + " exists"); // the folder is the batch's
        }
        export.export(item.photo().path(), step.settings(), looks, item.destination(),
                request.optionsFor(item.photo().path(), step.overwrite()));
        return PhotoBatch.Outcome.written(item.destination().toString());
    }

    /** Stops the batch after the file being written. */
    public void cancel() {
        batch.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
