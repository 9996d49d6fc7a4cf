package app.retone.core.image;

/**
 * Pixels ready for an encoder: values in the space {@link #encoding} names, at its depth, with the
 * alpha of the photo they were rendered from. Made by rendering ({@code core.render.PhotoRender})
 * or, for a photo written as it is, by {@link SampleWriter#encode}.
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
}
