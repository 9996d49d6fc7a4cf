package app.retone.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.testing.ExifTool;
import app.retone.testing.LittleCms;
import app.retone.testing.Pixels;
import app.retone.testing.TestImages;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Node;

/**
 * An export says what its colours are: in sRGB ({@code --colour-space srgb}), a PNG carries the
 * sRGB chunk (with gAMA and cHRM) and a JPEG or TIFF the sRGB ICC profile, which LittleCMS takes
 * for sRGB; in the source's space, it carries what the source had, so an untagged sRGB photo
 * stays untagged. Read back by exiftool and ImageIO, run through LittleCMS's transicc and
 * jpgicc/tificc.
 */
class ColourTagTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();
    private final PhotoExporter exporter = new PhotoExporter();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "tif"})
    void inSrgbAJpegOrTiffEmbedsTheSrgbProfileAndLittleCmsTakesItForSrgb(String extension) throws Exception {
        Path out = dir.resolve("out." + extension);
        exporter.export(loader.load(LittleCms.fixture("p3.jpg")), out, ExportOptions.DEFAULT.withColourSpace(OutputColourSpace.SRGB));

        JsonObject tags = ExifTool.read(out);
        assertEquals("RGB ", ExifTool.text(tags, "ICC-header:ColorSpaceData"), tags.toString());
        assertEquals("sRGB built-in", ExifTool.text(tags, "ICC_Profile:ProfileDescription"), "the JDK's sRGB profile");
        // LittleCMS's own sRGB and the embedded profile (the JDK's, a v2 matrix profile) agree on every
        // colour tried to within 2 levels (1.4 at pure green, its primary's rounding); Display P3's
        // red, for scale, would be 279, -139, -65
        Path profile = dir.resolve("embedded.icc");
        Files.write(profile, ExifTool.bytes("-b", "-ICC_Profile", out.toString()));
        int[][] colours = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}, {12, 200, 99}, {128, 64, 32}, {7, 7, 7}};
        double[][] seen = transicc(profile, colours);
        for (int i = 0; i < colours.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(colours[i][c], seen[i][c], 2.0, "colour " + i + " channel " + c);
            }
        }
        // converting the export from its embedded profile to sRGB changes nothing but rounding
        int[] stored = Pixels.rawValues(out);
        int[] shown = LittleCms.shownAsSrgb(out, dir);
        assertTrue(Pixels.maxAbsDiff(stored, shown) <= (extension.equals("jpg") ? 3 : 1),
                "max " + Pixels.maxAbsDiff(stored, shown));
    }

    @Test
    void inSrgbAPngCarriesTheSrgbChunkWithGamaAndChrm() throws Exception {
        Path out = dir.resolve("out.png");
        Photo photo = loader.load(LittleCms.fixture("p3.jpg"));
        exporter.export(photo, out, ExportOptions.DEFAULT.withColourSpace(OutputColourSpace.SRGB));

        JsonObject tags = ExifTool.read(out);
        assertEquals("0", ExifTool.text(tags, "PNG:SRGBRendering"), "perceptual: " + tags);
        assertEquals(2.2, Double.parseDouble(ExifTool.text(tags, "PNG:Gamma")), 0.001);
        assertEquals(0.3127, Double.parseDouble(ExifTool.text(tags, "PNG:WhitePointX")), 1e-6);
        assertEquals(0.329, Double.parseDouble(ExifTool.text(tags, "PNG:WhitePointY")), 1e-6);
        assertEquals(0.64, Double.parseDouble(ExifTool.text(tags, "PNG:RedX")), 1e-6);
        assertEquals(0.06, Double.parseDouble(ExifTool.text(tags, "PNG:BlueY")), 1e-6);
        assertNull(ExifTool.text(tags, "ICC_Profile:ProfileDescription"), "no iCCP beside the sRGB chunk");

        Node root = pngMetadata(out);
        assertEquals("Perceptual", child(root, "sRGB").getAttributes().getNamedItem("renderingIntent").getNodeValue());
        assertEquals("45455", child(root, "gAMA").getAttributes().getNamedItem("value").getNodeValue());
        assertNull(child(root, "iCCP"));
        byte[] png = Files.readAllBytes(out);
        assertTrue(TestImages.indexOf(png, "sRGB") < TestImages.indexOf(png, "IDAT"), "before the image data");
        assertTrue(Pixels.maxAbsDiff(photo.argb(), loader.load(out).argb()) == 0, "the pixels are what the photo shows");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "png", "tif"})
    void inTheSourcesSpaceAnUntaggedSrgbPhotoStaysUntagged(String extension) throws Exception {
        Path out = dir.resolve("out." + extension);
        exporter.export(loader.load(LittleCms.fixture("srgb-no-profile.jpg")), out, ExportOptions.DEFAULT);
        JsonObject tags = ExifTool.read(out);
        assertNull(ExifTool.text(tags, "ICC_Profile:ProfileDescription"), tags.toString());
        assertNull(ExifTool.text(tags, "PNG:SRGBRendering"), tags.toString());
        assertNull(ExifTool.text(tags, "PNG:Gamma"), tags.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpg", "png", "tif"})
    void aPngTaggedSrgbByItsChunkKeepsTheTagInTheSourcesSpace(String extension) throws Exception {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(TestImages.quadrants(), "png", encoded);
        Path in = TestImages.write(dir.resolve("tagged.png"), TestImages.pngWithChunk(encoded.toByteArray(), "sRGB", new byte[] {0}));
        Photo photo = loader.load(in);
        assertTrue(photo.source().taggedSrgb());
        assertNull(photo.source().iccProfile());

        Path out = dir.resolve("out." + extension);
        exporter.export(photo, out, ExportOptions.DEFAULT);
        JsonObject tags = ExifTool.read(out);
        if (extension.equals("png")) {
            assertEquals("0", ExifTool.text(tags, "PNG:SRGBRendering"), tags.toString());
        } else {
            assertEquals("sRGB built-in", ExifTool.text(tags, "ICC_Profile:ProfileDescription"), tags.toString());
        }
        if (!extension.equals("jpg")) {
            assertEquals(0, Pixels.maxAbsDiff(photo.argb(), loader.load(out).argb()), "the values are kept as they are");
        }
    }

    @Test
    void theSrgbProfileAnExportEmbedsNeedsNoConversionWhenOpenedAgain() throws Exception {
        Path out = dir.resolve("srgb.tif");
        Photo photo = loader.load(LittleCms.fixture("p3.tif"));
        exporter.export(photo, out, ExportOptions.DEFAULT.withColourSpace(OutputColourSpace.SRGB));
        Photo back = loader.load(out);
        assertNotNull(back.source().iccProfile(), "the sRGB profile is the export's own");
        assertFalse(back.source().convertedToSrgb(), "sRGB needs no conversion");
        assertEquals(List.of(), back.warnings());
        assertEquals(0, Pixels.maxAbsDiff(photo.argb(), back.argb()));
    }

    /** What LittleCMS's transicc makes of these 8-bit RGB colours, from {@code profile} to its built-in sRGB (relative colorimetric). */
    private static double[][] transicc(Path profile, int[][] colours) throws Exception {
        Process p = new ProcessBuilder("transicc", "-i" + profile, "-o*sRGB", "-t1").redirectErrorStream(true).start();
        StringBuilder input = new StringBuilder();
        for (int[] c : colours) {
            input.append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append('\n');
        }
        p.getOutputStream().write(input.toString().getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        List<double[]> values = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("R=(-?[0-9.]+) G=(-?[0-9.]+) B=(-?[0-9.]+)").matcher(output);
        while (m.find()) {
            values.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
        }
        assertEquals(colours.length, values.size(), output);
        return values.toArray(new double[0][]);
    }

    private static Node pngMetadata(Path png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            return metadata.getAsTree(metadata.getNativeMetadataFormatName());
        }
    }

    private static Node child(Node parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
