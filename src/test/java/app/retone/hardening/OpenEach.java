package app.retone.hardening;

import app.retone.core.image.ImageLimits;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ModelLocator;
import app.retone.ui.editor.CachedPredictorSource;
import app.retone.ui.editor.EditorServices;
import app.retone.ui.editor.EditorViewModel;
import app.retone.ui.editor.Notice;
import app.retone.ui.editor.PreviewBounds;
import app.retone.ui.settings.MemorySettings;
import app.retone.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The app's open path, run in its own JVM so the test can bound its heap: opens each file given,
 * one after another, in one editor view model (as the window does), and prints one line a file:
 * {@code OPENED name w h ms} or {@code REFUSED name ms | reason}.
 */
public final class OpenEach {

    private OpenEach() {
    }

    public static void main(String[] args) {
        List<Notice> notices = new ArrayList<>();
        try (CachedPredictorSource model = new CachedPredictorSource(ModelLocator.defaultDirectory(),
                ModelLocator.DEFAULT_MODEL)) {
            EditorViewModel vm = new EditorViewModel(EditorServices.standard(new PhotoLoader(ImageLimits.fromSystemProperties()),
                    model, new PreviewBounds(1920, 1080)), new DirectTaskExecutor(), new MemorySettings());
            vm.notices().addListener(notices::add);
            for (String arg : args) {
                Path path = Path.of(arg);
                notices.clear();
                var before = vm.session().current();
                long t0 = System.nanoTime();
                vm.open(path);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                var errors = notices.stream().filter(n -> n.severity() == Notice.Severity.ERROR).toList();
                var photo = vm.session().current();
                if (errors.isEmpty() && photo != null && photo != before && vm.look().hasLookProperty().get()) {
                    System.out.printf(Locale.ROOT, "OPENED %s %d %d %d%n", path.getFileName(), photo.width(), photo.height(), ms);
                } else {
                    String reason = errors.isEmpty() ? "no error and no photo" : errors.get(0).title() + ": " + errors.get(0).text();
                    System.out.printf(Locale.ROOT, "REFUSED %s %d | %s%n", path.getFileName(), ms, reason.replace('\n', ' '));
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "HEAP max %d MB%n", rt.maxMemory() >> 20);
    }
}
