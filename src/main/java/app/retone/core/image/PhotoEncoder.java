package app.retone.core.image;

import app.retone.core.image.ImageWriteException.Problem;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The bytes of an export, for {@link PhotoExporter} to write: the image the encoder takes (8-bit,
 * 16-bit or grey, converted back to a device space where asked), the encoder (for TIFF the JDK's),
 * JPEG quality and TIFF compression, and what the file carries of the source and of its colours
 * (Exif and XMP with the orientation reset to normal, an ICC profile or sRGB's tag). Knows no
 * files: the destination only names the failures.
 */
final class PhotoEncoder {

    private PhotoEncoder() {
    }

    /** The whole JPEG file: encoded, then its Exif, XMP and ICC profile put in as segments ({@link JpegSegments}). */
    static byte[] jpeg(EncodedPixels pixels, SourceInfo source, ExportOptions options, Path target)
            throws ImageWriteException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                (long) pixels.width() * pixels.height() / 2 + 4096));
        try {
            write(pixels, source, ImageFormat.JPEG, bytes, options, target);
        } catch (IOException | RuntimeException e) {
            throw new ImageWriteException(Problem.WRITE_FAILED, target, "JPEG encoding failed (" + app.retone.core.Errors.describe(e) + ")", e);
        }
        byte[] exif = source.exif() == null ? null : ExifOrientation.resetToNormal(source.exif());
        byte[] xmp = source.xmp() == null ? null : ExifOrientation.resetXmpOrientation(source.xmp());
        byte[] icc = ColourTag.of(pixels.encoding()).iccProfile(ImageFormat.JPEG);
        if (exif == null && xmp == null && icc == null) {
            return bytes.toByteArray();
        }
        return JpegSegments.insert(bytes.toByteArray(), exif, xmp, icc);
    }

    /**
     * What an export says of its colours: an ICC profile to embed, or sRGB (in a PNG its sRGB
     * chunk, elsewhere the sRGB profile), or nothing — as its {@link OutputEncoding} decides.
     */
    record ColourTag(byte[] profile, boolean srgb) {

        static final ColourTag NONE = new ColourTag(null, false);
        static final ColourTag SRGB = new ColourTag(null, true);
        private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

        static ColourTag of(OutputEncoding encoding) {
            return encoding.iccProfile() != null ? new ColourTag(encoding.iccProfile(), false)
                    : encoding.srgbTag() ? SRGB : NONE;
        }

        /** The ICC profile this format embeds for the tag, or null (none, or a PNG's sRGB chunk). */
        byte[] iccProfile(ImageFormat format) {
            return srgb ? (format == ImageFormat.PNG ? null : SRGB_PROFILE.clone()) : profile;
        }
    }

    /**
     * The image an encoder takes: the encoded values as they are (8-bit packed, 16-bit interleaved,
     * or one grey channel), converted by LittleCMS only for a device-profile source written back in
     * its own space ({@link OutputEncoding#convertBackTo}).
     */
    private static BufferedImage encodedImage(EncodedPixels pixels, ImageFormat format) {
        OutputEncoding encoding = pixels.encoding();
        boolean keepAlpha = format.supportsAlpha() && pixels.hasAlpha();
        Samples samples = pixels.samples();
        if (samples.isDeep()) {
            if (encoding.grey() && !keepAlpha) {
                return WorkingSpace.greyImage16(samples.rgb16(), pixels.width(), pixels.height());
            }
            return WorkingSpace.deepImage(samples.rgb16(), pixels.alpha(), pixels.width(), pixels.height(), keepAlpha,
                    encoding.convertBackTo());
        }
        BufferedImage image = toBufferedImage(samples.packed8(), pixels.width(), pixels.height(), pixels.hasAlpha(), keepAlpha);
        if (encoding.grey() && !keepAlpha) {
            return WorkingSpace.greyImage8(image);
        }
        return encoding.convertBackTo() == null ? image : WorkingSpace.fromWide(image, encoding.convertBackTo());
    }

    /**
     * Encodes the pixels as {@code format} into {@code out}, with the metadata a PNG or TIFF carries
     * ({@link #carriedMetadata}); a JPEG's metadata is {@link #jpeg}'s.
     */
    static void write(EncodedPixels pixels, SourceInfo source, ImageFormat format, OutputStream out,
                      ExportOptions options, Path target) throws IOException {
        BufferedImage image = encodedImage(pixels, format);
        ImageWriter writer = writerFor(format, image, target);
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(options.quality() / 100f);
            } else if (format == ImageFormat.TIFF && param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                String[] types = param.getCompressionTypes();
                if (types != null && Arrays.asList(types).contains("LZW")) {
                    param.setCompressionType("LZW");
                } else if (types != null && types.length > 0) {
                    param.setCompressionType(types[0]);
                }
            }
            IIOMetadata metadata = format == ImageFormat.JPEG ? null
                    : carriedMetadata(source, ColourTag.of(pixels.encoding()), writer, image, param, format);
            writer.write(null, new IIOImage(image, null, metadata), param);
            ios.flush();
        } finally {
            writer.dispose();
        }
    }

    /**
     * What a PNG or TIFF keeps of the source: the tag of the space it is written in ({@link
     * ColourTag}: a profile, or sRGB: in a PNG the sRGB chunk with the gAMA and cHRM the PNG spec
     * recommends beside it), and the Exif (orientation reset to normal): in a PNG the block as an
     * eXIf chunk, in a TIFF the photo's tags in IFD0 with the Exif and GPS IFDs ({@link TiffMetadata}).
     */
    private static IIOMetadata carriedMetadata(SourceInfo source, ColourTag tag, ImageWriter writer, BufferedImage image,
                                               ImageWriteParam param, ImageFormat format) throws IOException {
        byte[] exif = source.exif() == null ? null : ExifOrientation.resetToNormal(source.exif());
        byte[] icc = tag.iccProfile(format);
        IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        if (format == ImageFormat.TIFF) {
            metadata.mergeTree(TiffMetadata.FORMAT, TiffMetadata.tree(icc, exif));
            return metadata;
        }
        if (icc == null && !tag.srgb() && exif == null) {
            return null;
        }
        String name = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = new IIOMetadataNode(name);
        if (tag.srgb()) {
            addPngSrgbTag(root);
        }
        if (icc != null) {
            IIOMetadataNode iccp = new IIOMetadataNode("iCCP");
            iccp.setAttribute("profileName", "ICC Profile");
            iccp.setAttribute("compressionMethod", "deflate");
            iccp.setUserObject(deflate(icc)); // the PNG writer stores the chunk's bytes as given
            root.appendChild(iccp);
        }
        byte[] exifChunk = exif == null ? null : ExifBlock.pngChunk(exif);
        if (exifChunk != null) {
            IIOMetadataNode chunks = new IIOMetadataNode("UnknownChunks");
            IIOMetadataNode chunk = new IIOMetadataNode("UnknownChunk");
            chunk.setAttribute("type", "eXIf");
            chunk.setUserObject(exifChunk);
            chunks.appendChild(chunk);
            root.appendChild(chunks);
        }
        metadata.mergeTree(name, root);
        return metadata;
    }

    /**
     * A PNG's sRGB tag: the sRGB chunk (perceptual rendering intent), with the gAMA and cHRM chunks
     * the PNG spec recommends beside it, holding sRGB's values, for decoders that know only those.
     */
    private static void addPngSrgbTag(IIOMetadataNode root) {
        IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
        srgb.setAttribute("renderingIntent", "Perceptual");
        root.appendChild(srgb);
        IIOMetadataNode gamma = new IIOMetadataNode("gAMA");
        gamma.setAttribute("value", "45455");
        root.appendChild(gamma);
        IIOMetadataNode chromaticities = new IIOMetadataNode("cHRM");
        String[][] values = {{"whitePointX", "31270"}, {"whitePointY", "32900"}, {"redX", "64000"}, {"redY", "33000"},
            {"greenX", "30000"}, {"greenY", "60000"}, {"blueX", "15000"}, {"blueY", "6000"}};
        for (String[] v : values) {
            chromaticities.setAttribute(v[0], v[1]);
        }
        root.appendChild(chromaticities);
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }

    /**
     * The first encoder of the format that takes this image; for TIFF the JDK's own. TwelveMonkeys'
     * TIFF writer comes first, but writes no interleaved 16-bit samples, and the values of an Exif
     * or GPS IFD where the fields after it overwrite them ({@link TiffMetadata}).
     */
    private static ImageWriter writerFor(ImageFormat format, BufferedImage image, Path target) throws ImageWriteException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        ImageWriter first = null;
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            boolean takes = format != ImageFormat.TIFF || writer.getClass().getName().startsWith("com.sun.imageio.plugins.tiff");
            if (takes && writer.getOriginatingProvider() != null
                    && writer.getOriginatingProvider().canEncodeImage(new ImageTypeSpecifier(image))) {
                if (first != null) {
                    first.dispose();
                }
                return writer;
            }
            if (first == null) {
                first = writer;
            } else {
                writer.dispose();
            }
        }
        if (first == null) {
            throw new ImageWriteException(Problem.UNSUPPORTED_FORMAT, target,
                    "no " + format.name().toLowerCase(Locale.ROOT) + " encoder is available");
        }
        return first;
    }

    /** The 8-bit values as an image, alpha kept, or dropped (composited over white where it was not opaque). */
    static BufferedImage toBufferedImage(int[] src, int w, int h, boolean hasAlpha, boolean keepAlpha) {
        BufferedImage image = new BufferedImage(w, h, keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        if (keepAlpha) {
            System.arraycopy(src, 0, data, 0, src.length);
        } else if (hasAlpha) {
            // a format without alpha: see-through parts are shown over white, as viewers show them
            for (int i = 0; i < src.length; i++) {
                int p = src[i];
                int a = p >>> 24;
                if (a == 255) {
                    data[i] = p & 0xFFFFFF;
                } else {
                    int inv = 255 - a;
                    int r = ((p >>> 16 & 0xFF) * a + 255 * inv + 127) / 255;
                    int g = ((p >>> 8 & 0xFF) * a + 255 * inv + 127) / 255;
                    int b = ((p & 0xFF) * a + 255 * inv + 127) / 255;
                    data[i] = r << 16 | g << 8 | b;
                }
            }
        } else {
            for (int i = 0; i < src.length; i++) {
                data[i] = src[i] & 0xFFFFFF;
            }
        }
        return image;
    }
}
