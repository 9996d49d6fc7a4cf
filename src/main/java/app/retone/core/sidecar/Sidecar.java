package app.retone.core.sidecar;

import app.retone.core.io.AtomicFiles;
import app.retone.core.render.Develop;
import app.retone.core.render.Develop.Adjustment;
import app.retone.core.render.PhotoSettings;
import app.retone.core.render.Strength;
import app.retone.core.render.TargetKind;
import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.SerializeOptions;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A photo's edits in an XMP sidecar beside it, {@code PHOTO.EXT.xmp} (darktable's naming, so
 * photo.jpg and photo.png never share one), written with Adobe's XMP toolkit: the look, its
 * strength, regrain and the develop adjustments in Retone's own namespace ({@value #NAMESPACE},
 * prefix {@code retone}), and the star rating as the standard {@code xmp:Rating} that darktable,
 * digiKam and Lightroom read (always written, 0 when unrated). The photo file itself is never
 * opened for writing.
 *
 * <p>A sidecar that is not Retone's (no {@code retone:Version}: darktable's, say) or cannot be read
 * is a {@link SidecarException} naming it; it is left exactly as it is, and {@link #write} keeps
 * it as {@code PHOTO.EXT.xmp.bak} before putting Retone's in its place.
 */
public final class Sidecar {

    public static final String NAMESPACE = "http://ns.retone.app/1.0/";
    public static final String PREFIX = "retone";
    public static final String EXTENSION = ".xmp";
    public static final String BACKUP_EXTENSION = ".bak";
    /** The layout of Retone's properties; a later one is read as far as it is understood. */
    static final int VERSION = 1;
    /** No sidecar of edits is larger; a bigger file is not read (darktable's, with a long history, stays far below). */
    static final long MAX_BYTES = 4 << 20;

    static {
        try {
            XMPMetaFactory.getSchemaRegistry().registerNamespace(NAMESPACE, PREFIX);
        } catch (XMPException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Sidecar() {
    }

    /** The sidecar of {@code photo}: its full file name with {@value #EXTENSION} added, in its folder. */
    public static Path of(Path photo) {
        return photo.resolveSibling(photo.getFileName() + EXTENSION);
    }

    /**
     * The edits stored beside {@code photo}; empty when it has no sidecar.
     *
     * @throws SidecarException when there is one that is not Retone's or cannot be read
     */
    public static Optional<PhotoSettings> read(Path photo) throws SidecarException {
        Path file = of(photo);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new SidecarException(SidecarException.Problem.DAMAGED, file, "is a folder, not a sidecar", null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new SidecarException(SidecarException.Problem.DAMAGED, file, "is larger than any sidecar of edits ("
                        + Files.size(file) + " bytes); it was not read", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (SidecarException e) {
            throw e;
        } catch (IOException e) {
            throw new SidecarException(SidecarException.Problem.DAMAGED, file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return Optional.of(parse(bytes, photo, file));
    }

    /** The edits in a sidecar's bytes, references resolved against {@code photo}'s folder. */
    static PhotoSettings parse(byte[] bytes, Path photo, Path file) throws SidecarException {
        XMPMeta meta;
        try {
            meta = XMPMetaFactory.parseFromBuffer(bytes);
        } catch (XMPException | RuntimeException e) {
            throw new SidecarException(SidecarException.Problem.DAMAGED, file, "is not valid XMP (" + e.getMessage() + ")", e);
        }
        try {
            if (!meta.doesPropertyExist(NAMESPACE, "Version")) {
                throw new SidecarException(SidecarException.Problem.FOREIGN, file,
                        "is another program's sidecar, not Retone's; it is left as it is", null);
            }
            TargetKind kind = switch (string(meta, "Look", "model")) {
                case "model" -> TargetKind.MODEL;
                case "reference" -> TargetKind.REFERENCE;
                default -> throw new IllegalArgumentException("the look is neither 'model' nor 'reference'");
            };
            Path reference = kind == TargetKind.REFERENCE
                    ? resolve(photo, string(meta, "Reference", null)) : null;
            double strength = number(meta, "Strength", Strength.DEFAULT);
            boolean regrain = meta.doesPropertyExist(NAMESPACE, "Regrain")
                    ? meta.getPropertyBoolean(NAMESPACE, "Regrain") : PhotoSettings.DEFAULT.regrain();
            Develop develop = Develop.NEUTRAL;
            for (Adjustment a : Adjustment.values()) {
                develop = develop.with(a, number(meta, propertyName(a), 0));
            }
            int rating = meta.doesPropertyExist(XMPConst.NS_XMP, "Rating")
                    ? (int) Math.round(meta.getPropertyDouble(XMPConst.NS_XMP, "Rating")) : 0;
            // xmp:Rating -1 means "rejected" to some programs: Retone has no rejects, so it is unrated
            return new PhotoSettings(kind, reference, strength, regrain, develop, Math.max(0, rating));
        } catch (SidecarException e) {
            throw e;
        } catch (XMPException | RuntimeException e) {
            throw new SidecarException(SidecarException.Problem.DAMAGED, file, "holds edits Retone cannot use ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes {@code settings} as {@code photo}'s sidecar, atomically (a half-written sidecar never
     * replaces the one there). A sidecar there that is not Retone's or is damaged is first kept as
     * {@code PHOTO.EXT.xmp.bak}.
     *
     * @throws SidecarException (NOT_WRITABLE) when the folder refuses it, the disk is full, or a
     *                          folder stands where the sidecar should be; nothing changed then
     */
    public static void write(Path photo, PhotoSettings settings) throws SidecarException {
        Path file = of(photo);
        try {
            if (Files.isDirectory(file)) {
                throw new SidecarException(SidecarException.Problem.NOT_WRITABLE, file,
                        "is a folder, so the edits cannot be kept beside the photo", null);
            }
            if (Files.exists(file)) {
                try {
                    read(photo);
                } catch (SidecarException notOurs) {
                    Files.copy(file, backupOf(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            AtomicFiles.write(file, serialize(settings, photo));
        } catch (SidecarException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new SidecarException(SidecarException.Problem.NOT_WRITABLE, file,
                    "the folder is read-only, so the edits cannot be kept beside the photo", e);
        } catch (IOException e) {
            throw new SidecarException(SidecarException.Problem.NOT_WRITABLE, file,
                    "the edits could not be kept (" + e.getMessage() + "); the sidecar there is unchanged", e);
        }
    }

    /** Where a sidecar that is not Retone's is kept before Retone's replaces it. */
    public static Path backupOf(Path sidecar) {
        return sidecar.resolveSibling(sidecar.getFileName() + BACKUP_EXTENSION);
    }

    /** The sidecar's bytes for {@code settings}: UTF-8 XMP in an xpacket, as other programs write it. */
    static byte[] serialize(PhotoSettings settings, Path photo) {
        try {
            XMPMeta meta = XMPMetaFactory.create();
            meta.setPropertyInteger(NAMESPACE, "Version", VERSION);
            meta.setProperty(NAMESPACE, "Look", settings.kind() == TargetKind.MODEL ? "model" : "reference");
            if (settings.reference() != null) {
                meta.setProperty(NAMESPACE, "Reference", relative(photo, settings.reference()));
            }
            meta.setProperty(NAMESPACE, "Strength", decimal(settings.strength()));
            meta.setPropertyBoolean(NAMESPACE, "Regrain", settings.regrain());
            for (Adjustment a : Adjustment.values()) {
                meta.setProperty(NAMESPACE, propertyName(a), decimal(settings.develop().get(a)));
            }
            meta.setPropertyInteger(XMPConst.NS_XMP, "Rating", settings.rating());
            meta.setProperty(XMPConst.NS_XMP, "CreatorTool", "Retone");
            return XMPMetaFactory.serializeToBuffer(meta, new SerializeOptions().setUseCompactFormat(true).setPadding(0));
        } catch (XMPException e) {
            throw new IllegalStateException("the XMP toolkit refused Retone's own properties", e);
        }
    }

    /** Exposure → "Exposure", vibrance → "Vibrance": the property of an adjustment. */
    static String propertyName(Adjustment a) {
        return a.label();
    }

    private static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static String string(XMPMeta meta, String name, String fallback) throws XMPException {
        String value = meta.getPropertyString(NAMESPACE, name);
        return value == null ? fallback : value;
    }

    private static double number(XMPMeta meta, String name, double fallback) throws XMPException {
        String value = meta.getPropertyString(NAMESPACE, name);
        if (value == null) {
            return fallback;
        }
        double v = Double.parseDouble(value.trim());
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " is not a number");
        }
        return v;
    }

    /** A reference stored relative to the photo's folder when it lies below it, else as it is. */
    private static String relative(Path photo, Path reference) {
        Path folder = photo.toAbsolutePath().getParent();
        Path absolute = reference.toAbsolutePath().normalize();
        return folder != null && absolute.startsWith(folder) ? folder.relativize(absolute).toString() : absolute.toString();
    }

    private static Path resolve(Path photo, String stored) {
        if (stored == null || stored.isBlank()) {
            throw new IllegalArgumentException("a reference look names no reference photo");
        }
        Path folder = photo.toAbsolutePath().getParent();
        return folder == null ? Path.of(stored) : folder.resolve(stored).normalize();
    }
}
