package app.retone.fuzz;

import app.retone.core.color.ColorLut3D;
import app.retone.core.color.CubeFile;
import app.retone.core.image.JpegSegments;
import app.retone.testing.ExifBuilder;
import app.retone.testing.TestImages;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes the fuzz tests' seed inputs into {@code src/test/resources/app/retone/fuzz/*Inputs/}:
 * small files made by real encoders (ImageIO, TwelveMonkeys), the WebP and CMYK fixtures, and
 * {@code .cube} text from {@link CubeFile#write}. Seeds are named {@code seed-*}; inputs Jazzer
 * found ({@code crash-*}, {@code timeout-*}) are kept beside them and never touched here.
 *
 * <pre>mvn -Ptool test-compile exec:exec -Dtool=app.retone.fuzz.FuzzSeeds</pre>
 */
public final class FuzzSeeds {

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path base = Paths.get(args.length > 0 ? args[0] : "src/test/resources/app/retone/fuzz");
        Path fixtures = Paths.get("src/test/resources/fixtures");

        Map<String, byte[]> images = new LinkedHashMap<>();
        BufferedImage rgb = quadrants(16, 8, BufferedImage.TYPE_INT_RGB);
        images.put("jpg", encode(rgb, "jpeg", null));
        images.put("jpeg-progressive", encode(rgb, "jpeg", "progressive"));
        images.put("jpeg-exif-xmp-icc", richJpeg(rgb));
        images.put("jpeg-cmyk", Files.readAllBytes(fixtures.resolve("quadrants-cmyk.jpg")));
        images.put("png", encode(rgb, "png", null));
        images.put("png-alpha", encode(quadrants(16, 8, BufferedImage.TYPE_INT_ARGB), "png", null));
        images.put("png-gray16", encode(quadrants(16, 8, BufferedImage.TYPE_USHORT_GRAY), "png", null));
        images.put("png-palette", encode(quadrants(16, 8, BufferedImage.TYPE_BYTE_INDEXED), "png", null));
        images.put("gif", encode(quadrants(16, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif", null));
        images.put("bmp", encode(quadrants(16, 8, BufferedImage.TYPE_3BYTE_BGR), "bmp", null));
        images.put("tif", encode(rgb, "tiff", null));
        images.put("tif-lzw", encode(rgb, "tiff", "LZW"));
        images.put("tif-deflate-gray", encode(quadrants(16, 8, BufferedImage.TYPE_BYTE_GRAY), "tiff", "Deflate"));
        images.put("webp-lossless", Files.readAllBytes(fixtures.resolve("quadrants-lossless.webp")));
        images.put("webp-lossy", Files.readAllBytes(fixtures.resolve("quadrants-lossy.webp")));
        // the containers that carry an ICC profile whose size decoders and metadata-extractor trust
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        images.put("webp-icc", TestImages.webpWithIccProfile(images.get("webp-lossy"), 64, 32, srgb));
        images.put("bmp-v5-icc", TestImages.bmpV5WithProfile(srgb, srgb.length));

        // PhotoLoaderFuzzTest: the file, then a byte that picks the extension (FuzzedDataProvider reads it from the end)
        Path load = base.resolve("PhotoLoaderFuzzTestInputs/load");
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            String extension = image.getKey().replaceAll("-.*", "");
            int pick = Math.max(0, PhotoLoaderFuzzTest.EXTENSIONS.indexOf(extension));
            byte[] seed = TestImages.concat(image.getValue(), new byte[] {(byte) pick});
            write(load.resolve("seed-" + image.getKey()), seed);
        }

        // MetadataFuzzTest: files as they are
        for (String name : new String[] {"jpeg-exif-xmp-icc", "jpeg-cmyk", "jpg"}) {
            write(base.resolve("MetadataFuzzTestInputs/jpegSegments/seed-" + name), images.get(name));
        }
        for (String name : new String[] {"jpeg-exif-xmp-icc", "png", "tif", "webp-lossy", "gif", "webp-icc", "bmp-v5-icc"}) {
            write(base.resolve("MetadataFuzzTestInputs/details/seed-" + name), images.get(name));
        }

        // MetadataFuzzTest#exifInExports: Exif blocks' TIFF structures, big-endian as ExifBuilder writes, and as a
        // little-endian TIFF source's directories come out of it
        byte[] camera = new ExifBuilder().ascii0(0x010F, "FUJIFILM").ascii0(0x0110, "X-T30").short0(0x0112, 6)
                .ascii0(0x0132, "2024:07:15 09:00:00").ascii(0x9003, "2024:07:14 18:32:05", true).rational(0x829A, 1, 250)
                .shortValue(0x8827, 400).gpsPosition(48.858222, 2.2945).build();
        write(base.resolve("MetadataFuzzTestInputs/exifInExports/seed-camera-mm"), java.util.Arrays.copyOfRange(camera, 6, camera.length));
        byte[] richExif = JpegSegments.read(new java.io.ByteArrayInputStream(images.get("jpeg-exif-xmp-icc"))).exif();
        write(base.resolve("MetadataFuzzTestInputs/exifInExports/seed-nikon-mm"),
                java.util.Arrays.copyOfRange(richExif, 6, richExif.length));

        // CubeFileFuzzTest: what Retone writes, and the other keywords other tools write
        String cube = cube(ColorLut3D.identity(2), "Identity");
        Path read = base.resolve("CubeFileFuzzTestInputs/read");
        write(read.resolve("seed-identity-2.cube"), ascii(cube));
        write(read.resolve("seed-domain.cube"), ascii(cube
                .replace("DOMAIN_MIN 0.0 0.0 0.0", "DOMAIN_MIN -0.1 0.0 0.0")
                .replace("DOMAIN_MAX 1.0 1.0 1.0", "DOMAIN_MAX 1.0 2.0 1.0")));
        write(read.resolve("seed-input-range.cube"), ascii(cube
                .replace("DOMAIN_MIN 0.0 0.0 0.0\nDOMAIN_MAX 1.0 1.0 1.0\n", "LUT_3D_INPUT_RANGE 0.0 1.0\nLUT_IN_VIDEO_RANGE\n")
                .replace("# Created by Retone", "\uFEFF# Created by Retone")));
        write(read.resolve("seed-1d.cube"), ascii("LUT_1D_SIZE 2\n0 0 0\n1 1 1\n"));
    }

    /** Quadrants (red, green / blue, white) in the given image type. */
    private static BufferedImage quadrants(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, y < h / 2 ? (x < w / 2 ? TestImages.RED : TestImages.GREEN)
                        : (x < w / 2 ? TestImages.BLUE : TestImages.WHITE));
            }
        }
        return image;
    }

    /** A JPEG with what cameras and editors put in: Exif (camera, exposure, orientation 6), XMP, an ICC profile. */
    private static byte[] richJpeg(BufferedImage image) throws IOException {
        byte[] exif = new ExifBuilder()
                .ascii0(0x010F, "NIKON CORPORATION")
                .ascii0(0x0110, "NIKON D750")
                .rational(0x829A, 1, 250)
                .rational(0x829D, 28, 10)
                .shortValue(0x8827, 400)
                .ascii(0x9003, "2024:07:14 18:32:05", true)
                .rational(0x920A, 85, 1)
                .ascii(0xA434, "AF-S NIKKOR 85mm f/1.8G", true)
                .build();
        byte[] orientation = TestImages.exif(6, "NIKON CORPORATION");
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" tiff:Orientation=\"6\"/></rdf:RDF></x:xmpmeta>";
        byte[] xmpPayload = TestImages.concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8));
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData();
        byte[] jpeg = JpegSegments.insert(encode(image, "jpeg", null), exif, xmpPayload, icc);
        // a second Exif block with the orientation: readers take the first, the segment reader must skip the rest
        return JpegSegments.insert(jpeg, orientation, null, null);
    }

    private static byte[] encode(BufferedImage image, String format, String mode) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("progressive".equals(mode)) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            } else if (mode != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(mode);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static String cube(ColorLut3D lut, String title) throws IOException {
        StringWriter out = new StringWriter();
        CubeFile.write(lut, title, out);
        return out.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        System.out.printf("%6d bytes  %s%n", bytes.length, file);
    }
}
