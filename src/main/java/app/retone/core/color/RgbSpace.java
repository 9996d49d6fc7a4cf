package app.retone.core.color;

/**
 * An RGB colour space of the "matrix and curves" kind (every RGB space photos are shot and shared
 * in: sRGB, Display P3, Adobe RGB, ProPhoto, Rec. 2020…), or a grey one: per channel a
 * {@link ToneCurve} to linear light, then a 3 × 3 matrix from its linear RGB to linear sRGB (both
 * relative to their white, through the ICC's D50 connection space, as LittleCMS converts them
 * relative-colorimetrically). Conversions are in double precision and never clip: a colour outside
 * sRGB comes out of {@link #toSrgb} with values below 0 or above 1, and goes back exactly.
 *
 * <p>This is Retone's working space: the look, the adjustments and regrain work on extended-range
 * sRGB values, so a photo in a wider space loses nothing its look does not change.
 *
 * <p>A {@link #device} space only names the space of a device profile (lookup tables), whose values
 * only LittleCMS converts: it holds a photo's values as they came, and every conversion of it throws.
 */
public final class RgbSpace {

    /** sRGB's D65 primaries in XYZ (D65), IEC 61966-2-1. */
    private static final double[][] SRGB_TO_XYZ_D65 = {
        {0.4124564, 0.3575761, 0.1804375},
        {0.2126729, 0.7151522, 0.0721750},
        {0.0193339, 0.1191920, 0.9503041}};

    /** sRGB itself: its curve, the identity matrix. */
    public static final RgbSpace SRGB = new RgbSpace("sRGB", new ToneCurve[] {ToneCurve.SRGB, ToneCurve.SRGB, ToneCurve.SRGB},
            identity(), false);

    private final String name;
    private final ToneCurve[] curves;
    private final double[][] toSrgbLinear;
    private final double[][] fromSrgbLinear;
    private final boolean grey;
    private final boolean srgb;
    private final boolean device;
    private volatile SpaceCodec codec8;
    private volatile SpaceCodec codec16;

    private RgbSpace(String name, ToneCurve[] curves, double[][] toSrgbLinear, boolean grey) {
        this(name, curves, toSrgbLinear, grey, false);
    }

    private RgbSpace(String name, ToneCurve[] curves, double[][] toSrgbLinear, boolean grey, boolean device) {
        this.device = device;
        this.name = name;
        this.curves = curves.clone();
        this.toSrgbLinear = toSrgbLinear;
        this.fromSrgbLinear = invert(toSrgbLinear);
        this.grey = grey;
        this.srgb = !device && !grey && curves[0].isSrgb() && curves[1].isSrgb() && curves[2].isSrgb() && isIdentity(toSrgbLinear);
    }

    /**
     * An RGB space from its curves and its primaries as an ICC profile gives them: the XYZ (D50,
     * the connection space) of full red, green and blue, the columns of {@code rgbToXyzD50}.
     */
    public static RgbSpace ofProfile(String name, ToneCurve red, ToneCurve green, ToneCurve blue, double[][] rgbToXyzD50) {
        return new RgbSpace(name, new ToneCurve[] {red, green, blue}, multiply(invert(srgbToXyzD50()), rgbToXyzD50), false);
    }

    /** A grey space: one curve to luminance, shown as the neutral grey of that luminance. */
    public static RgbSpace grey(String name, ToneCurve curve) {
        return new RgbSpace(name, new ToneCurve[] {curve, curve, curve}, identity(), true);
    }

    /**
     * The space of a device profile's values (lookup tables: a scanner's, a printer's), which Retone
     * holds as they came but cannot compute: only LittleCMS converts them. Its codec and its
     * conversions throw.
     */
    public static RgbSpace device(String name) {
        ToneCurve linear = ToneCurve.gamma(1);
        return new RgbSpace(name, new ToneCurve[] {linear, linear, linear}, identity(), false, true);
    }

    /** True for a {@link #device} space: its values are LittleCMS's to convert. */
    public boolean isDevice() {
        return device;
    }

    private void requireComputable() {
        if (device) {
            throw new IllegalStateException(name + " is a device profile's space: only LittleCMS converts its values");
        }
    }

    public String name() {
        return name;
    }

    /** True for a grey space: its pixels are one channel, shown as neutral greys. */
    public boolean isGrey() {
        return grey;
    }

    /** True for sRGB itself (its conversions are the identity). */
    public boolean isSrgb() {
        return srgb;
    }

