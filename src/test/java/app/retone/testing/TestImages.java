package app.retone.testing;

import app.retone.core.image.JpegSegments;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Generates image files for tests: real encoders, real headers, nothing hand-faked beyond the spec. */
public final class TestImages {
    private TestImages() {
    }

    public static final int RED = 0xFFFF0000;
    public static final int GREEN = 0xFF00FF00;
    public static final int BLUE = 0xFF0000FF;
    public static final int WHITE = 0xFFFFFFFF;

    /** 64 × 32: red, green / blue, white quadrants (top-left, top-right / bottom-left, bottom-right). */
    public static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int c = y < 16 ? (x < 32 ? RED : GREEN) : (x < 32 ? BLUE : WHITE);
                image.setRGB(x, y, c);
            }
        }
        return image;
    }

    public static BufferedImage fromArgb(int[] argb, int w, int h, boolean alpha) {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        return image;
    }

    /**
     * A smooth 16-bit sRGB image: red rises along x over every level, green along y, blue falls
     * along x + y; its samples as R, G, B per pixel.
     */
    public static BufferedImage gradient16(int w, int h) {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_USHORT, w, h, 3 * w, 3, new int[] {0, 1, 2}, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, new int[] {
                    (int) Math.round(65535.0 * x / (w - 1)),
                    (int) Math.round(65535.0 * y / (h - 1)),
                    (int) Math.round(65535.0 * (1 - (x + y) / (double) (w + h - 2)) * 0.8 + 6000)});
            }
        }
        java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        return new BufferedImage(cm, raster, false, null);
    }

    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    public static Path write(Path file, BufferedImage image, String format) throws IOException {
        if (format.equals("tiff") && image.getRaster().getDataBuffer().getDataType() == java.awt.image.DataBuffer.TYPE_USHORT) {
            // TwelveMonkeys' TIFF writer, first in line, writes no interleaved 16-bit samples; the JDK's does
            javax.imageio.ImageWriter writer = null;
            for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext() && writer == null; ) {
                javax.imageio.ImageWriter candidate = it.next();
                if (candidate.getClass().getName().startsWith("com.sun.imageio")) {
                    writer = candidate;
                }
            }
            if (writer == null) {
                throw new IOException("the JDK's TIFF writer is missing");
            }
            Files.deleteIfExists(file);
            try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(image);
            } finally {
                writer.dispose();
            }
            return file;
        }
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /**
     * A TIFF in the given byte order, written by TwelveMonkeys' encoder (which puts the first
     * directory after the pixels, not at byte 8), with an Orientation tag when {@code orientation} > 0.
     */
    public static Path tiff(Path file, BufferedImage image, java.nio.ByteOrder order, int orientation) throws IOException {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext() && writer == null; ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IOException("TwelveMonkeys' TIFF writer is missing");
        }
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            out.setByteOrder(order);
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata metadata = null;
            if (orientation > 0) {
                metadata = writer.getDefaultImageMetadata(new javax.imageio.ImageTypeSpecifier(image), param);
                String format = metadata.getNativeMetadataFormatName();
                javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode(format);
                javax.imageio.metadata.IIOMetadataNode ifd = new javax.imageio.metadata.IIOMetadataNode("TIFFIFD");
                javax.imageio.metadata.IIOMetadataNode field = new javax.imageio.metadata.IIOMetadataNode("TIFFField");
                field.setAttribute("number", "274");
                javax.imageio.metadata.IIOMetadataNode shorts = new javax.imageio.metadata.IIOMetadataNode("TIFFShorts");
                javax.imageio.metadata.IIOMetadataNode value = new javax.imageio.metadata.IIOMetadataNode("TIFFShort");
                value.setAttribute("value", String.valueOf(orientation));
                shorts.appendChild(value);
                field.appendChild(shorts);
                ifd.appendChild(field);
                root.appendChild(ifd);
                metadata.mergeTree(format, root);
            }
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** {@code image} as a PNG (the JDK's encoder) with an iCCP chunk holding {@code profile}, deflated, as the spec lays it out. */
    public static byte[] pngWithProfile(BufferedImage image, byte[] profile) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "png", encoded);
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
            out.write(profile);
        }
        // the profile's name, its NUL, the compression method (0: deflate), then the data
        return pngWithChunk(encoded.toByteArray(), "iCCP", concat("ICC Profile\0\0".getBytes(StandardCharsets.ISO_8859_1),
                deflated.toByteArray()));
    }

    /** {@code image} as a TIFF (the JDK's encoder, which takes the bytes as given) with {@code profile} in tag 34675. */
    public static byte[] tiffWithProfile(BufferedImage image, byte[] profile) throws IOException {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext() && writer == null; ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IOException("the JDK's TIFF writer is missing");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(new javax.imageio.ImageTypeSpecifier(image), param);
            javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode(metadata.getNativeMetadataFormatName());
            javax.imageio.metadata.IIOMetadataNode ifd = new javax.imageio.metadata.IIOMetadataNode("TIFFIFD");
            javax.imageio.metadata.IIOMetadataNode field = new javax.imageio.metadata.IIOMetadataNode("TIFFField");
            field.setAttribute("number", "34675");
            javax.imageio.metadata.IIOMetadataNode value = new javax.imageio.metadata.IIOMetadataNode("TIFFUndefined");
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < profile.length; i++) {
                values.append(i > 0 ? "," : "").append(profile[i]);
            }
            value.setAttribute("value", values.toString());
            field.appendChild(value);
            ifd.appendChild(field);
            root.appendChild(ifd);
            metadata.mergeTree(metadata.getNativeMetadataFormatName(), root);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG of {@code image} with {@code profile} in an iCCP chunk right after IHDR, as other tools write it. */
    public static byte[] pngWithIccp(BufferedImage image, byte[] profile) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", plain)) {
            throw new IOException("no PNG writer");
        }
        byte[] png = plain.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("ICC\0".getBytes(StandardCharsets.ISO_8859_1)); // name, its terminator
        body.write(0); // deflate
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(body, deflater)) {
            z.write(profile);
        }
        byte[] data = body.toByteArray();
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("iCCP".getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 8 + 13 + 4;
        return concat(concat(java.util.Arrays.copyOf(png, afterIhdr), chunk.array()),
                java.util.Arrays.copyOfRange(png, afterIhdr, png.length));
    }

    /** A TIFF of a 16-bit image with {@code profile} in its InterColorProfile tag (34675), written by the JDK's writer. */
    public static Path tiff16WithProfile(Path file, BufferedImage image, byte[] profile) throws IOException {
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext() && writer == null; ) {
            ImageWriter candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IOException("the JDK's TIFF writer is missing");
        }
        javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                new javax.imageio.ImageTypeSpecifier(image), writer.getDefaultWriteParam());
        String format = metadata.getNativeMetadataFormatName();
        javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode(format);
        javax.imageio.metadata.IIOMetadataNode ifd = new javax.imageio.metadata.IIOMetadataNode("TIFFIFD");
        javax.imageio.metadata.IIOMetadataNode field = new javax.imageio.metadata.IIOMetadataNode("TIFFField");
        field.setAttribute("number", "34675");
        javax.imageio.metadata.IIOMetadataNode values = new javax.imageio.metadata.IIOMetadataNode("TIFFUndefined");
        StringBuilder bytes = new StringBuilder();
        for (int i = 0; i < profile.length; i++) {
            bytes.append(i == 0 ? "" : ",").append(profile[i]);
        }
        values.setAttribute("value", bytes.toString());
        field.appendChild(values);
        ifd.appendChild(field);
        root.appendChild(ifd);
        metadata.mergeTree(format, root);
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** A 16-bit RGB image of the given samples (R, G, B per pixel). */
    public static BufferedImage rgb16(short[] samples, int w, int h) {
        java.awt.image.WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(
                new java.awt.image.DataBufferUShort(samples, samples.length), w, h, 3 * w, 3, new int[] {0, 1, 2}, null);
        java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        return new BufferedImage(cm, raster, false, null);
    }

    /** A JPEG with an Exif block carrying the orientation and a camera make, plus optional XMP and ICC. */
    public static byte[] jpegWithMetadata(BufferedImage image, int orientation, String make, String xmp, byte[] icc)
            throws IOException {
        byte[] exif = exif(orientation, make);
        byte[] xmpPayload = xmp == null ? null : concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        return JpegSegments.insert(jpeg(image, 0.95f), exif, xmpPayload, icc);
    }

    /** An APP1 Exif payload: big-endian TIFF with IFD0 = {Make, Orientation}. */
    public static byte[] exif(int orientation, String make) {
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 2 * 12 + 4 + makeBytes.length + 4);
        b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        int dataOffset = 8 + 2 + 2 * 12 + 4;
        b.putShort((short) 0x010F).putShort((short) 2).putInt(makeBytes.length).putInt(dataOffset);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        b.put(makeBytes);
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** {@code png} (as an encoder wrote it) with one more chunk right after IHDR, its CRC computed. */
    public static byte[] pngWithChunk(byte[] png, String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int afterIhdr = 8 + 8 + 13 + 4; // signature, then IHDR's length, type, 13 bytes of data and CRC
        return concat(concat(java.util.Arrays.copyOf(png, afterIhdr), chunk.array()),
                java.util.Arrays.copyOfRange(png, afterIhdr, png.length));
    }

    /** A valid 1 × 1 PNG whose IHDR then claims another size (CRC fixed, so decoders trust the header). */
    public static byte[] pngClaimingSize(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        // signature (8) + length (4) + "IHDR" (4): width and height follow
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        ByteBuffer.wrap(png, 12 + 4 + 13, 4).putInt((int) crc.getValue());
        return png;
    }

    /**
     * A simple-format WebP (one 'VP8 ' or 'VP8L' chunk, as cwebp writes) rewritten in the extended
     * format with an ICCP chunk holding {@code profile}: RIFF, VP8X (flags: ICC), ICCP, the image chunk.
     */
    public static byte[] webpWithIccProfile(byte[] simpleWebp, int width, int height, byte[] profile) {
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0x20).put(new byte[3]);
        putUint24(vp8x, width - 1);
        putUint24(vp8x, height - 1);
        ByteBuffer iccp = ByteBuffer.allocate(8 + profile.length + (profile.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        iccp.put("ICCP".getBytes(StandardCharsets.US_ASCII)).putInt(profile.length).put(profile);
        byte[] image = java.util.Arrays.copyOfRange(simpleWebp, 12, simpleWebp.length);
        int riffSize = 4 + vp8x.capacity() + iccp.capacity() + image.length;
        ByteBuffer out = ByteBuffer.allocate(8 + riffSize).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(riffSize).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.put(vp8x.array()).put(iccp.array()).put(image);
        return out.array();
    }

    /**
     * {@link #webpWithIccProfile} with an sRGB profile and a {@code canvasWidth × canvasHeight}
     * canvas, whose VP8 frame header (after the frame tag and start code) then claims {@code
     * frameWidth × frameHeight}: the canvas is what the reader reports, the frame what the lossy
     * decoder allocates for.
     */
    public static byte[] webpFrameClaiming(byte[] simpleLossyWebp, int canvasWidth, int canvasHeight, int frameWidth,
                                           int frameHeight) {
        byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        byte[] webp = webpWithIccProfile(simpleLossyWebp, canvasWidth, canvasHeight, profile);
        int chunk = indexOf(webp, "VP8 ");
        if ((webp[chunk + 11] & 0xFF) != 0x9D) {
            throw new IllegalStateException("no VP8 start code where expected");
        }
        ByteBuffer.wrap(webp, chunk + 14, 4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) frameWidth)
                .putShort((short) frameHeight);
        return webp;
    }

    /** Where {@code what} first stands in {@code data}, at {@code from} or after; fails if nowhere. */
    public static int indexOf(byte[] data, byte[] what, int from) {
        for (int i = Math.max(0, from); i + what.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found: " + java.util.HexFormat.of().formatHex(what));
    }

    public static int indexOf(byte[] data, byte[] what) {
        return indexOf(data, what, 0);
    }

    /** Where an ASCII name (a chunk's, a marker's) first stands in {@code data}. */
    public static int indexOf(byte[] data, String ascii) {
        return indexOf(data, ascii.getBytes(StandardCharsets.US_ASCII), 0);
    }

    /**
     * A 2 × 2 24-bit BMP with a V5 header whose colour space is an embedded profile: {@code profile}
     * follows the pixels; the header's profile size is {@code claimedSize} (its true length, or a lie).
     * Pixels, top-left first: red, green / blue, white.
     */
    public static byte[] bmpV5WithProfile(byte[] profile, long claimedSize) {
        int fileHeader = 14;
        int infoHeader = 124;
        int rowBytes = 8; // 2 pixels × 3 bytes, padded to 4
        int pixelsAt = fileHeader + infoHeader;
        int profileAt = pixelsAt + 2 * rowBytes;
        ByteBuffer b = ByteBuffer.allocate(profileAt + profile.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(pixelsAt);
        b.putInt(infoHeader).putInt(2).putInt(2).putShort((short) 1).putShort((short) 24).putInt(0)   // BI_RGB
                .putInt(2 * rowBytes).putInt(2835).putInt(2835).putInt(0).putInt(0);
        b.putInt(0).putInt(0).putInt(0).putInt(0);                        // colour masks (unused by BI_RGB)
        b.putInt(0x4D424544);                                             // 'MBED': PROFILE_EMBEDDED
        b.put(new byte[36]).putInt(0).putInt(0).putInt(0);                // endpoints, gammas
        b.putInt(4);                                                      // LCS_GM_IMAGES
        b.putInt(profileAt - fileHeader).putInt((int) claimedSize).putInt(0); // profile offset (from the info header), size
        // bottom row first, pixels as B, G, R
        b.put(new byte[] {(byte) 0xFF, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0});
        b.put(new byte[] {0, 0, (byte) 0xFF, 0, (byte) 0xFF, 0, 0, 0});
        b.put(profile);
        return b.array();
    }

    /**
     * A valid ICC profile of {@code size} bytes or a little more: {@code base} with one more,
     * private tag (type "data") holding {@code tagData} — the way press and table-based display
     * profiles grow past the 65 519 bytes one JPEG APP2 segment holds.
     */
    public static byte[] iccWithPrivateTag(byte[] base, byte[] tagData) {
        ByteBuffer in = ByteBuffer.wrap(base);
        int count = in.getInt(128);
        int oldTable = 132 + 12 * count;
        int dataStart = oldTable + 12;                                // the table grows by one entry
        int oldDataLength = base.length - oldTable;
        int newTagAt = dataStart + ((oldDataLength + 3) & ~3);
        int total = newTagAt + 12 + tagData.length;
        ByteBuffer out = ByteBuffer.allocate(total);
        out.put(base, 0, 128);
        out.putInt(0, total);
        out.putInt(128, count + 1);
        for (int t = 0; t < count; t++) {
            int at = 132 + 12 * t;
            out.putInt(at, in.getInt(at));
            out.putInt(at + 4, in.getInt(at + 4) + 12);               // its data moved by the new entry
            out.putInt(at + 8, in.getInt(at + 8));
        }
        int entry = 132 + 12 * count;
        out.put(entry, "rtzz".getBytes(StandardCharsets.US_ASCII));
        out.putInt(entry + 4, newTagAt);
        out.putInt(entry + 8, 12 + tagData.length);
        out.put(dataStart, base, oldTable, oldDataLength);
        out.put(newTagAt, "data".getBytes(StandardCharsets.US_ASCII));
        out.putInt(newTagAt + 8, 1);                                  // binary
        out.put(newTagAt + 12, tagData);
        return out.array();
    }

    /**
     * A valid sRGB profile of about 153 KB, too large for one JPEG APP2 segment: its private tag
     * is all 0x7F, so each later segment begins with bytes that read as a 2.1 GB size claim.
     */
    public static byte[] largeIccProfile() {
        byte[] tag = new byte[150_000];
        java.util.Arrays.fill(tag, (byte) 0x7F);
        return iccWithPrivateTag(java.awt.color.ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(), tag);
    }

    /** A 128-byte ICC profile header (only) claiming {@code size} bytes. */
    public static byte[] iccHeaderClaiming(long size) {
        ByteBuffer b = ByteBuffer.allocate(128);
        b.putInt((int) size).put("lcms".getBytes(StandardCharsets.US_ASCII)).putInt(0x02100000)
                .put("mntrRGB XYZ ".getBytes(StandardCharsets.US_ASCII));
        b.position(36);
        b.put("acsp".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static void putUint24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >>> 8)).put((byte) (value >>> 16));
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
