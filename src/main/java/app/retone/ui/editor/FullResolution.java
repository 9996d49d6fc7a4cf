package app.retone.ui.editor;

import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoLoader;
import app.retone.ui.task.TaskContext;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The full-resolution photo behind a {@link PreparedPhoto}: held while it is wanted (the photo on
 * screen), let go when it is not (a photo prepared ahead, a photo left), and decoded again from
 * its file when asked for then, once however many ask at the same time. A decode that has begun
 * runs to its end (the loader cannot be stopped half way) and serves every asker; an asker whose
 * task is cancelled stops waiting at once. Thread-safe.
 */
final class FullResolution {

    /** Reads the photo from its file again ({@link PhotoLoader#load}). */
    @FunctionalInterface
    interface Decoder {
        Photo decode(Path path) throws Exception;
    }

    /** How often a waiting asker looks at its task's cancellation. */
    private static final long WAIT_STEP_MS = 50;

    private final Path path;
    private final Decoder decoder;
    private final int width;
    private final int height;
    /** Guarded by this: the photo held, whether one is to be held once decoded, the decode under way. */
    private Photo held;
    private boolean keep = true;
    private CompletableFuture<Photo> decoding;

    /** Starts holding {@code decoded}, read from {@code path} by {@code decoder}. */
    FullResolution(Path path, Photo decoded, Decoder decoder) {
        this.path = path;
        this.decoder = decoder;
        this.width = decoded.width();
        this.height = decoded.height();
        this.held = decoded;
    }

    /**
     * The photo: the one held, else decoded again (on the calling thread, or by the asker that
     * began it; reported through {@code context}). Blocks: for background work only. Throws what
     * the loader throws, an {@link ImageReadException} if the file is now of another size than the
     * photo prepared from it, or a cancellation of {@code context}.
     */
    Photo get(TaskContext context) throws Exception {
        CompletableFuture<Photo> wait;
        boolean decodeHere;
        synchronized (this) {
            if (held != null) {
                return held;
            }
            decodeHere = decoding == null;
            if (decodeHere) {
                decoding = new CompletableFuture<>();
            }
            wait = decoding;
        }
        if (decodeHere) {
            decode(wait, context);
        }
        while (true) {
            context.checkCancelled();
            try {
                return wait.get(WAIT_STEP_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still decoding
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    private void decode(CompletableFuture<Photo> result, TaskContext context) {
        context.progress(-1, "Reading " + path.getFileName() + " at full size…");
        try {
            Photo photo = decoder.decode(path);
            if (photo.width() != width || photo.height() != height) {
                throw new ImageReadException(ImageReadException.Problem.NOT_READABLE, path, String.format(
                        "the file changed since it was opened: it is now %d × %d, it was %d × %d; open it again",
                        photo.width(), photo.height(), width, height));
            }
            synchronized (this) {
                if (keep) {
                    held = photo;
                }
                decoding = null;
            }
            result.complete(photo);
        } catch (Throwable e) {
            synchronized (this) {
                decoding = null; // the next asker tries again
            }
            result.completeExceptionally(e);
        }
    }

    /** From now on the photo is held once decoded (the photo came on screen). */
    synchronized void keep() {
        keep = true;
    }

    /** Lets go of the photo now, and does not hold it once decoded until {@link #keep} (the photo left the screen). */
    synchronized void release() {
        keep = false;
        held = null;
    }

    /** Whether the photo is held now (no decode needed). */
    synchronized boolean isHeld() {
        return held != null;
    }
}
