package app.retone.core.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds the ICC profile a photo file embeds, whatever its format, and tells whether it needs
 * converting: JPEG and WebP decoders report it in the raw image's colour space, TIFF's in the
 * decoded one, and the JDK's PNG decoder only in its metadata (the iCCP chunk), which it ignores;
 * a profile a decoder could not read is read from the file itself ({@link #stored}).
 */
final class ColourProfiles {

    /** No real profile is larger; a PNG iCCP chunk that inflates beyond this is refused. */
    static final int MAX_PROFILE_BYTES = 16 << 20;

    private static final float[][] PROBES = {
        {0, 0, 0}, {1, 1, 1}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.5f, 0.5f, 0.5f}, {0.2f, 0.6f, 0.9f}, {0.9f, 0.4f, 0.1f},
    };

    /** How the warning for a damaged embedded profile starts ({@link #damagedWarning}). */
    static final String DAMAGED_PROFILE = "the embedded colour profile is damaged";

    private ColourProfiles() {
    }

    /**
     * The one warning a profile that cannot be used gives, whichever step of a load found it: the
     * photo's values are then taken as sRGB, and the profile is not kept for export.
     */
    static String damagedWarning(Throwable e) {
        return DAMAGED_PROFILE + " (" + app.retone.core.Errors.describe(e) + "); its colours are shown as sRGB";
    }

    /** Whether a step of a load found the embedded profile damaged ({@link #damagedWarning}). */
    static boolean foundDamaged(List<String> warnings) {
        return warnings.stream().anyMatch(w -> w.startsWith(DAMAGED_PROFILE));
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
    static byte[] pngIccp(SeekableByteChannel channel) throws IOException {
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

    /**
     * The profile a PNG (iCCP), TIFF (tag 34675) or WebP (ICCP chunk) file stores, as bytes, or
     * null when it stores none; for JPEG see {@link JpegSegments}. The loader reads it when the
     * decoder reports none: the JDK's PNG decoder ignores iCCP, and TwelveMonkeys' TIFF and WebP
     * decoders drop a profile they cannot read without a word.
     *
     * @throws IllegalArgumentException when the file's profile cannot even be taken out of it
     */
    static byte[] stored(SeekableByteChannel channel, String format) throws IOException {
        return switch (format) {
            case "png" -> pngIccp(channel);
            case "tiff" -> TiffIfds.ifd0Value(TiffIfds.Bytes.of(channel), TiffIfds.ICC_PROFILE, MAX_PROFILE_BYTES);
            case "webp" -> webpIccp(channel);
            default -> null;
        };
    }

    /**
     * Where the type of a WebP's ICCP chunk is when TwelveMonkeys' WebP decoder cannot read its
     * profile (then it refuses the whole file), or -1: not a WebP, no profile, or one it reads.
     */
    static long unreadableWebpProfile(SeekableByteChannel channel) {
        try {
            long at = webpIccpAt(channel);
            if (at < 0) {
                return -1;
            }
            try {
                read(webpIccp(channel));
                return -1;
            } catch (IllegalArgumentException | java.awt.color.ProfileDataException e) {
                return at;
            }
        } catch (IOException e) {
            return -1; // the decoder reports what cannot be read
        }
    }

    /** The profile in a WebP's ICCP chunk, or null; the RIFF chunks are walked, each length checked against the file. */
    static byte[] webpIccp(SeekableByteChannel channel) throws IOException {
        long at = webpIccpAt(channel);
        if (at < 0) {
            return null;
        }
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(at);
        while (head.hasRemaining() && channel.read(head) > 0) {
            // a short read only at the end of the file
        }
        long length = Integer.toUnsignedLong(head.getInt(4));
        if (length > MAX_PROFILE_BYTES || at + 8 + length > channel.size()) {
            throw new IllegalArgumentException("the ICCP chunk claims " + length + " bytes");
        }
        ByteBuffer data = ByteBuffer.allocate((int) length);
        while (data.hasRemaining() && channel.read(data) > 0) {
            // as above
        }
        return data.array();
    }

    /** Where a WebP's ICCP chunk starts, or -1 when the file is not a WebP or has none. */
    private static long webpIccpAt(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(0);
        while (head.hasRemaining() && channel.read(head) > 0) {
            // a short read only at the end of the file
        }
        if (head.hasRemaining() || !new String(head.array(), 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                || !new String(head.array(), 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return -1;
        }
        ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (long at = 12; at + 8 <= size; ) {
            chunk.clear();
            channel.position(at);
            while (chunk.hasRemaining() && channel.read(chunk) > 0) {
                // as above
            }
            if (new String(chunk.array(), 0, 4, StandardCharsets.ISO_8859_1).equals("ICCP")) {
                return at;
            }
            long length = Integer.toUnsignedLong(chunk.getInt(4));
            at += 8 + length + (length & 1);
        }
        return -1;
    }

    /**
     * The profile in these bytes, as the decoders read one: refused when it is cut short (it
     * claims more than it holds: TwelveMonkeys' readers check this first) or the JDK cannot read it.
     *
     * @throws IllegalArgumentException (or the JDK's ProfileDataException) saying what is wrong
     */
    static ICC_Profile read(byte[] profile) {
        long claim = claimedSize(profile);
        if (profile.length < 128 || claim > profile.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cut short: it claims %d bytes and holds %d",
                    Math.max(claim, 128), profile.length));
        }
        return ICC_Profile.getInstance(profile);
    }

    /** The size a profile's header claims (its first four bytes, big-endian), or -1 when it is shorter than that. */
    static long claimedSize(byte[] profile) {
        return profile == null || profile.length < 4 ? -1 : Integer.toUnsignedLong(ByteBuffer.wrap(profile).getInt());
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
