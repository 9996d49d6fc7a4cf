package app.retone.core.image;

import app.retone.core.color.RgbSpace;
import app.retone.core.image.ImageReadException.Problem;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.BufferedImage;
import java.nio.BufferUnderflowException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A decoded image made into a {@link Photo}'s pixels: colour-managed and upright. The file's own
 * values are kept ({@link Samples}) when Retone converts their space exactly, with the screen's
 * sRGB pixels converted from them; an RGB device profile with lookup tables is converted by
 * LittleCMS into a wide space Retone computes ({@link WideIntermediate}), and its values as they came
 * are kept beside ({@link #deviceValues}) for an export that changes nothing; a grey one is
 * converted to sRGB ({@link WorkingSpace}). A profile that cannot be used is the one warning
 * {@link ColourProfiles#damagedWarning} and the values are taken as sRGB. Then the EXIF
 * orientation is applied ({@link ExifOrientation}).
 *
 * @param width     upright
 * @param height    upright
 * @param argb      8-bit sRGB pixels for the screen, the histogram and the model
 * @param alpha     whether the pixels carry alpha
 * @param samples   the photo's own values (8 or 16 bits, in their space)
 * @param converted whether the values were converted from another space than sRGB
 * @param deviceValues for an RGB device profile: the file's values, in a {@link RgbSpace#device} space
 *                  (upright, at the file's depth), which {@code samples} holds converted; else null
 */
record PhotoPixels(int width, int height, int[] argb, boolean alpha, Samples samples, boolean converted,
                   Samples deviceValues) {

    /** {@code decoded}'s pixels in the space {@code icc} (null: sRGB) says, turned by {@code orientation}. */
    static PhotoPixels of(Path path, DecodedImage decoded, byte[] icc, int orientation, List<String> warnings)
            throws ImageReadException {
        BufferedImage image = decoded.image();
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        boolean converted = false;
        int[] argb;
        Samples samples;
        Samples deviceValues = null;
        boolean deep = WorkingSpace.isDeep(image);
        try {
            ICC_Profile profile = usableProfile(icc, image, warnings);
            RgbSpace space = exactSpace(profile, warnings);
            if (space != null) {
                // the file's own values, kept as they are; the screen's sRGB pixels converted from them exactly
                // 8 bits (and alpha), grey replicated: a 16-bit photo's only for its alpha
                int[] values = !deep || alpha ? PixelConversion.toArgb(image).argb() : null;
                if (deep) {
                    short[] rgb16 = ExifOrientation.apply(WorkingSpace.toSrgbDeep(image, null), width, height, orientation);
                    int[] alphaFrom = alpha ? ExifOrientation.apply(values, width, height, orientation) : null;
                    samples = new Samples(space, null, rgb16);
                    argb = samples.toSrgb8(alphaFrom);
                } else {
                    samples = new Samples(space, ExifOrientation.apply(values, width, height, orientation), null);
                    argb = samples.toSrgb8(null);
                }
                converted = !space.isSrgb();
            } else if (profile.getColorSpaceType() == ColorSpace.TYPE_RGB) {
                // an RGB device profile with lookup tables: LittleCMS converts its values into a wide space
                // Retone computes (WideIntermediate), unclipped, which the look works on as on any photo's;
                // its values as they came kept beside
                int[] values = !deep || alpha ? PixelConversion.toArgb(image).argb() : null; // a 16-bit photo's for its alpha
                int[] alphaFrom = alpha ? ExifOrientation.apply(values, width, height, orientation) : null;
                try {
                    // at 16 bits whatever the file's depth: 8 bits of so wide a space would part the levels
                    samples = new Samples(WideIntermediate.SPACE, null, ExifOrientation.apply(
                            WorkingSpace.toDeep(image, profile, WideIntermediate.COLOR_SPACE), width, height, orientation));
                    deviceValues = deep ? new Samples(RgbSpace.device(DEVICE_SPACE), null,
                            ExifOrientation.apply(WorkingSpace.toSrgbDeep(image, null), width, height, orientation))
                            : new Samples(RgbSpace.device(DEVICE_SPACE), alphaFrom != null ? alphaFrom
                                    : ExifOrientation.apply(values, width, height, orientation), null);
                    converted = true;
                } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
                    warnings.add(ColourProfiles.damagedWarning(e)); // the values are taken as sRGB
                    samples = deep ? new Samples(RgbSpace.SRGB, null, ExifOrientation.apply(WorkingSpace.toSrgbDeep(image, null),
                            width, height, orientation)) : Samples.srgb8(ExifOrientation.apply(values, width, height, orientation));
                }
                argb = samples.toSrgb8(alphaFrom);
            } else {
                // a grey device profile with lookup tables: LittleCMS converts, to sRGB (exported as sRGB: a
                // grey profile describes no RGB values to go back into)
                int warned = warnings.size();
                short[] grey16 = deep ? deepPixels(image, profile, warnings) : null;
                if (grey16 != null) {
                    grey16 = ExifOrientation.apply(grey16, width, height, orientation);
                    int[] alphaFrom = alpha ? ExifOrientation.apply(PixelConversion.toArgb(image).argb(), width, height,
                            orientation) : null;
                    argb = DeepPixels.toArgb(grey16, alphaFrom);
                    samples = new Samples(RgbSpace.SRGB, null, grey16);
                    converted = warnings.size() == warned; // else the profile failed and the values are taken as sRGB
                } else {
                    int[] pixels = null;
                    try {
                        pixels = WorkingSpace.toSrgbArgb(image, profile);
                        converted = true;
                    } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
                        warnings.add(ColourProfiles.damagedWarning(e));
                    }
                    if (pixels == null) {
                        PixelConversion.Result values = PixelConversion.toArgb(image);
                        pixels = values.argb();
                        alpha = values.hasAlpha();
                    }
                    argb = ExifOrientation.apply(pixels, width, height, orientation);
                    samples = Samples.srgb8(argb);
                }
            }
        } catch (OutOfMemoryError e) {
            throw new ImageReadException(Problem.NO_MEMORY_NOW, path, String.format(Locale.ROOT,
                    "not enough memory to open a %d × %d photo (give Java more with -Xmx)", width, height));
        }
        if (ExifOrientation.swapsAxes(orientation)) {
            int t = width;
            width = height;
            height = t;
        }
        return new PhotoPixels(width, height, argb, alpha, samples, converted, deviceValues);
    }

    private static final String DEVICE_SPACE = "the photo's device profile";

    /**
     * The space the photo's values are in when Retone can convert it exactly (sRGB without a
     * profile, or a matrix/TRC or grey profile: {@link IccSpaces}); null for a device profile with
     * lookup tables, which LittleCMS converts. A profile whose tags are damaged is a warning, and
     * the values are taken as sRGB.
     */
    private static RgbSpace exactSpace(ICC_Profile profile, List<String> warnings) {
        if (profile == null) {
            return RgbSpace.SRGB;
        }
        try {
            return IccSpaces.of(profile.getData(), "the photo's embedded profile").orElse(null);
        } catch (IllegalArgumentException | BufferUnderflowException | IndexOutOfBoundsException e) {
            warnings.add(ColourProfiles.damagedWarning(e));
            return RgbSpace.SRGB;
        }
    }

    /** The 16-bit sRGB pixels, converted from the profile if there is one, or null when that fails (with a warning). */
    private static short[] deepPixels(BufferedImage image, ICC_Profile profile, List<String> warnings) {
        try {
            return WorkingSpace.toSrgbDeep(image, profile);
        } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
            warnings.add(ColourProfiles.damagedWarning(e));
            return profile == null ? null : deepPixels(image, null, warnings);
        }
    }

    /**
     * The embedded profile when the pixels must be converted from it to sRGB: an RGB profile on
     * an RGB photo that is not sRGB itself, or a grey profile on a grey photo; null otherwise.
     * A profile that cannot be read is a warning, and the photo's values are taken as sRGB.
     */
    private static ICC_Profile usableProfile(byte[] icc, BufferedImage image, List<String> warnings) {
        if (icc == null) {
            return null;
        }
        ICC_Profile profile;
        try {
            profile = ColourProfiles.read(icc);
        } catch (IllegalArgumentException | ProfileDataException e) {
            warnings.add(ColourProfiles.damagedWarning(e));
            return null;
        }
        int colours = image.getColorModel().getNumColorComponents();
        int space = profile.getColorSpaceType();
        if (colours == 3 && space == ColorSpace.TYPE_RGB) {
            try {
                return ColourProfiles.isSrgbEquivalent(profile) ? null : profile;
            } catch (CMMException | ProfileDataException | IllegalArgumentException e) {
                warnings.add(ColourProfiles.damagedWarning(e));
                return null;
            }
        }
        return colours == 1 && space == ColorSpace.TYPE_GRAY ? profile : null;
    }
}
