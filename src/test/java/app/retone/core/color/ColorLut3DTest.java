package app.retone.core.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.retone.core.image.SyntheticPhoto;
import app.retone.testing.CubeReader;
import app.retone.testing.CubeFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColorLut3DTest {

    private static int[] allColours() {
        int[] px = new int[1 << 24];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xFF000000 | i;
        }
        return px;
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void anIdentityTableComputedTheLongWayIsBitExactOnEveryColour(Interpolation interpolation) {
        // not the identity shortcut: the interpolation arithmetic itself must give the input back
        ColorLut3D lut = ColorLut3D.of(33, ColorLut3D.identityNodes(33));
        int[] px = allColours();
        int[] out = lut.apply(px, interpolation);
        assertArrayEquals(px, out);
    }

    @Test
    void strengthZeroGivesTheInputBackBitExactly() {
        int[] px = SyntheticPhoto.landscape(300, 200, 1).argb();
        px[0] = 0x40123456; // alpha too
        ColorLut3D lut = someLut();
        assertArrayEquals(px, lut.withStrength(0).apply(px, Interpolation.TETRAHEDRAL));
        assertArrayEquals(px, lut.withStrength(0).apply(px, Interpolation.TRILINEAR));
    }

    @Test
    void strengthBlendsLinearlyBetweenIdentityAndTheTable() {
        ColorLut3D lut = someLut();
        float[] full = lut.node(5, 9, 20);
        float[] half = lut.withStrength(0.5).node(5, 9, 20);
        float[] over = lut.withStrength(1.5).node(5, 9, 20);
        float[] id = {5 / 32f, 9 / 32f, 20 / 32f};
        for (int c = 0; c < 3; c++) {
            assertEquals(id[c] + 0.5f * (full[c] - id[c]), half[c], 1e-6);
            assertEquals(id[c] + 1.5f * (full[c] - id[c]), over[c], 1e-6);
        }
        assertEquals(lut, lut.withStrength(1));
        assertThrows(IllegalArgumentException.class, () -> lut.withStrength(-0.1));
    }

    @Test
    void bothInterpolationsAreExactOnAnAffineTable() {
        // trilinear and tetrahedral reproduce any affine map exactly at the nodes and between them
        int n = 17;
        float[] nodes = new float[3 * n * n * n];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++, i += 3) {
                    float fr = r / (n - 1f);
                    float fg = g / (n - 1f);
                    float fb = b / (n - 1f);
                    nodes[i] = 0.6f * fr + 0.3f * fg + 0.05f;
                    nodes[i + 1] = 0.8f * fg + 0.1f * fb;
                    nodes[i + 2] = 0.5f * fb + 0.25f * fr + 0.2f;
                }
            }
        }
        ColorLut3D lut = ColorLut3D.of(n, nodes);
        for (int[] c : new int[][] {{0, 0, 0}, {255, 255, 255}, {13, 200, 77}, {128, 64, 250}, {1, 254, 3}}) {
            float er = 255 * (0.6f * c[0] / 255 + 0.3f * c[1] / 255 + 0.05f);
            float eg = 255 * (0.8f * c[1] / 255 + 0.1f * c[2] / 255);
            float eb = 255 * (0.5f * c[2] / 255 + 0.25f * c[0] / 255 + 0.2f);
            for (Interpolation interpolation : Interpolation.values()) {
                float[] got = lut.lookup(c[0], c[1], c[2], interpolation);
                assertArrayEquals(new float[] {er, eg, eb}, got, 1e-3f, interpolation + " at " + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void alphaPassesThroughUntouched() {
        int[] px = {0x00FF0000, 0x7F00FF00, 0x800000FF};
        int[] out = someLut().apply(px, Interpolation.TETRAHEDRAL);
        for (int i = 0; i < px.length; i++) {
            assertEquals(px[i] >>> 24, out[i] >>> 24);
        }
    }

    @Test
    void cubeWriteThenReadRoundTrips(@TempDir Path dir) throws IOException {
        ColorLut3D lut = someLut();
        Path file = dir.resolve("look.cube");
        CubeFile.write(lut, "a look", file);
        ColorLut3D back = CubeReader.read(file);
        assertEquals(lut.size(), back.size());
        float[] a = lut.nodes();
        float[] b = back.nodes();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Math.max(0, Math.min(1, a[i])), b[i], 1e-6, "value " + i);
        }
        String text = Files.readString(file);
        assertTrue(text.contains("LUT_3D_SIZE 33"));
        // red varies fastest: the second entry is node (1, 0, 0)
        String[] lines = text.lines().filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0))).toArray(String[]::new);
        float[] second = lut.node(1, 0, 0);
        assertEquals(String.format(java.util.Locale.ROOT, "%.6f %.6f %.6f", second[0], second[1], second[2]), lines[1]);
        assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("look.cube")), "no temporary file left");
    }

    @Test
    void cubeReaderReadsRedFastest() throws IOException {
        String text = """
                # a 2-point LUT that swaps red and blue
                TITLE "swap"
                LUT_3D_SIZE 2
                0 0 0
                0 0 1
                0 1 0
                0 1 1
                1 0 0
                1 0 1
                1 1 0
                1 1 1
                """;
        ColorLut3D lut = CubeReader.read(new StringReader(text));
        assertArrayEquals(new float[] {0, 0, 1}, lut.node(1, 0, 0));
        assertArrayEquals(new float[] {1, 0, 0}, lut.node(0, 0, 1));
        float[] c = lut.lookup(200, 100, 10, Interpolation.TETRAHEDRAL);
        assertArrayEquals(new float[] {10, 100, 200}, c, 1e-3f);
    }

    @Test
    void theDomainSaysWhichInputsTheNodesStandFor() throws IOException {
        // the Adobe spec: DOMAIN_MIN/MAX bound the input; outputs are not rescaled
        StringBuilder flat = new StringBuilder("LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 2 2 2\n");
        for (int i = 0; i < 8; i++) {
            flat.append("0.5 0.5 0.5\n");
        }
        assertArrayEquals(new float[] {127.5f, 127.5f, 127.5f},
                CubeReader.read(new StringReader(flat.toString())).lookup(40, 200, 90, Interpolation.TRILINEAR), 1e-3f);
        // identity over inputs 0..2 is identity on 0..1
        StringBuilder identity = new StringBuilder("LUT_3D_SIZE 2\nDOMAIN_MAX 2 2 2\n");
        for (int b = 0; b < 2; b++) {
            for (int g = 0; g < 2; g++) {
                for (int r = 0; r < 2; r++) {
                    identity.append(2 * r).append(' ').append(2 * g).append(' ').append(2 * b).append('\n');
                }
            }
        }
        ColorLut3D lut = CubeReader.read(new StringReader(identity.toString()));
        assertArrayEquals(new float[] {40, 200, 90}, lut.lookup(40, 200, 90, Interpolation.TRILINEAR), 1e-2f);
    }

    @Test
    void cubeReaderToleratesBomAndOtherToolsKeywords() throws IOException {
        String text = "\uFEFFLUT_3D_SIZE 2\nLUT_IN_VIDEO_RANGE\n" + "0 0 0\n".repeat(8);
        assertEquals(2, CubeReader.read(new StringReader(text)).size());
    }

    @Test
    void aHeaderClaimingMoreThanTheFileHoldsIsRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("big.cube"), "LUT_3D_SIZE 129\n0 0 0\n");
        CubeFormatException e = assertThrows(CubeFormatException.class, () -> CubeReader.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void titlesWithAnyCharactersStillMakeAReadableFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.cube");
        CubeFile.write(ColorLut3D.identity(2), "Été \"x\"\r\nLUT_3D_SIZE 9", file);
        assertEquals(2, CubeReader.read(file).size());
        assertTrue(Files.readString(file).contains("TITLE \"_t_ 'x'__LUT_3D_SIZE 9\""), Files.readString(file));
    }

    @Test
    void cubeReaderRejectsBrokenFilesWithTheLine() {
        assertCubeError("before LUT_3D_SIZE", "0 0 0\n");
        assertCubeError("no LUT_3D_SIZE", "# nothing\nTITLE \"x\"\n");
        assertCubeError("1D LUT", "LUT_1D_SIZE 4\n");
        assertCubeError("needs 8", "LUT_3D_SIZE 2\n0 0 0\n1 1 1\n");
        assertCubeError("line 3", "LUT_3D_SIZE 2\n0 0 0\n0 x 0\n");
        assertCubeError("three numbers", "LUT_3D_SIZE 2\n0 0\n");
        assertCubeError("outside", "LUT_3D_SIZE 100000\n");
        assertCubeError("unknown keyword", "LUT_3D_SIZE 2\nfoo-bar 1\n");
        StringBuilder tooMany = new StringBuilder("LUT_3D_SIZE 2\n");
        for (int i = 0; i < 9; i++) {
            tooMany.append("0 0 0\n");
        }
        assertCubeError("more than", tooMany.toString());
    }

    @Test
    void theSizeRuleIsOneRangeWithOneMessageForTablesTransfersAndCubeFiles() {
        assertTrue(ColorLut3D.isValidSize(ColorLut3D.MIN_SIZE) && ColorLut3D.isValidSize(ColorLut3D.MAX_SIZE));
        assertTrue(!ColorLut3D.isValidSize(ColorLut3D.MIN_SIZE - 1) && !ColorLut3D.isValidSize(ColorLut3D.MAX_SIZE + 1));
        assertEquals("--lut-size must be between 2 and 129, got 130", ColorLut3D.sizeOutOfRange("--lut-size", 130));
        String said = "the LUT size must be between 2 and 129, got 130";
        assertEquals(said, assertThrows(IllegalArgumentException.class, () -> ColorLut3D.identity(130)).getMessage());
        assertEquals(said, assertThrows(IllegalArgumentException.class, () -> new PdfTransfer(1, 130)).getMessage());
        assertEquals("the LUT size must be between 2 and 129, got 1",
                assertThrows(IllegalArgumentException.class, () -> ColorLut3D.of(1, new float[3])).getMessage());
        assertCubeError("LUT_3D_SIZE 130 is outside 2..129", "LUT_3D_SIZE 130\n");
        assertCubeError("LUT_3D_SIZE 1 is outside 2..129", "LUT_3D_SIZE 1\n");
    }

    private static void assertCubeError(String expected, String text) {
        CubeFormatException e = assertThrows(CubeFormatException.class, () -> CubeReader.read(new StringReader(text)));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention " + expected);
    }

    @Test
    void writtenCubeTextIsReadableByTheReader() throws IOException {
        StringWriter out = new StringWriter();
        CubeFile.write(ColorLut3D.identity(2), null, out);
        ColorLut3D back = CubeReader.read(new StringReader(out.toString()));
        assertArrayEquals(ColorLut3D.identity(2).nodes(), back.nodes(), 1e-6f);
    }

    private static ColorLut3D someLut() {
        return new PdfTransfer(10, 33).transfer(Histogram3D.of(SyntheticPhoto.landscape(200, 150, 1).argb()),
                Histogram3D.of(SyntheticPhoto.landscape(200, 150, 2).argb()));
    }

    @Test
    void aResampledTableIsTheSameTransformOnAnotherLattice() {
        int n = 9;
        float[] nodes = new float[3 * n * n * n];
        for (int b = 0, i = 0; b < n; b++) {
            for (int g = 0; g < n; g++) {
                for (int r = 0; r < n; r++) {
                    nodes[i++] = (float) Math.pow(r / (n - 1.0), 0.7);
                    nodes[i++] = (float) (g / (n - 1.0) * 0.9 + 0.05);
                    nodes[i++] = (float) Math.sqrt(b / (n - 1.0));
                }
            }
        }
        ColorLut3D lut = ColorLut3D.of(n, nodes);
        ColorLut3D fine = lut.resampled(17);
        org.junit.jupiter.api.Assertions.assertEquals(17, fine.size());
        // every node of the finer lattice is the coarse table's value there
        float[] at = fine.node(4, 10, 16);
        float[] want = lut.lookup(Math.round(4 * 255f / 16), Math.round(10 * 255f / 16), 255, Interpolation.TETRAHEDRAL);
        org.junit.jupiter.api.Assertions.assertEquals(want[0] / 255f, at[0], 0.01f);
        org.junit.jupiter.api.Assertions.assertEquals(want[1] / 255f, at[1], 0.01f);
        // and the nodes shared with the coarse lattice are the coarse nodes themselves
        float[] shared = fine.node(2, 4, 6);
        float[] coarse = lut.node(1, 2, 3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(coarse, shared, 1e-6f);
        org.junit.jupiter.api.Assertions.assertTrue(ColorLut3D.identity(5).resampled(9).isIdentity());
    }
}
