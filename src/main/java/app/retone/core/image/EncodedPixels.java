package app.retone.core.image;

/**
 * Pixels ready for an encoder: values in the space {@link #encoding} names, at its depth, with the
 * alpha of the photo they were rendered from. Made by rendering ({@code core.render.PhotoRender})
 * or, for a photo written as it is, by {@link #of}.
 *
 * @param width    in pixels
 * @param height   in pixels
 * @param samples  the values (a grey encoding has its level in all three channels)
 * @param alpha    packed ARGB whose alpha bytes are the pixels' alpha, or null when opaque
 * @param encoding their space, depth and profile
 */
public record EncodedPixels(int width, int height, Samples samples, int[] alpha, OutputEncoding encoding) {

    public EncodedPixels {
        if (samples.pixelCount() != (long) width * height) {
            throw new IllegalArgumentException("the samples hold " + samples.pixelCount() + " pixels, not " + width + " × " + height);
        }
        if (samples.bits() != encoding.bits() || samples.space() != encoding.space()) {
            throw new IllegalArgumentException("the samples are not in the encoding's space and depth");
        }
    }

    public boolean hasAlpha() {
        return alpha != null;
    }

    /**
     * {@code photo} written as it is: its own samples when the encoding is their space and depth
     * (bit for bit), else converted to it exactly.
     */
    public static EncodedPixels of(Photo photo, OutputEncoding encoding) {
        Samples samples = photo.samples();
        int[] alpha = photo.hasAlpha() ? photo.argb() : null;
        if (samples.space() == encoding.space() && samples.bits() == encoding.bits()) {
            return new EncodedPixels(photo.width(), photo.height(), samples, alpha, encoding);
        }
        SampleRows rows = new SampleRows(samples, photo.width(), photo.height());
        SampleWriter writer = new SampleWriter(encoding, photo.width(), photo.height());
        rows.streamTo(writer);
        return writer.result(alpha);
    }
}
