package app.retone.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The photo files directly inside a folder, by name. */
final class PhotoFolder {

    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "webp", "bmp", "gif");

    private PhotoFolder() {
    }

    static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> photos = files.filter(Files::isRegularFile).filter(PhotoFolder::looksLikePhoto).sorted().toList();
            if (photos.isEmpty()) {
                throw new IOException(folder + ": no photos (JPEG, PNG, TIFF, WebP, BMP, GIF) in this folder");
            }
            return photos;
        }
    }

    private static boolean looksLikePhoto(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
