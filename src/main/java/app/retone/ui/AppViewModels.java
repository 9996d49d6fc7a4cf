package app.retone.ui;

import app.retone.core.image.CachedThumbnailReader;
import app.retone.core.image.ThumbnailCache;
import app.retone.core.image.ThumbnailReader;
import app.retone.core.image.ThumbnailSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.folder.BatchExportViewModel;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.editor.ReferenceChoices;
import app.retone.ui.settings.Settings;
import app.retone.ui.task.TaskExecutor;

/**
 * The app's view models, built in one place (the composition root): the editor, the folder beside
 * it, the folder's batch export and the reference picker's choices, sharing the engine's services and one executor. The app and
 * the window tests build them here alike; the window only binds to them.
 */
public record AppViewModels(EditorViewModel editor, FolderViewModel folder, BatchExportViewModel batch,
                            ReferenceChoices references, EditorServices services) {

    /** The view models around {@code services}, the filmstrip's thumbnails read through the desktop's shared cache. */
    public static AppViewModels create(EditorServices services, TaskExecutor executor, Settings settings) {
        EditorViewModel editor = new EditorViewModel(services, executor, settings);
        ThumbnailSource thumbnails = new CachedThumbnailReader(new ThumbnailReader(services.loader().limits()),
                ThumbnailCache.forUser());
        FolderViewModel folder = new FolderViewModel(editor, executor, thumbnails, services.loader());
        return new AppViewModels(editor, folder, new BatchExportViewModel(folder, editor, services.exportJob()),
                new ReferenceChoices(settings, thumbnails, executor), services);
    }
}
