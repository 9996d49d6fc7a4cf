import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The two ways a plain RGB JPEG can become ARGB ints, timed interleaved (docs/performance.md,
 * "Decoding a JPEG"): the decoder's own three bytes a pixel, then packed into a new int array
 * (what Retone did: two copies at the peak), or decoded straight into ints made ARGB where they
 * lie (what PhotoDecoder does now: one copy). Decode and conversion are timed together.
 *
 *   java -cp "target/lib/*" src/docs/DecodeForms.java PHOTO.jpg [ROUNDS]
 */
public class DecodeForms {

    public static void main(String[] args) throws Exception {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
        File file = new File(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Long> threeBytes = new ArrayList<>();
        List<Long> ints = new ArrayList<>();
        for (int i = 0; i < rounds + 1; i++) {
            for (int form = 0; form < 2; form++) {
                long ms = decode(file, form == 1);
                if (i > 0) { // the first round warms up
                    (form == 0 ? threeBytes : ints).add(ms);
                }
            }
        }
        Collections.sort(threeBytes);
        Collections.sort(ints);
        System.out.println("three bytes, then a new int array: " + threeBytes + " ms, median " + threeBytes.get(rounds / 2));
        System.out.println("ints, made ARGB where they lie:    " + ints + " ms, median " + ints.get(rounds / 2));
    }

    private static long decode(File file, boolean intoInts) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file)) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                long start = System.nanoTime();
                if (intoInts) {
                    param.setDestination(new BufferedImage(reader.getWidth(0), reader.getHeight(0), BufferedImage.TYPE_INT_RGB));
                }
                BufferedImage image = reader.read(0, param);
                int[] argb;
                if (intoInts) {
                    argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                    for (int k = 0; k < argb.length; k++) {
                        argb[k] |= 0xFF000000;
                    }
                } else {
                    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                    argb = new int[image.getWidth() * image.getHeight()];
                    for (int k = 0, j = 0; k < argb.length; k++, j += 3) {
                        argb[k] = 0xFF000000 | (bgr[j + 2] & 0xFF) << 16 | (bgr[j + 1] & 0xFF) << 8 | (bgr[j] & 0xFF);
                    }
                }
                return (System.nanoTime() - start) / 1_000_000;
            } finally {
                reader.dispose();
            }
        }
    }
}
