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
    private final int stride;
    private final int x0;
    private final int y0;
    private final int width;
    private final int height;
    private final SpaceCodec codec;
    private final float[][] toSrgb;

    public SampleRows(Samples samples, int width, int height) {
        this(samples, width, height, 0, 0, width, height);
    }

    /** The region (x0, y0, w × h) of samples {@code fullWidth × fullHeight}, read as an image of its own. */
    public SampleRows(Samples samples, int fullWidth, int fullHeight, int x0, int y0, int w, int h) {
        if (samples.pixelCount() != (long) fullWidth * fullHeight) {
            throw new IllegalArgumentException("the samples hold " + samples.pixelCount() + " pixels, not " + fullWidth + " × "
                    + fullHeight);
        }
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > fullWidth || y0 + h > fullHeight) {
            throw new IllegalArgumentException("the region " + x0 + "," + y0 + " " + w + " × " + h + " is not inside "
                    + fullWidth + " × " + fullHeight);
        }
        this.samples = samples;
        this.stride = fullWidth;
        this.x0 = x0;
        this.y0 = y0;
        this.width = w;
        this.height = h;
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
    public void read(int from, int to, float[][] into) {
        IntStream.range(from, to).parallel().forEach(y -> readRow(y, into, (y - from) * width));
    }

    private void readRow(int y, float[][] into, int at) {
        float[] r = into[0];
        float[] g = into[1];
        float[] b = into[2];
        float scale = 1f / ((1 << samples.bits()) - 1);
        for (int x = 0, i = (y0 + y) * stride + x0, j = at; x < width; x++, i++, j++) {
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
}
