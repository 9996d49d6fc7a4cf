package app.retone.core.color;

import app.retone.core.image.Photo;

/**
 * The engine's rendering path, shared by every front end: from a source and a target histogram
 * to a LUT, and from a LUT and a strength to the result pixels, optionally regrained.
 */
public final class ColorTransfer {

    private final PdfTransfer pdfTransfer;
    private final Regrain regrain;
    private final Interpolation interpolation;

    public ColorTransfer() {
        this(new PdfTransfer(), new Regrain(), Interpolation.TETRAHEDRAL);
    }

    public ColorTransfer(PdfTransfer pdfTransfer, Regrain regrain, Interpolation interpolation) {
        this.pdfTransfer = pdfTransfer;
        this.regrain = regrain;
        this.interpolation = interpolation;
    }

    public ColorLut3D lut(Histogram3D source, Histogram3D target) {
        return pdfTransfer.transfer(source, target);
    }

    /**
     * Applies {@code lut} at {@code strength} to the pixels; with {@code withRegrain}, puts the
     * original's grain back. Strength 0 returns a copy of the input, bit-exact.
     */
    public int[] render(int[] argb, int width, int height, ColorLut3D lut, double strength, boolean withRegrain) {
        ColorLut3D blended = lut.withStrength(strength);
        int[] colored = blended.apply(argb, interpolation);
        if (!withRegrain || blended.isIdentity()) {
            return colored;
        }
        return regrain.apply(argb, colored, width, height);
    }

    /**
     * The whole photo rendered: at 16 bits when it has them (the LUT applied to every 16-bit
     * level, regrain in floating point), else at 8. The one recipe export uses, in the app and
     * on the command line.
     */
    public Photo render(Photo photo, ColorLut3D lut, double strength, boolean withRegrain) {
        if (photo.deep().isEmpty()) {
            return photo.withPixels(render(photo.argb(), photo.width(), photo.height(), lut, strength, withRegrain));
        }
        short[] deep = photo.deep().get();
        ColorLut3D blended = lut.withStrength(strength);
        if (blended.isIdentity()) {
            return photo;
        }
        short[] colored = blended.apply16(deep);
        return photo.withDeepPixels(withRegrain ? regrain.apply16(deep, colored, photo.width(), photo.height()) : colored);
    }
}
