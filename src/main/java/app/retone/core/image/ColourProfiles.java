package app.retone.core.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds the ICC profile a photo file embeds, whatever its format, and tells whether it needs
 * converting: JPEG and WebP decoders report it in the raw image's colour space, TIFF's in the
 * decoded one, and the JDK's PNG decoder only in its metadata (the iCCP chunk), which it ignores.
 */
final class ColourProfiles {

    /** No real profile is larger; a PNG iCCP chunk that inflates beyond this is refused. */
    static final int MAX_PROFILE_BYTES = 16 << 20;

    private static final float[][] PROBES = {
        {0, 0, 0}, {1, 1, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.5f, 0.5f, 0.5f}, {0.2f, 0.6f, 0.9f}, {0.9f, 0.4f, 0.1f},
    };

    private ColourProfiles() {
    }

    /** The JDK's sRGB and grey profiles, which decoders assign to files that name no profile. */
    private static final List<byte[]> DECODER_DEFAULTS = List.of(
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(), ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());

    /**
     * The profile the file embeds, as the decoder labelled its pixels with it: {@code cs}, unless
     * it is the JDK's sRGB or grey, which decoders assign to files without a profile.
     */
    static ICC_Profile embeddedIn(ColorSpace cs) {
        if (!(cs instanceof ICC_ColorSpace icc) || cs == ColorSpace.getInstance(ColorSpace.CS_sRGB)
                || cs == ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
            return null;
        }
        byte[] data = icc.getProfile().getData();
        return DECODER_DEFAULTS.stream().anyMatch(d -> Arrays.equals(d, data)) ? null : icc.getProfile();
    }

    /**
     * The profile in a PNG's iCCP chunk, inflated; null when there is none (the JDK's PNG decoder
     * reads it only with all the file's metadata, and then ignores it). The chunks before the
     * image data are walked; lengths are checked against the file.
     *
     * @throws IllegalArgumentException when the chunk does not hold a profile
     */
    static byte[] pngIccp(FileChannel channel) throws IOException {
        byte[] chunk = PngChunks.find(channel, "iCCP", true, MAX_PROFILE_BYTES);
        if (chunk == null) {
            return null;
        }
        int name = 0;
        while (name < chunk.length && chunk[name] != 0) {
            name++;
        }
        if (name + 2 > chunk.length) {
            throw new IllegalArgumentException("the iCCP chunk holds no profile");
        }
        return inflate(Arrays.copyOfRange(chunk, name + 2, chunk.length)); // after the name, its 0 and the method
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[1 << 14];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the iCCP chunk's profile is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) {
                    throw new IllegalArgumentException("the iCCP chunk inflates to more than " + (MAX_PROFILE_BYTES >> 20) + " MB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the iCCP chunk is not valid deflate data (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * True when the profile's colours are sRGB's to within half an 8-bit level on a few
     * probes (the primaries, white, black, greys and two colours): its pixels need no conversion.
     */
    static boolean isSrgbEquivalent(ICC_Profile profile) {
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return false;
        }
        ICC_ColorSpace cs = new ICC_ColorSpace(profile);
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        for (float[] probe : PROBES) {
            float[] asSrgb = srgb.fromCIEXYZ(cs.toCIEXYZ(probe));
            for (int c = 0; c < 3; c++) {
                if (Math.abs(asSrgb[c] - probe[c]) > 0.5f / 255) {
                    return false;
                }
            }
        }
        return true;
    }
}
