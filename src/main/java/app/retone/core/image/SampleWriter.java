package app.retone.core.image;

import app.retone.core.color.RgbSpace;
import app.retone.core.color.SpaceCodec;
import app.retone.core.color.SrgbCurve;
import java.util.stream.IntStream;

/**
 * Writes extended-range encoded sRGB rows (the working space, {@link SampleRows}) as the samples of
 * an {@link OutputEncoding}: into sRGB by clipping to its gamut, into another space exactly
 * (linear light, its matrix, its curves' nearest level), into a grey space as the luminance.
 * Values beyond the destination's gamut are clipped there, channel by channel, as LittleCMS clips.
 */
public final class SampleWriter {

    private final OutputEncoding encoding;
    private final int width;
    private final int height;
    private final int[] packed8;
    private final short[] rgb16;
    private final SpaceCodec codec;
    private final float[][] fromSrgb;
    private final int max;

    public SampleWriter(OutputEncoding encoding, int width, int height) {
        this.encoding = encoding;
        this.width = width;
        this.height = height;
        int n = Math.multiplyExact(width, height);
        this.packed8 = encoding.bits() == 8 ? new int[n] : null;
        this.rgb16 = encoding.bits() == 16 ? new short[Math.multiplyExact(3, n)] : null;
        RgbSpace space = encoding.space();
        this.codec = space.isSrgb() ? null : space.codec(encoding.bits());
        this.fromSrgb = space.isSrgb() ? null : Samples.floats(space.fromSrgbLinearMatrix());
        this.max = (1 << encoding.bits()) - 1;
    }

    /**
     * {@code photo} written as it is: its own samples when the encoding is their space and depth
     * (bit for bit), else converted to it exactly. A device-profile photo written back into its
     * profile at its own depth writes the values it came with, not LittleCMS's round trip through
     * the wide intermediate ({@link Photo#deviceValues}).
     */
    public static EncodedPixels encode(Photo photo, OutputEncoding encoding) {
        Samples samples = photo.samples();
        int[] alpha = photo.hasAlpha() ? photo.argb() : null;
        Samples device = photo.deviceValues().orElse(null);
        if (device != null && encoding.convertBackTo() != null && device.bits() == encoding.bits()
                && java.util.Arrays.equals(encoding.iccProfile(), photo.source().iccProfile())) { // its own profile, not another's
            return new EncodedPixels(photo.width(), photo.height(), device, alpha, encoding.asWritten(device.space()));
        }
        if (samples.space() == encoding.space() && samples.bits() == encoding.bits()) {
            return new EncodedPixels(photo.width(), photo.height(), samples, alpha, encoding);
        }
        int width = photo.width();
        int height = photo.height();
        SampleRows rows = new SampleRows(samples, width, height);
        SampleWriter writer = new SampleWriter(encoding, width, height);
        float[][] planes = new float[3][SampleRows.STRIP * width];
        for (int y0 = 0; y0 < height; y0 += SampleRows.STRIP) { // strip by strip: a conversion with nothing in between
            int y1 = Math.min(height, y0 + SampleRows.STRIP);
            rows.read(y0, y1, planes);
            writer.write(y0, y1, planes, 0);
        }
        return writer.result(alpha);
    }

    /** Rows y0 to y1, which are rows {@code from} on of the three planes. */
    public void write(int y0, int y1, float[][] planes, int from) {
        IntStream.range(y0, y1).parallel().forEach(y -> writeRow(y, planes, (y - y0 + from) * width));
    }

    private void writeRow(int y, float[][] planes, int at) {
        int[] levels = new int[3];
        for (int x = 0, i = y * width, j = at; x < width; x++, i++, j++) {
            float r = planes[0][j];
            float g = planes[1][j];
            float b = planes[2][j];
            if (codec == null) {
                levels[0] = quantise(r);
                levels[1] = quantise(g);
                levels[2] = quantise(b);
            } else {
                double lr = SrgbCurve.toLinear(r);
                double lg = SrgbCurve.toLinear(g);
                double lb = SrgbCurve.toLinear(b);
                if (encoding.grey()) {
                    int level = codec.level(0, RgbSpace.luminance(lr, lg, lb));
                    levels[0] = level;
                    levels[1] = level;
                    levels[2] = level;
                } else {
                    levels[0] = codec.level(0, fromSrgb[0][0] * lr + fromSrgb[0][1] * lg + fromSrgb[0][2] * lb);
                    levels[1] = codec.level(1, fromSrgb[1][0] * lr + fromSrgb[1][1] * lg + fromSrgb[1][2] * lb);
                    levels[2] = codec.level(2, fromSrgb[2][0] * lr + fromSrgb[2][1] * lg + fromSrgb[2][2] * lb);
                }
            }
            if (packed8 != null) {
                packed8[i] = 0xFF000000 | levels[0] << 16 | levels[1] << 8 | levels[2];
            } else {
                rgb16[3 * i] = (short) levels[0];
                rgb16[3 * i + 1] = (short) levels[1];
                rgb16[3 * i + 2] = (short) levels[2];
            }
        }
    }

    /** An encoded sRGB value in [0, 1] (clipped) → the nearest level. */
    private int quantise(float v) {
        int q = (int) (v * max + 0.5f);
        return q < 0 ? 0 : Math.min(q, max);
    }

    /** The samples written, with {@code alpha}'s alpha (null: opaque); for 8 bits the alpha goes into the packed values too. */
    public EncodedPixels result(int[] alpha) {
        if (packed8 != null && alpha != null) {
            for (int i = 0; i < packed8.length; i++) {
                packed8[i] = packed8[i] & 0x00FFFFFF | alpha[i] & 0xFF000000;
            }
        }
        return new EncodedPixels(width, height, new Samples(encoding.space(), packed8, rgb16), alpha, encoding);
    }
}
