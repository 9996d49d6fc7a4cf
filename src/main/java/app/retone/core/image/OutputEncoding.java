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
 * A source whose RGB device profile (lookup tables) Retone cannot compute exactly was converted
 * into a wide space by LittleCMS on load ({@link WideIntermediate}); written in its own space, those
 * values are converted back by LittleCMS too ({@link #convertBackTo}), unless nothing changed them:
 * then its own values are written as they came ({@link #asWritten}, {@link SampleWriter#encode}).
 *
 * @param space         the space the written values are in
 * @param bits          8 or 16
 * @param iccProfile    the profile to embed, or null for none
 * @param srgbTag       without a profile: whether the export says it is sRGB (an sRGB profile, or
 *                      a PNG's sRGB chunk): when it is written in sRGB by choice, or the source
 *                      said sRGB by a tag ({@link SourceInfo#taggedSrgb}); an untagged sRGB photo
 *                      written in its own space stays untagged
 * @param convertBackTo for a device-profile source written in its own space: the profile LittleCMS
 *                      converts the wide intermediate's values into; null otherwise
 */
public record OutputEncoding(RgbSpace space, int bits, byte[] iccProfile, boolean srgbTag, ICC_Profile convertBackTo) {

    /** The encoding of {@code photo} exported as {@code format} in {@code colourSpace}. */
    public static OutputEncoding of(Photo photo, OutputColourSpace colourSpace, ImageFormat format) {
        Samples samples = photo.samples();
        SourceInfo source = photo.source();
        // the file's depth: a device profile's photo holds its values at 16 bits whatever their file's
        int bits = photo.deviceValues().orElse(samples).isDeep() && format != ImageFormat.JPEG ? 16 : 8;
        boolean own = colourSpace == OutputColourSpace.SOURCE;
        boolean tagged = !own || source.taggedSrgb();
        if (samples.space() == WideIntermediate.SPACE) {
            // a device profile's values, converted by LittleCMS on load: back into its profile, or sRGB
            return own ? new OutputEncoding(WideIntermediate.SPACE, bits, source.iccProfile(), false,
                    ICC_Profile.getInstance(source.iccProfile())) : new OutputEncoding(RgbSpace.SRGB, bits, null, true, null);
        }
        if (!samples.space().isSrgb()) {
            return own ? new OutputEncoding(samples.space(), bits, source.iccProfile(), false, null)
                    : new OutputEncoding(RgbSpace.SRGB, bits, null, true, null);
        }
        // values taken as sRGB: a profile that matches sRGB still describes them
        byte[] profile = source.hasRgbIccProfile() ? source.iccProfile() : null;
        return new OutputEncoding(RgbSpace.SRGB, bits, profile, profile == null && tagged, null);
    }

    /**
     * This encoding for values already in its profile's space, {@code space} (a device profile's
     * values as the photo came with them): written as they are, nothing converted back.
     */
    public OutputEncoding asWritten(RgbSpace space) {
        return new OutputEncoding(space, bits, iccProfile, srgbTag, null);
    }

    /** Plain sRGB at {@code bits}, without a profile or a tag. */
    public static OutputEncoding srgb(int bits) {
        return new OutputEncoding(RgbSpace.SRGB, bits, null, false, null);
    }

    /** True when the values are one grey channel. */
    public boolean grey() {
        return space.isGrey();
    }
}