    /** Channel c's curve (a grey space has one, for all three). */
    public ToneCurve curve(int c) {
        return curves[c];
    }

    /** This space's samples at 8 or 16 bits, to and from linear light (made once, then shared). */
    public SpaceCodec codec(int bits) {
        requireComputable();
        SpaceCodec codec = bits == 8 ? codec8 : codec16;
        if (codec == null) {
            synchronized (this) {
                codec = bits == 8 ? codec8 : codec16;
                if (codec == null) {
                    codec = new SpaceCodec(grey ? new ToneCurve[] {curves[0]} : curves, bits);
                    if (bits == 8) {
                        codec8 = codec;
                    } else {
                        codec16 = codec;
                    }
                }
            }
        }
        return codec;
    }

    /** The 3 × 3 matrix from this space's linear light to linear sRGB (a copy). */
    public double[][] toSrgbLinearMatrix() {
        requireComputable();
        return new double[][] {toSrgbLinear[0].clone(), toSrgbLinear[1].clone(), toSrgbLinear[2].clone()};
    }

    /** The 3 × 3 matrix from linear sRGB to this space's linear light (a copy). */
    public double[][] fromSrgbLinearMatrix() {
        requireComputable();
        return new double[][] {fromSrgbLinear[0].clone(), fromSrgbLinear[1].clone(), fromSrgbLinear[2].clone()};
    }

    /** Linear light of this space → linear sRGB, in place (3 values). */
    public void linearToSrgbLinear(double[] rgb) {
        requireComputable();
        multiplyInPlace(toSrgbLinear, rgb);
    }

    /** Linear sRGB → linear light of this space, in place (3 values). */
    public void srgbLinearToLinear(double[] rgb) {
        requireComputable();
        multiplyInPlace(fromSrgbLinear, rgb);
    }

    /** Encoded values of this space (0..1 within it) → extended-range encoded sRGB, in place. */
    public void toSrgb(double[] rgb) {
        for (int c = 0; c < 3; c++) {
            rgb[c] = curves[c].toLinear(rgb[c]);
        }
        linearToSrgbLinear(rgb);
        for (int c = 0; c < 3; c++) {
            rgb[c] = SrgbCurve.toEncoded(rgb[c]);
        }
    }

    /** Extended-range encoded sRGB → encoded values of this space (not clipped), in place. */
    public void fromSrgb(double[] rgb) {
        for (int c = 0; c < 3; c++) {
            rgb[c] = SrgbCurve.toLinear(rgb[c]);
        }
        srgbLinearToLinear(rgb);
        for (int c = 0; c < 3; c++) {
            rgb[c] = curves[c].toEncoded(rgb[c]);
        }
    }

    /** The luminance (Y, relative to white) of linear sRGB. */
    public static double luminance(double r, double g, double b) {
        return SRGB_TO_XYZ_D65[1][0] * r + SRGB_TO_XYZ_D65[1][1] * g + SRGB_TO_XYZ_D65[1][2] * b;
    }

    /** sRGB's primaries adapted to D50 by Bradford, as an ICC sRGB profile (LittleCMS's own) states them. */
    static double[][] srgbToXyzD50() {
        double[] d65 = {0.95047, 1.0, 1.08883};
        double[] d50 = {0.96422, 1.0, 0.82521};
        double[][] bradford = {
            {0.8951, 0.2664, -0.1614},
            {-0.7502, 1.7135, 0.0367},
            {0.0389, -0.0685, 1.0296}};
        double[] src = multiply(bradford, d65);
        double[] dst = multiply(bradford, d50);
        double[][] scale = {{dst[0] / src[0], 0, 0}, {0, dst[1] / src[1], 0}, {0, 0, dst[2] / src[2]}};
        double[][] adapt = multiply(invert(bradford), multiply(scale, bradford));
        return multiply(adapt, SRGB_TO_XYZ_D65);
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    private static boolean isIdentity(double[][] m) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (m[i][j] != (i == j ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void multiplyInPlace(double[][] m, double[] v) {
        double a = m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2];
        double b = m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2];
        double c = m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2];
        v[0] = a;
        v[1] = b;
        v[2] = c;
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] out = v.clone();
        multiplyInPlace(m, out);
        return out;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return out;
    }

    static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        if (!(Math.abs(det) > 1e-12)) {
            throw new IllegalArgumentException("the primaries do not span a colour space (determinant " + det + ")");
        }
        double[][] inv = new double[3][3];
        inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }

    @Override
    public String toString() {
        return "RgbSpace[" + name + (grey ? ", grey" : "") + "]";
    }
}
