package app.retone.core.render;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.ImageReadException;
import app.retone.core.image.Photo;
import app.retone.core.image.PhotoExporter;
import java.nio.file.Path;

/**
 * One photo exported by its settings, the per-photo recipe of the command line's {@code transfer}
 * and {@code enhance} and of the app's batch export: decode the photo, make its look's LUT, render
 * it by {@link PhotoSettings#recipe} and write it ({@link PhotoRender#export}). Where the photo
 * comes from and how its look is made are the caller's ({@link Photos}, {@link Looks}); what is
 * rendered and how is this class's alone.
 */
public final class ExportJob {

    /** Where the job's photos come from: a {@link app.retone.core.image.PhotoLoader}, or one that decoded ahead. */
    @FunctionalInterface
    public interface Photos {
        Photo load(Path path) throws ImageReadException;
    }

    /** The look's LUT for a decoded photo and the settings it is rendered with (the model's look, or a reference's). */
    @FunctionalInterface
    public interface Looks {
        ColorLut3D lookFor(Photo photo, PhotoSettings settings) throws Exception;
    }

    private final Photos photos;
    private final ColorTransfer engine;
    private final PhotoExporter exporter;

    public ExportJob(Photos photos, ColorTransfer engine, PhotoExporter exporter) {
        this.photos = photos;
        this.engine = engine;
        this.exporter = exporter;
    }

    /**
     * Decodes {@code source}, asks {@code looks} for its look, renders it as {@code settings} say and
     * writes it to {@code destination} with {@code options}; returns the format written. Throws what
     * the loader, the look and the exporter throw; nothing is written when any of them fails.
     */
    public ImageFormat export(Path source, PhotoSettings settings, Looks looks, Path destination, ExportOptions options)
            throws Exception {
        Photo photo = photos.load(source);
        ColorLut3D look = looks.lookFor(photo, settings);
        return PhotoRender.export(engine, exporter, photo, settings.recipe(look), destination, options);
    }
}
