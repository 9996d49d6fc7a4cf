package app.retone.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns any decoded {@link BufferedImage} into packed 8-bit ARGB.
 *
 * <p>RGB and gray images keep their encoded values (scaled to 8 bits): the values are what
 * the file's ICC profile, if any, describes, and export hands that profile on. Java's own
 * conversion would treat gray as linear light and brighten it, so gray is replicated, not
 * converted. Other colour spaces (CMYK, YCCK, Lab) are converted to sRGB.
 *
 * <p>An opaque image packed in ints (what the decoder gives for most JPEGs) is made ARGB where
 * its pixels lie: its own array is returned, its unused byte set to the opaque alpha.
 */
final class PixelConversion {

    record Result(int[] argb, boolean hasAlpha) {
    }

    private PixelConversion() {
    }

    static Result toArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        boolean alpha = cm.hasAlpha();
        switch (image.getType()) {
            case BufferedImage.TYPE_INT_ARGB:
            case BufferedImage.TYPE_INT_RGB:
                return new Result(fromIntPacked(image, image.getType() == BufferedImage.TYPE_INT_ARGB), alpha);
            case BufferedImage.TYPE_3BYTE_BGR:
                return new Result(fromBgr(image), false);
            case BufferedImage.TYPE_4BYTE_ABGR:
                return new Result(fromAbgr(image), true);
            default:
                break;
        }
        if (cm.isAlphaPremultiplied()) {
            image.coerceData(false);
        }
        int csType = cm.getColorSpace().getType();
        if (cm instanceof IndexColorModel) {
            return new Result(viaGetRgb(image), alpha);
        }
        boolean integral = image.getRaster().getDataBuffer().getDataType() <= DataBuffer.TYPE_INT;
        if (integral && (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                && (csType == ColorSpace.TYPE_RGB || csType == ColorSpace.TYPE_GRAY)) {
            return new Result(fromSamples(image, csType == ColorSpace.TYPE_GRAY), alpha);
        }
        return new Result(viaGetRgb(image), alpha);
    }

    private static int[] fromIntPacked(BufferedImage image, boolean hasAlpha) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        if (raster.getDataBuffer() instanceof DataBufferInt db && raster.getParent() == null
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && db.getNumBanks() == 1 && db.getData().length == w * h) {
            int[] data = db.getData();
            if (hasAlpha) {
                int[] out = new int[data.length];
                System.arraycopy(data, 0, out, 0, out.length);
                return out;
            }
            // opaque: the byte RGB leaves unused becomes the alpha, where the pixels lie (the image
            // means the same), so a large photo is never held twice
            for (int i = 0; i < data.length; i++) {
                data[i] |= 0xFF000000;
            }
            return data;
        }
        return viaGetRgb(image);
    }

    private static int[] fromBgr(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte db) || raster.getParent() != null
                || db.getData().length != w * h * 3) {
            return viaGetRgb(image);
        }
        byte[] d = db.getData();
        int[] out = new int[w * h];
        for (int i = 0, j = 0; i < out.length; i++, j += 3) {
            out[i] = 0xFF000000 | (d[j + 2] & 0xFF) << 16 | (d[j + 1] & 0xFF) << 8 | (d[j] & 0xFF);
        }
        return out;
    }

    private static int[] fromAbgr(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte db) || raster.getParent() != null
                || db.getData().length != w * h * 4) {
            return viaGetRgb(image);
        }
        byte[] d = db.getData();
        int[] out = new int[w * h];
        for (int i = 0, j = 0; i < out.length; i++, j += 4) {
            out[i] = (d[j] & 0xFF) << 24 | (d[j + 3] & 0xFF) << 16 | (d[j + 2] & 0xFF) << 8 | (d[j + 1] & 0xFF);
        }
        return out;
    }

    /** RGB or gray with any integral bit depth (16-bit PNG, 12-bit TIFF...), with or without alpha. */
    private static int[] fromSamples(BufferedImage image, boolean gray) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int colorBands = gray ? 1 : 3;
        int bands = raster.getNumBands();
        boolean hasAlpha = cm.hasAlpha() && bands > colorBands;
        double[] scale = new double[bands];
        for (int b = 0; b < bands; b++) {
            int bits = cm.getComponentSize(Math.min(b, cm.getNumComponents() - 1));
            scale[b] = 255.0 / ((1L << bits) - 1);
        }
        int[] out = new int[w * h];
        int[] row = new int[w * bands];
        // signed 16-bit samples (TIFF SampleFormat 2): shift -32768..32767 to 0..65535
        int offset = raster.getDataBuffer().getDataType() == DataBuffer.TYPE_SHORT ? 32768 : 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            if (offset != 0) {
                for (int k = 0; k < row.length; k++) {
                    row[k] += offset;
                }
            }
            for (int x = 0, j = 0; x < w; x++, j += bands) {
                int r = to8(row[j], scale[0]);
                int g = gray ? r : to8(row[j + 1], scale[1]);
                int b = gray ? r : to8(row[j + 2], scale[2]);
                int a = hasAlpha ? to8(row[j + colorBands], scale[colorBands]) : 255;
                out[y * w + x] = a << 24 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    private static int to8(int sample, double scale) {
        int v = (int) Math.round((sample & 0xFFFFFFFFL) * scale);
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static int[] viaGetRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[w * h];
        // row by row keeps the temporary conversion buffers small
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, out, y * w, w);
        }
        return out;
    }
}
