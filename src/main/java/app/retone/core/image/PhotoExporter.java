package app.retone.core.image;

import app.retone.core.image.ImageWriteException.Problem;
import app.retone.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes a photo as JPEG, PNG or TIFF, atomically: the image goes to a temporary file in the
 * destination folder, is flushed to disk, and is then moved into place. A failure leaves no
 * partial file and never touches an existing one. Every format carries the source's Exif (with
 * orientation reset to normal, since the pixels are already upright), JPEG its XMP too; every
 * format is written in the source's colour space with its ICC profile, or in sRGB tagged as such
 * ({@link ExportOptions#colourSpace}, {@link OutputEncoding}). The bytes themselves are {@link
 * PhotoEncoder}'s; this class is the file's side: the checks of the destination, the atomic write,
 * and a failure in the user's words.
 */
public final class PhotoExporter {

    /** Where encoded bytes go; tests swap in one that fails to check nothing partial survives. */
    @FunctionalInterface
    public interface ChannelOpener {
        FileChannel open(Path path) throws IOException;
    }

    private final ChannelOpener opener;

    public PhotoExporter() {
        this(path -> FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    public PhotoExporter(ChannelOpener opener) {
        this.opener = opener;
    }

    /** The format an export to {@code destination} is written in: as asked, else by the file's extension. */
    public static ImageFormat formatFor(Path destination, ExportOptions options) throws ImageWriteException {
        return options.format() != null ? options.format() : ImageFormat.fromPath(destination)
                .orElseThrow(() -> new ImageWriteException(Problem.UNSUPPORTED_FORMAT, destination,
                        "cannot tell the format from the name: use .jpg, .png or .tif (or --format)"));
    }

    /** Writes {@code photo} as it is (its own values, in the space the options ask for) and returns the format used. */
    public ImageFormat export(Photo photo, Path destination, ExportOptions options) throws ImageWriteException {
        ImageFormat format = formatFor(destination, options);
        return export(SampleWriter.encode(photo, OutputEncoding.of(photo, options.colourSpace(), format)), photo.source(),
                destination, options);
    }

    /**
     * Writes rendered pixels, with what {@code source} carried (EXIF, XMP; the profile is the
     * pixels' encoding's), and returns the format used.
     */
    public ImageFormat export(EncodedPixels pixels, SourceInfo source, Path destination, ExportOptions options)
            throws ImageWriteException {
        ImageFormat format = formatFor(destination, options);
        Path target = destination.toAbsolutePath().normalize();
        checkDestination(source, target, options);

        byte[] encodedJpeg = null;
        if (format == ImageFormat.JPEG) {
            encodedJpeg = PhotoEncoder.jpeg(pixels, source, options, target);
        }
        Path temp;
        try {
            temp = AtomicFiles.siblingTemp(target);
        } catch (AccessDeniedException e) {
            throw new ImageWriteException(Problem.NOT_WRITABLE, target.getParent(), "the folder is not writable (permission denied)", e);
        } catch (IOException e) {
            throw new ImageWriteException(Problem.NOT_WRITABLE, target.getParent(),
                    "cannot create a file in this folder (" + app.retone.core.Errors.describe(e) + ")", e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = opener.open(temp)) {
                if (encodedJpeg != null) {
                    ByteBuffer buffer = ByteBuffer.wrap(encodedJpeg);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                } else {
                    OutputStream out = Channels.newOutputStream(channel);
                    PhotoEncoder.write(pixels, source, format, out, options, target);
                    out.flush();
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target, options.overwrite());
            moved = true;
            return format;
        } catch (ImageWriteException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(e, target);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temp name starts with a dot and ends in .part
                }
            }
        }
    }

    /**
     * A failed write in a user's words: the write was interrupted, the folder refused the file, or
     * the disk is full. The encoders wrap the cause (or, like the PNG writer, report only the
     * "channel closed" that follows an interrupt), so the chain is searched and an interrupted
     * thread is taken at its word. In every case the temporary file is gone and nothing was replaced.
     */
    static ImageWriteException failure(Throwable e, Path target) {
        String kept = Files.exists(target) ? "; the existing file is unchanged" : "";
        boolean interrupted = Thread.currentThread().isInterrupted();
        for (Throwable t = e; t != null && !interrupted; t = t.getCause() == t ? null : t.getCause()) {
            interrupted = t instanceof ClosedByInterruptException || t instanceof InterruptedIOException;
        }
        if (interrupted) {
            return new ImageWriteException(Problem.INTERRUPTED, target,
                    "the export was interrupted before it finished; nothing was saved" + kept, e);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return new ImageWriteException(Problem.NOT_WRITABLE, target.getParent(),
                        "the folder is not writable (permission denied); nothing was saved" + kept, e);
            }
            if (isDiskFull(t.getMessage())) {
                return new ImageWriteException(Problem.DISK_FULL, target,
                        "the disk is full (" + t.getMessage().strip() + "); nothing was saved" + kept, e);
            }
        }
        return new ImageWriteException(Problem.WRITE_FAILED, target,
                "writing failed, nothing was saved (" + app.retone.core.Errors.describe(e) + ")" + kept, e);
    }

    /** ENOSPC and EDQUOT as Linux and macOS word them, and Windows' ERROR_DISK_FULL. */
    private static boolean isDiskFull(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("no space left on device") || m.contains("disk quota exceeded")
                || m.contains("not enough space on the disk");
    }

    private static void checkDestination(SourceInfo source, Path target, ExportOptions options) throws ImageWriteException {
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ImageWriteException(Problem.FOLDER_MISSING, target, "the destination folder does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new ImageWriteException(Problem.DESTINATION_EXISTS, target, "is a folder; give a file name");
        }
        if (!Files.isWritable(folder)) {
            throw new ImageWriteException(Problem.NOT_WRITABLE, folder, "the folder is not writable (permission denied)");
        }
        if (Files.exists(target) && !options.overwrite()) {
            boolean isInput = source.file().map(in -> sameFile(in, target)).orElse(false);
            if (isInput) {
                throw new ImageWriteException(Problem.WOULD_OVERWRITE_INPUT, target,
                        "this is the original photo; refusing to overwrite it");
            }
            throw new ImageWriteException(Problem.DESTINATION_EXISTS, target,
                    "already exists; refusing to overwrite it");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b);
        }
    }

    static void moveIntoPlace(Path temp, Path target, boolean overwrite) throws IOException {
        try {
            AtomicFiles.moveIntoPlace(temp, target, overwrite);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ImageWriteException(Problem.DESTINATION_EXISTS, target,
                    "a file of this name appeared while writing; it was left as it is and nothing was saved");
        }
    }
}
