package app.retone.hardening;

import app.retone.core.image.JpegSegments;
import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The hostile and unusual files of the hardening issue, generated with real encoders and then
 * damaged the way files get damaged. Each comes with what must happen: it opens, or it is refused
 * with a specific reason.
 */
public final class HostileInputs {

    /** A file, and the outcome it must get: null {@code refusal} means it must open, as a {@code width × height} photo. */
    public record Case(String name, Path path, String refusal, int width, int height) {
        public boolean mustOpen() {
            return refusal == null;
        }
    }

    private HostileInputs() {
    }

    public static List<Case> write(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        BufferedImage scene = TestImages.fromArgb(SyntheticPhoto.landscape(320, 200, 5).argb(), 320, 200, false);
        byte[] jpeg = TestImages.jpeg(scene, 0.9f);
        byte[] png = png(scene);
        int sos = TestImages.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDA});
        int idat = TestImages.indexOf(png, "IDAT");

        cases.add(refused(dir, "empty.jpg", new byte[0], "is empty"));
        cases.add(refused(dir, "random.jpg", random(8192, 1), "not an image"));
        cases.add(refused(dir, "text.png", "this is not a picture\n".repeat(40).getBytes(StandardCharsets.UTF_8), "not an image"));
        cases.add(refused(dir, "jpeg-cut-in-header.jpg", Arrays.copyOf(jpeg, 60), "header is damaged"));
        cases.add(opens(dir, "jpeg-cut-mid-scan.jpg", Arrays.copyOf(jpeg, sos + (jpeg.length - sos) / 2), 320, 200));
        cases.add(opens(dir, "jpeg-without-end-marker.jpg", Arrays.copyOf(jpeg, jpeg.length - 2), 320, 200));
        cases.add(refused(dir, "png-cut-in-header.png", Arrays.copyOf(png, 20), "header is damaged"));
        cases.add(refused(dir, "png-cut-mid-data.png", Arrays.copyOf(png, idat + (png.length - idat) / 2), "truncated"));
        cases.add(opens(dir, "png-without-end.png", Arrays.copyOf(png, png.length - 12), 320, 200));
        cases.add(opens(dir, "png-named.jpg", png, 320, 200));
        cases.add(refused(dir, "png-bomb-100000.png", TestImages.pngClaimingSize(100_000, 100_000), "over the limit"));
        cases.add(refused(dir, "jpeg-bomb-65000.jpg", jpegClaimingSize(jpeg, 65_000, 65_000), "over the limit"));
        cases.add(opens(dir, "one-pixel.png", png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)), 1, 1));
        cases.add(opens(dir, "one-by-100000.png", png(new BufferedImage(1, 100_000, BufferedImage.TYPE_INT_RGB)), 1, 100000));
        cases.add(opens(dir, "sixteen-bit.png", png(new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY)), 64, 48));
        cases.add(opens(dir, "grey.jpg", TestImages.jpeg(grey(scene), 0.9f), 320, 200));
        cases.add(opens(dir, "cmyk.jpg", Files.readAllBytes(Path.of("src/test/resources/fixtures/quadrants-cmyk.jpg")), 64, 32));
        cases.add(opens(dir, "palette-transparent.gif", gif(paletteWithTransparency(), 1), 40, 30));
        cases.add(opens(dir, "animated.gif", gif(paletteWithTransparency(), 3), 40, 30));
        cases.add(opens(dir, "multi-page.tif", multiPageTiff(scene), 320, 200));
        cases.add(opens(dir, "exif-broken-ifd.jpg", JpegSegments.insert(jpeg, exifWithBrokenIfd(), null, null), 320, 200));
        // its orientation (6) is still read through the loop: the photo turns upright
        cases.add(opens(dir, "exif-looping-offset.jpg", JpegSegments.insert(jpeg, exifWithLoop(), null, null), 200, 320));
        // size claims a decoder or metadata-extractor would allocate: a 1.5 GB ICC profile in a 7 KB WebP,
        // a 768 MB profile in a BMP (whose pixels are fine)
        byte[] webp = Files.readAllBytes(Path.of("src/test/resources/fixtures/quadrants-lossy.webp"));
        cases.add(refused(dir, "webp-icc-claim.webp", TestImages.webpWithIccProfile(webp, 64, 32,
                TestImages.iccHeaderClaiming(0x60000000L)), "icc colour profile is damaged"));
        // a 119 MP VP8 frame under a 64 x 32 canvas: the decoder allocated for 12 s (found by fuzzing)
        cases.add(refused(dir, "webp-frame-claim.webp", TestImages.webpFrameClaiming(webp, 64, 32, 9068, 13165),
                "webp image data claims 9068 × 13165"));
        byte[] srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        cases.add(opens(dir, "bmp-profile-claim.bmp", TestImages.bmpV5WithProfile(srgb, 0x30000000L), 2, 2));
        // a genuine profile too large for one APP2 segment: its later segments begin with profile
        // data that reads as a huge size claim (refused as a bomb until a review found it)
        cases.add(opens(dir, "large-icc-profile.jpg", JpegSegments.insert(jpeg, null, null, TestImages.largeIccProfile()),
                320, 200));
        Path folder = Files.createDirectories(dir.resolve("a-folder.jpg"));
        cases.add(new Case("a-folder.jpg", folder, "is a folder", 0, 0));
        cases.add(new Case("missing.jpg", dir.resolve("missing.jpg"), "no such file", 0, 0));
        return cases;
    }

    private static Case opens(Path dir, String name, byte[] bytes, int width, int height) throws IOException {
        return new Case(name, TestImages.write(dir.resolve(name), bytes), null, width, height);
    }

    private static Case refused(Path dir, String name, byte[] bytes, String reason) throws IOException {
        return new Case(name, TestImages.write(dir.resolve(name), bytes), reason, 0, 0);
    }

    static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        return grey;
    }

    /** A real JPEG whose frame header (SOF0) then claims another size. */
    static byte[] jpegClaimingSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        int sof = TestImages.indexOf(out, new byte[] {(byte) 0xFF, (byte) 0xC0}); // a baseline frame header
        // marker (2), length (2), precision (1), then height and width, big-endian 16 bits
        ByteBuffer.wrap(out, sof + 5, 4).putShort((short) height).putShort((short) width);
        return out;
    }

    private static BufferedImage paletteWithTransparency() {
        byte[] r = {0, (byte) 255, 0, 0};
        byte[] g = {0, 0, (byte) 255, 0};
        byte[] b = {0, 0, 0, (byte) 255};
        IndexColorModel palette = new IndexColorModel(2, 4, r, g, b, 0);
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.getRaster().setSample(x, y, 0, (x / 10 + y / 10) % 4);
            }
        }
        return image;
    }

    private static byte[] gif(BufferedImage frame, int frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] multiPageTiff(BufferedImage page) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(page, null, null), null);
            writer.writeToSequence(new IIOImage(grey(page), null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** An Exif block whose IFD0 claims 5000 entries in a few bytes. */
    private static byte[] exifWithBrokenIfd() {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 12);
        b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 5000);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        return b.array();
    }

    /** An Exif block whose IFD0 points back at itself, twice: as its next IFD and as its Exif sub-IFD. */
    private static byte[] exifWithLoop() {
        ByteBuffer b = ByteBuffer.allocate(6 + 8 + 2 + 2 * 12 + 4);
        b.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(8); // Exif IFD = IFD0
        b.putInt(8); // next IFD = IFD0
        return b.array();
    }

}
