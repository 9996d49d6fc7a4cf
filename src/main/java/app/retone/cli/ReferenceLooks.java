package app.retone.cli;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.Histogram3D;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.predict.ReferenceLook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reference looks a batch's sidecars ask for, each reference read once: the LUT from a photo to a
 * reference by {@link ReferenceLook}'s recipe, as the app and 'transfer' make it.
 */
final class ReferenceLooks {

    private final PhotoLoader loader;
    private final int lutSize;
    private final Map<Path, Histogram3D> read = new HashMap<>();

    ReferenceLooks(PhotoLoader loader, int lutSize) {
        this.loader = loader;
        this.lutSize = lutSize;
    }

    ColorLut3D lutFor(Photo photo, Path reference) throws Exception {
        Path key = reference.toAbsolutePath().normalize();
        Histogram3D target = read.get(key);
        if (target == null) {
            target = ReferenceLook.histogram(loader.load(reference));
            read.put(key, target);
        }
        return ReferenceLook.transfer(lutSize).transfer(ReferenceLook.histogram(photo), target);
    }
}
