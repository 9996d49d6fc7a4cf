package app.retone.ui;

import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.folder.FolderPhoto;
import app.retone.ui.folder.FolderViewModel;
import app.retone.ui.editor.ReferenceChoices;
import app.retone.ui.ReferencePicker;
import app.retone.ui.editor.ReferencePickerViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Reference…: the picker with previews of the references used before and the folder's photos, or,
 * when there are none (or the user asks for another), the system's file dialog; the chosen photo's
 * colours become the look and it is remembered for the next time.
 */
final class ReferencePresenter {

    private static final String TITLE = "Match the look of a reference photo";

    private final EditorViewModel editor;
    private final FolderViewModel folder;
    private final ReferenceChoices choices;
    private final FileDialogs dialogs;
    private final Supplier<Window> window;

    ReferencePresenter(AppViewModels models, FileDialogs dialogs, Supplier<Window> window) {
        this.editor = models.editor();
        this.folder = models.folder();
        this.choices = models.references();
        this.dialogs = dialogs;
        this.window = window;
    }

    void matchReference() {
        var photo = editor.session().current();
        if (photo == null) {
            return;
        }
        List<Path> folderPhotos = folder.photos().stream().map(FolderPhoto::path).toList();
        ReferencePickerViewModel picker = choices.picker(photo.path(), folderPhotos);
        Optional<Path> chosen;
        if (picker.candidates().isEmpty()) {
            picker.close();
            chosen = fromDisk();
        } else {
            chosen = ReferencePicker.ask(window.get(), picker, photo.path().getFileName().toString())
                    .flatMap(answer -> answer instanceof ReferencePicker.Answer.Chosen c ? Optional.of(c.file()) : fromDisk());
        }
        chosen.ifPresent(reference -> {
            choices.used(reference);
            editor.matchReference(reference);
        });
    }

    private Optional<Path> fromDisk() {
        return dialogs.choosePhoto(window.get(), TITLE, editor.session().lastFolder().orElse(null));
    }
}
