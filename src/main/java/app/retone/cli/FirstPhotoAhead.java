package app.retone.cli;

import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.core.render.ExportJob;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Decodes a batch's first photo on a thread of its own from the moment it is made, so that the
 * decoding overlaps the slow start of something else (loading the model); later photos, and the
 * first if it is asked for by another path, are decoded when asked.
 */
final class FirstPhotoAhead implements ExportJob.Photos {

    private final PhotoLoader loader;
    private final Path first;
    private CompletableFuture<Photo> ahead;

    FirstPhotoAhead(PhotoLoader loader, Path first) {
        this.loader = loader;
        this.first = first;
        this.ahead = new CompletableFuture<>();
        CompletableFuture<Photo> result = this.ahead;
        Thread decoder = new Thread(() -> {
            try {
                result.complete(loader.load(first));
            } catch (Exception | OutOfMemoryError e) {
                result.completeExceptionally(e);
            }
        }, "first photo ahead");
        decoder.setDaemon(true); // never keeps the command alive after it ends
        decoder.start();
    }

    @Override
    public Photo load(Path path) throws ImageReadException {
        CompletableFuture<Photo> waiting = ahead;
        if (waiting == null || !path.equals(first)) {
            return loader.load(path);
        }
        ahead = null; // the photo is held once, then left to the collector with the batch's others
        try {
            return waiting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return loader.load(path);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ImageReadException read) {
                throw read;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
