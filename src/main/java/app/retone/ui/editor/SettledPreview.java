package app.retone.ui.editor;

import app.retone.core.color.StrengthPreview;
import app.retone.core.render.PreviewRender;
import app.retone.core.render.Recipe;
import app.retone.ui.task.BackgroundTask;
import app.retone.ui.task.TaskExecutor;
import app.retone.ui.task.TaskHandle;
import java.util.function.Consumer;

/**
 * The preview of settings at rest with develop adjustments: the export's own pixels (the recipe's
 * LUT and regrain on the full-resolution photo, {@link PreviewRender}) reduced to the display
 * copy's size, made in the background once the sliders rest. A result for settings or a photo no
 * longer on screen is dropped; a new request cancels the one under way.
 */
final class SettledPreview {

    private final EditorServices services;
    private final TaskExecutor executor;
    private TaskHandle work = TaskHandle.NONE;
    private Object asked;

    SettledPreview(EditorServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    /** Makes the settled preview of {@code photo} by {@code recipe}, and hands it to {@code show} if still wanted then. */
    void settle(PreparedPhoto photo, Recipe recipe, Consumer<PreviewFrame> show) {
        cancel();
        Object request = new Object();
        asked = request;
        PreviewFrame before = photo.before();
        work = executor.submit(BackgroundTask.<PreviewFrame>of("Refining the preview at full resolution", context -> {
            var full = photo.fullResolution(context);
            StrengthPreview preview = PreviewRender.of(full, 0, 0, full.width(), full.height(), before.width(), before.height(),
                    recipe.lut(), recipe.regrain(), services.regrain(), context::checkCancelled);
            int[] pixels = new int[before.width() * before.height()];
            preview.render(1.0, pixels);
            return new PreviewFrame(before.width(), before.height(), pixels, before.opaque());
        }).onSuccess(frame -> {
            if (asked == request) {
                show.accept(frame);
            }
        }));
    }

    /** Drops the request under way: the settings moved again, or another photo came. */
    void cancel() {
        asked = null;
        work.cancel();
    }
}
