package app.retone.ui.folder;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.LookTransfer;
import app.retone.ui.editor.PhotoPipeline;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import app.retone.core.render.PhotoRender;
import app.retone.ui.editor.Activity;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import app.retone.core.render.PhotoSettings;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskHandle;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
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
    private final ColorTransfer engine;
    private final PhotoExporter exporter;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private TaskHandle batch = TaskHandle.NONE;

    public BatchExportViewModel(FolderViewModel folder, EditorViewModel editor) {
        this.folder = folder;
        this.editor = editor;
        this.engine = editor.services().colorTransfer();
        this.exporter = editor.services().exporter();
    }

    /** One photo's work, with everything read on the UI thread before the batch starts. */
    private record Step(BatchExport.Item item, PhotoSettings settings, boolean overwrite) {
    }

    /**
     * Exports {@code items} (from {@link BatchExport#plan}); destinations that exist are replaced
     * or skipped as {@code existing} says. {@code done} hears the summary (also shown as a notice).
     */
    public void start(List<BatchExport.Item> items, BatchExport.Request request, BatchExport.Existing existing,
                      Consumer<BatchExport.Summary> done) {
        if (running.get() || items.isEmpty()) {
            return;
        }
        List<Step> steps = new ArrayList<>();
        for (BatchExport.Item item : items) {
            steps.add(new Step(item, folder.settingsOf(item.photo()), existing == BatchExport.Existing.REPLACE));
        }
        LookTransfer transfer = editor.look().lookTransferProperty().get();
        PhotoPipeline pipeline = editor.pipeline();
        PhotoLoader loader = editor.services().loader();
        running.set(true);
        folder.pauseLooks(true);
        String title = "Exporting " + items.size() + (items.size() == 1 ? " photo" : " photos");
        Activity activity = new Activity(title, true);
        int[] counts = new int[3]; // written, skipped, attempted
        List<BatchExport.Failure> failures = new ArrayList<>();
        batch = editor.activities().track(activity, BackgroundTask.<Void>of(title, context -> {
            long started = System.nanoTime();
            try {
                Files.createDirectories(request.folder()); // a folder typed in the dialog is made, as the command line does
            } catch (java.io.IOException e) {
                synchronized (failures) {
                    steps.forEach(step -> failures.add(BatchExport.failure(step.item(), e)));
                }
                counts[2] = steps.size();
                return null;
            }
            for (Step step : steps) {
                context.checkCancelled();
                BatchExport.Item item = step.item();
                context.progress((double) counts[2] / steps.size(), BatchExport.progressText(counts[2], steps.size(),
                        item.photo().name(), System.nanoTime() - started));
                try {
                    if (BatchExport.replacesItsSource(item)) {
                        throw new java.io.IOException("its file name is the photo's own; the original is never replaced by a batch");
                    }
                    if (!step.overwrite() && Files.exists(item.destination())) {
                        counts[1]++;
                    } else {
                        Photo photo = loader.load(item.photo().path());
                        context.checkCancelled();
                        ColorLut3D lut = pipeline.lut(photo, step.settings(), transfer, context);
                        context.checkCancelled();
                        PhotoRender.export(engine, exporter, photo, step.settings().recipe(lut),
                                item.destination(), request.optionsFor(item.photo().path(), step.overwrite()));
                        counts[0]++;
                    }
                } catch (CancellationException | InterruptedException e) {
                    throw e;
                } catch (Exception | OutOfMemoryError e) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("cancelled");
                    }
                    synchronized (failures) {
                        failures.add(BatchExport.failure(item, e));
                    }
                }
                counts[2]++;
            }
            return null;
        }).onFinished(() -> {
            running.set(false);
            folder.pauseLooks(false);
            BatchExport.Summary summary;
            synchronized (failures) {
                summary = new BatchExport.Summary(counts[0], counts[1], List.copyOf(failures), steps.size() - counts[2]);
            }
            editor.notices().notice(summary.failures().isEmpty() ? Notice.summary("Batch export finished", summary.text())
                    : Notice.warning("Batch export finished; some photos failed", summary.text()));
            done.accept(summary);
        }));
    }

    /** Stops the batch after the file being written. */
    public void cancel() {
        batch.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
