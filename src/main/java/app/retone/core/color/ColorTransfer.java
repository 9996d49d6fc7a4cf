package app.retone.core.color;

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

    /** The regrain this engine applies. */
    public Regrain regrain() {
        return regrain;
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
     * The same for 16-bit samples (R, G, B per pixel): the LUT applied to every 16-bit level,
     * regrain in floating point. Strength 0 returns the input array itself.
     */
    public short[] render16(short[] rgb16, int width, int height, ColorLut3D lut, double strength, boolean withRegrain) {
        ColorLut3D blended = lut.withStrength(strength);
        if (blended.isIdentity()) {
            return rgb16;
        }
        short[] colored = blended.apply16(rgb16);
        return withRegrain ? regrain.apply16(rgb16, colored, width, height) : colored;
    }
}
