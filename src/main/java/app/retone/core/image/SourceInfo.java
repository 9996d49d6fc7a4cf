package app.retone.core.image;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a photo's file carried besides pixels, kept so that export can hand it on.
 *
 * @param path        the file it came from, or null for a photo made in memory
 * @param format      the decoder's format name ("jpeg", "png", ...), or "none"
 * @param orientation the EXIF orientation (1..8) that was applied on load; 1 if none
 * @param exif        the photo's Exif as a JPEG APP1 "Exif" segment's payload ({@link ExifBlock}): a JPEG's
 *                    own, a PNG's eXIf chunk, or made from a TIFF's directories; null if none
 * @param xmp         the raw JPEG APP1 XMP segment payload, or null
 * @param iccProfile  the embedded ICC profile (in a JPEG joined from all APP2 chunks), or null
 * @param convertedToSrgb whether the pixels were converted from that profile to sRGB on load (so
 *                    export converts them back to keep the source's colour space)
 * @param taggedSrgb  whether the source's colours are sRGB by a tag rather than by a profile to
 *                    embed: a PNG's sRGB chunk, or a CMYK photo the decoder converted to sRGB;
 *                    its exports say sRGB ({@link OutputEncoding#srgbTag})
 */
public record SourceInfo(Path path, String format, int orientation, byte[] exif, byte[] xmp, byte[] iccProfile,
                         boolean convertedToSrgb, boolean taggedSrgb) {

    public static final SourceInfo NONE = new SourceInfo(null, "none", 1, null, null, null);

    /** A source whose pixels are in the profile's own values (none, sRGB, or one that could not be used). */
    public SourceInfo(Path path, String format, int orientation, byte[] exif, byte[] xmp, byte[] iccProfile) {
        this(path, format, orientation, exif, xmp, iccProfile, false);
    }

    /** A source without an sRGB tag of its own. */
    public SourceInfo(Path path, String format, int orientation, byte[] exif, byte[] xmp, byte[] iccProfile,
                      boolean convertedToSrgb) {
        this(path, format, orientation, exif, xmp, iccProfile, convertedToSrgb, false);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(path);
    }

    /** True when the embedded ICC profile describes an RGB colour space (so it still fits RGB pixels). */
    public boolean hasRgbIccProfile() {
        return iccProfile != null && iccProfile.length >= 20
                && iccProfile[16] == 'R' && iccProfile[17] == 'G' && iccProfile[18] == 'B';
    }
}
