package app.retone.core.render;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.ColorTransfer;
import app.retone.core.color.Regrain;
import app.retone.core.image.EncodedPixels;
import app.retone.core.image.ExportOptions;
import app.retone.core.image.ImageWriteException;
import app.retone.core.image.PhotoExporter;
import java.nio.file.Path;
import app.retone.core.image.ImageFormat;
import app.retone.core.image.OutputColourSpace;
import app.retone.core.image.OutputEncoding;
import app.retone.core.image.Photo;
import app.retone.core.image.SampleRows;
import app.retone.core.image.SampleWriter;
import app.retone.core.image.Samples;

/**
 * A whole photo rendered by its {@link Recipe}, as every export renders it (the app's, a batch's and
 * the command line's), from the photo's own values in its own space:
 * <ol>
 *   <li>the values as extended-range sRGB (the working space: nothing outside sRGB is clipped);</li>
 *   <li>the recipe's LUT: the look at its strength, the develop adjustments after it (outside the
 *       LUT's cube a colour keeps its distance beyond it);</li>
 *   <li>regrain, when asked: the original plus the look's correction, smoothed where the photo is flat;</li>
 *   <li>the result in the export's space and depth ({@link OutputEncoding}), clipped only there.</li>
 * </ol>
 * At strength 0 the photo's own values come back, bit for bit, when written in its own space. An
 * 8-bit sRGB photo written as 8-bit sRGB takes the integer LUT path the preview takes.
 */
public final class PhotoRender {

    private PhotoRender() {
    }

    /** The photo rendered by {@code recipe} for {@code format} in {@code colourSpace}. */
    public static EncodedPixels render(ColorTransfer engine, Photo photo, Recipe recipe, ImageFormat format,
                                       OutputColourSpace colourSpace) {
        return render(engine, photo, recipe, OutputEncoding.of(photo, colourSpace, format));
    }

    public static EncodedPixels render(ColorTransfer engine, Photo photo, Recipe recipe, OutputEncoding encoding) {
        ColorLut3D blended = recipe.lut();
        boolean withRegrain = recipe.regrain();
        if (blended.isIdentity()) {
            return SampleWriter.encode(photo, encoding);
        }
        Samples samples = photo.samples();
        int w = photo.width();
        int h = photo.height();
        int[] alpha = photo.hasAlpha() ? photo.argb() : null;
        if (samples.space().isSrgb() && !samples.isDeep() && encoding.space().isSrgb() && encoding.bits() == 8) {
            int[] result = engine.render(samples.packed8(), w, h, blended, 1.0, withRegrain);
            return new EncodedPixels(w, h, Samples.srgb8(result), alpha, encoding);
        }
        SampleRows original = new SampleRows(samples, w, h);
        Regrain.Rows looked = new Looked(original, blended);
        SampleWriter writer = new SampleWriter(encoding, w, h);
        if (withRegrain) {
            engine.regrain().apply(original, looked, (y0, y1, correction, before, from) -> {
                for (int k = 0; k < 3; k++) {
                    float[] d = correction[k];
                    float[] o = before[k];
                    for (int j = from * w, end = (from + y1 - y0) * w; j < end; j++) {
                        d[j] += o[j];
                    }
                }
                writer.write(y0, y1, correction, from);
            });
        } else {
            int strip = 64;
            float[][] planes = new float[3][strip * w];
            for (int y0 = 0; y0 < h; y0 += strip) {
                int y1 = Math.min(h, y0 + strip);
                looked.read(y0, y1, planes);
                writer.write(y0, y1, planes, 0);
            }
        }
        return writer.result(alpha);
    }

    /**
     * Renders {@code photo} for {@code destination} and writes it there: the last steps of every
     * export (the format and colour space as {@code options} and the name ask).
     */
    public static ImageFormat export(ColorTransfer engine, PhotoExporter exporter, Photo photo, Recipe recipe,
                                     Path destination, ExportOptions options) throws ImageWriteException {
        ImageFormat format = PhotoExporter.formatFor(destination, options);
        EncodedPixels pixels = render(engine, photo, recipe, format, options.colourSpace());
        return exporter.export(pixels, photo.source(), destination, options);
    }

    /** Rows under the look: the original's rows with the LUT applied, extended range kept. */
    private record Looked(SampleRows original, ColorLut3D lut) implements Regrain.Rows {
        @Override
        public int w() {
            return original.w();
        }

        @Override
        public int h() {
            return original.h();
        }

        @Override
        public void read(int y0, int y1, float[][] into) {
            original.read(y0, y1, into);
            int w = original.w();
            java.util.stream.IntStream.range(y0, y1).parallel().forEach(y -> lut.applyExtended(into, (y - y0) * w, w));
        }
    }
}
