package app.retone.core.image;

import app.retone.core.color.Regrain;
import app.retone.core.color.RgbSpace;
import app.retone.core.color.SpaceCodec;
import app.retone.core.color.SrgbCurve;
import java.util.stream.IntStream;

/**
 * A photo's samples read row by row as the working space sees them: extended-range encoded sRGB
 * floats (1 is white; colours outside sRGB below 0 or above 1), three planes. Nothing is clipped.
 */
public final class SampleRows implements Regrain.Rows {

    /** Rows read at a time when the whole photo is streamed. */
    static final int STRIP = 64;

    private final Samples samples;
    private final int width;
    private final int height;
    private final SpaceCodec codec;
    private final float[][] toSrgb;

    public SampleRows(Samples samples, int width, int height) {
        if (samples.pixelCount() != (long) width * height) {
            throw new IllegalArgumentException("the samples hold " + samples.pixelCount() + " pixels, not " + width + " × " + height);
        }
        this.samples = samples;
        this.width = width;
        this.height = height;
        RgbSpace space = samples.space();
        this.codec = space.isSrgb() ? null : space.codec(samples.bits());
        this.toSrgb = space.isSrgb() ? null : Samples.floats(space.toSrgbLinearMatrix());
    }

    @Override
    public int w() {
        return width;
    }

    @Override
    public int h() {
        return height;
    }

    @Override
    public void read(int y0, int y1, float[][] into) {
        IntStream.range(y0, y1).parallel().forEach(y -> readRow(y, into, (y - y0) * width));
    }

    private void readRow(int y, float[][] into, int at) {
        float[] r = into[0];
        float[] g = into[1];
        float[] b = into[2];
        float scale = 1f / ((1 << samples.bits()) - 1);
        for (int x = 0, i = y * width, j = at; x < width; x++, i++, j++) {
            int lr = samples.level(i, 0);
            int lg = samples.level(i, 1);
            int lb = samples.level(i, 2);
            if (codec == null) {
                r[j] = lr * scale;
                g[j] = lg * scale;
                b[j] = lb * scale;
            } else {
                float cr = codec.linear(0, lr);
                float cg = codec.linear(1, lg);
                float cb = codec.linear(2, lb);
                r[j] = (float) SrgbCurve.toEncoded(toSrgb[0][0] * cr + toSrgb[0][1] * cg + toSrgb[0][2] * cb);
                g[j] = (float) SrgbCurve.toEncoded(toSrgb[1][0] * cr + toSrgb[1][1] * cg + toSrgb[1][2] * cb);
                b[j] = (float) SrgbCurve.toEncoded(toSrgb[2][0] * cr + toSrgb[2][1] * cg + toSrgb[2][2] * cb);
            }
        }
    }

    /** Every row, strip by strip, into {@code writer}: a conversion with nothing in between. */
    void streamTo(SampleWriter writer) {
        float[][] planes = new float[3][STRIP * width];
        for (int y0 = 0; y0 < height; y0 += STRIP) {
            int y1 = Math.min(height, y0 + STRIP);
            read(y0, y1, planes);
            writer.write(y0, y1, planes, 0);
        }
    }
}
