package app.retone.core.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts pixels between a photo's own colour space (its embedded ICC profile) and the working
 * space, sRGB, which the histogram, the model, the transfer and the screen all see. The
 * conversions are the JDK's colour management (LittleCMS), with the profile's rendering intent;
 * colours beyond the destination's gamut are clipped to it, never wrapped.
 */
final class WorkingSpace {

    private WorkingSpace() {
    }

    /**
     * The decoded image's pixels, whose values are in {@code profile}'s space, as sRGB packed
     * ARGB (8 bits). A grey profile gives grey: each grey level is converted once, so that
     * R = G = B exactly.
     *
     * @throws java.awt.color.CMMException or IllegalArgumentException when the profile cannot be used
     */
    static int[] toSrgbArgb(BufferedImage decoded, ICC_Profile profile) {
        if (profile.getColorSpaceType() == ColorSpace.TYPE_GRAY) {
            return greyToSrgb(decoded, profile);
        }
        BufferedImage source = inSpace(decoded, new ICC_ColorSpace(profile));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage srgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(source, srgb);
        int[] argb = ((DataBufferInt) srgb.getRaster().getDataBuffer()).getData();
        if (!alpha) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        }
        return argb;
    }

    /** True when the decoded image has 16-bit samples that {@link #toSrgbDeep} keeps. */
    static boolean isDeep(BufferedImage decoded) {
        ColorModel cm = decoded.getColorModel();
        int colours = cm.getNumColorComponents();
        return cm instanceof ComponentColorModel && decoded.getRaster().getDataBuffer().getDataType() == DataBuffer.TYPE_USHORT
                && (colours == 3 || colours == 1) && !cm.isAlphaPremultiplied();
    }

    /**
     * A 16-bit image's pixels as 16-bit sRGB samples (R, G, B per pixel): converted from
     * {@code profile} (null: the values are sRGB already), grey replicated. Alpha is not kept here.
     */
    static short[] toSrgbDeep(BufferedImage decoded, ICC_Profile profile) {
        return toDeep(decoded, profile, ColorSpace.getInstance(ColorSpace.CS_sRGB));
    }

    /**
     * An image's pixels as 16-bit samples of {@code destination} (R, G, B per pixel): converted from
     * {@code profile} (an 8-bit image too), or, without one, a 16-bit image's values as they are,
     * grey replicated. Alpha is not kept here.
     */
    static short[] toDeep(BufferedImage decoded, ICC_Profile profile, ColorSpace destination) {
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        boolean grey = decoded.getColorModel().getNumColorComponents() == 1;
        WritableRaster raster = decoded.getRaster();
        if (profile != null && !grey) {
            WritableRaster out = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, w, h, 3 * w, 3, new int[] {0, 1, 2}, null);
            ColorModel to = new ComponentColorModel(destination, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
            BufferedImage source = isDeep(decoded) ? withoutAlpha(decoded, new ICC_ColorSpace(profile))
                    : inSpace(decoded, new ICC_ColorSpace(profile)); // 8 bits converted to 16: alpha not kept
            new ColorConvertOp(null).filter(source, new BufferedImage(to, out, false, null));
            return ((DataBufferUShort) out.getDataBuffer()).getData();
        }
        short[] table = profile == null ? null : greyTable16(profile);
        short[] deep = new short[3 * w * h];
        int[] row = new int[w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, grey ? 0 : c, row);
                for (int x = 0, i = 3 * y * w + c; x < w; x++, i += 3) {
                    deep[i] = table == null ? (short) row[x] : table[row[x] & 0xFFFF];
                }
            }
        }
        return deep;
    }

    /** The colour bands of a 16-bit image, labelled with {@code cs} (a child raster: no copy). */
    private static BufferedImage withoutAlpha(BufferedImage decoded, ColorSpace cs) {
        WritableRaster colours = decoded.getRaster().createWritableChild(0, 0, decoded.getWidth(), decoded.getHeight(),
                0, 0, new int[] {0, 1, 2});
        return new BufferedImage(new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT),
                colours, false, null);
    }

    /** Every 16-bit grey level through a grey profile to sRGB, R = G = B by taking their mean. */
    private static short[] greyTable16(ICC_Profile profile) {
        WritableRaster levels = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 65536, 1, 65536, 1, new int[] {0}, null);
        for (int v = 0; v < 65536; v++) {
            levels.setSample(v, 0, 0, v);
        }
        BufferedImage grey = new BufferedImage(new ComponentColorModel(new ICC_ColorSpace(profile), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT), levels, false, null);
        WritableRaster out = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 65536, 1, 3 * 65536, 3, new int[] {0, 1, 2}, null);
        new ColorConvertOp(null).filter(grey, new BufferedImage(new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT), out, false, null));
        short[] rgb = ((DataBufferUShort) out.getDataBuffer()).getData();
        short[] table = new short[65536];
        for (int v = 0; v < 65536; v++) {
            table[v] = (short) Math.round(((rgb[3 * v] & 0xFFFF) + (rgb[3 * v + 1] & 0xFFFF) + (rgb[3 * v + 2] & 0xFFFF)) / 3f);
        }
        return table;
    }

    /**
     * 16-bit samples as an image an encoder writes at 16 bits: as they are, or, for a device
     * profile's photo, converted from the wide intermediate ({@link WideIntermediate}) into
     * {@code profile}'s space (null: as they are); with 16-bit alpha from {@code argb}'s 8 bits if {@code alpha}.
     */
    static BufferedImage deepImage(short[] deep, int[] argb, int w, int h, boolean alpha, ICC_Profile profile) {
        short[] samples = deep;
        if (profile != null) {
            WritableRaster out = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, w, h, 3 * w, 3, new int[] {0, 1, 2}, null);
            WritableRaster in = Raster.createInterleavedRaster(new DataBufferUShort(deep, deep.length), w, h, 3 * w, 3,
                    new int[] {0, 1, 2}, null);
            ColorModel wide = new ComponentColorModel(WideIntermediate.COLOR_SPACE, false, false,
                    Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
            new ColorConvertOp(null).filter(new BufferedImage(wide, in, false, null), new BufferedImage(
                    new ComponentColorModel(new ICC_ColorSpace(profile), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT),
                    out, false, null));
            samples = ((DataBufferUShort) out.getDataBuffer()).getData();
        }
        int bands = alpha ? 4 : 3;
        if (alpha) {
            short[] withAlpha = new short[4 * w * h];
            for (int i = 0, n = w * h; i < n; i++) {
                withAlpha[4 * i] = samples[3 * i];
                withAlpha[4 * i + 1] = samples[3 * i + 1];
                withAlpha[4 * i + 2] = samples[3 * i + 2];
                withAlpha[4 * i + 3] = (short) ((argb[i] >>> 24) * 257);
            }
            samples = withAlpha;
        }
        int[] offsets = alpha ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2};
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferUShort(samples, samples.length), w, h, bands * w,
                bands, offsets, null);
        // labelled sRGB whatever the values: the encoders write the samples; the caller embeds the profile
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        return new BufferedImage(cm, raster, false, null);
    }

    /** One grey channel of 16-bit samples whose three channels are alike (the red is taken). */
    static BufferedImage greyImage16(short[] rgb16, int w, int h) {
        short[] grey = new short[w * h];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = rgb16[3 * i];
        }
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferUShort(grey, grey.length), w, h, w, 1,
                new int[] {0}, null);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        image.setData(raster);
        return image;
    }

    /** One grey channel of 8-bit pixels whose three channels are alike (the red is taken). */
    static BufferedImage greyImage8(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            rgb.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) row[x];
            }
        }
        return grey;
    }

    /**
     * An image of the wide intermediate's values ({@link WideIntermediate}: a device profile's photo,
     * whatever its image says) converted into {@code profile}'s RGB space, laid out as the standard
     * {@code TYPE_3BYTE_BGR} or {@code TYPE_4BYTE_ABGR} so that every encoder takes it; its values
     * are the profile's, which the caller embeds beside them.
     */
    static BufferedImage fromWide(BufferedImage values, ICC_Profile profile) {
        BufferedImage wide = inSpace(values, WideIntermediate.COLOR_SPACE);
        boolean alpha = wide.getColorModel().hasAlpha();
        int w = wide.getWidth();
        int h = wide.getHeight();
        int[] offsets = alpha ? new int[] {3, 2, 1, 0} : new int[] {2, 1, 0};
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * offsets.length,
                offsets.length, offsets, null);
        ColorModel inProfile = new ComponentColorModel(new ICC_ColorSpace(profile), alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        new ColorConvertOp(null).filter(wide, new BufferedImage(inProfile, raster, false, null));
        ColorModel standard = new BufferedImage(1, 1, alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR)
                .getColorModel();
        return new BufferedImage(standard, raster, false, null);
    }

    /** The decoded pixels labelled with {@code cs}: the same raster when it is interleaved, else a copy. */
    private static BufferedImage inSpace(BufferedImage decoded, ColorSpace cs) {
        ColorModel cm = decoded.getColorModel();
        WritableRaster raster = decoded.getRaster();
        int type = raster.getDataBuffer().getDataType();
        boolean interleaved = raster.getSampleModel() instanceof PixelInterleavedSampleModel
                && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT);
        if (cm instanceof ComponentColorModel && interleaved && !cm.isAlphaPremultiplied()
                && cm.getNumColorComponents() == 3 && raster.getNumBands() == cm.getNumComponents()) {
            return new BufferedImage(new ComponentColorModel(cs, cm.hasAlpha(), false, cm.getTransparency(), type),
                    raster, false, null);
        }
        // palettes, packed pixels, other depths: their encoded values, 8 bits, then labelled
        PixelConversion.Result values = PixelConversion.toArgb(decoded);
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        boolean alpha = values.hasAlpha();
        int bands = alpha ? 4 : 3;
        WritableRaster copy = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * bands, bands,
                alpha ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2}, null);
        byte[] data = ((java.awt.image.DataBufferByte) copy.getDataBuffer()).getData();
        int[] argb = values.argb();
        for (int i = 0, j = 0; i < argb.length; i++, j += bands) {
            int p = argb[i];
            data[j] = (byte) (p >>> 16);
            data[j + 1] = (byte) (p >>> 8);
            data[j + 2] = (byte) p;
            if (alpha) {
                data[j + 3] = (byte) (p >>> 24);
            }
        }
        return new BufferedImage(new ComponentColorModel(cs, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE), copy, false, null);
    }

    private static int[] greyToSrgb(BufferedImage decoded, ICC_Profile profile) {
        // the 16-bit table at the 8-bit levels (v · 257), rounded back to 8 bits
        short[] levels16 = greyTable16(profile);
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = DeepPixels.to8(levels16[v * 257]);
        }
        int[] argb = PixelConversion.toArgb(decoded).argb(); // grey replicated: R = G = B = the encoded level
        for (int i = 0; i < argb.length; i++) {
            int t = table[argb[i] & 0xFF];
            argb[i] = argb[i] & 0xFF000000 | t << 16 | t << 8 | t;
        }
        return argb;
    }
}
