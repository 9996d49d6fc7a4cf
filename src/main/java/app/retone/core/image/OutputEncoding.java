package app.retone.core.image;

import app.retone.core.color.RgbSpace;
import java.awt.color.ICC_Profile;

/**
 * How an export encodes its pixels: the colour space the values are in, their depth, whether
 * they are one grey channel, and the ICC profile that says so. The one rule for which profile an
 * export embeds and whether its values are the source's space or sRGB:
 * <ul>
 *   <li>in the source's space ({@link OutputColourSpace#SOURCE}, the default) a photo with a
 *       profile of its own is written in that space, its profile embedded; a grey photo stays grey;</li>
 *   <li>otherwise, and for a photo without a profile, the values are sRGB;</li>
 *   <li>16 bits when the photo has them and the format keeps them (PNG, TIFF), else 8.</li>
 * </ul>
 * A source whose device profile (lookup tables) Retone cannot compute exactly was converted to
 * sRGB by LittleCMS on load; written in its own space, its sRGB values are converted back by
 * LittleCMS too ({@link #convertBackTo}).
 *
 * @param space         the space the written values are in
 * @param bits          8 or 16
 * @param iccProfile    the profile to embed, or null for none
 * @param convertBackTo for a device-profile source written in its own space: the profile LittleCMS
 *                      converts the sRGB values into; null otherwise
 */
public record OutputEncoding(RgbSpace space, int bits, byte[] iccProfile, ICC_Profile convertBackTo) {

    /** The encoding of {@code photo} exported as {@code format} in {@code colourSpace}. */
    public static OutputEncoding of(Photo photo, OutputColourSpace colourSpace, ImageFormat format) {
        Samples samples = photo.samples();
        SourceInfo source = photo.source();
        int bits = samples.isDeep() && format != ImageFormat.JPEG ? 16 : 8;
        boolean own = colourSpace == OutputColourSpace.SOURCE;
        if (!samples.space().isSrgb()) {
            return own ? new OutputEncoding(samples.space(), bits, source.iccProfile(), null)
                    : new OutputEncoding(RgbSpace.SRGB, bits, null, null);
        }
        if (source.convertedToSrgb() && source.hasRgbIccProfile()) {
            // converted by LittleCMS on load: back into its profile, or sRGB
            return own ? new OutputEncoding(RgbSpace.SRGB, bits, source.iccProfile(), ICC_Profile.getInstance(source.iccProfile()))
                    : new OutputEncoding(RgbSpace.SRGB, bits, null, null);
        }
        // values taken as sRGB: a profile that matches sRGB, or one that could not be used, still describes them
        return new OutputEncoding(RgbSpace.SRGB, bits, source.hasRgbIccProfile() ? source.iccProfile() : null, null);
    }

    /** Plain sRGB at {@code bits}, without a profile. */
    public static OutputEncoding srgb(int bits) {
        return new OutputEncoding(RgbSpace.SRGB, bits, null, null);
    }

    /** True when the values are one grey channel. */
    public boolean grey() {
        return space.isGrey();
    }
}
