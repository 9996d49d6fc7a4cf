package app.retone.core.image;

import java.awt.image.BufferedImage;

/**
 * What a decoder gave ({@link PhotoDecoder}): the pixels as encoded in the file, the format's name
 * ({@link ReadableFormat#formatNameOf}), the ICC profile it embeds (null if none), and whether the
 * file stored them in CMYK (the decoder gave them as RGB).
 */
record DecodedImage(BufferedImage image, String format, byte[] iccProfile, boolean fromCmyk) {
}
