package app.retone.core.edit;

import app.retone.core.color.Histogram3D;
import app.retone.core.image.Photo;
import app.retone.core.image.Resample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Turns a few photos into many (edited, original) histogram pairs: random crops and rescales
 * (and mosaics of crops from different photos) give new, still natural histograms; each is
 * edited at random and both histograms are computed by {@link Histogram3D}, exactly as the app
 * computes them (on a copy of {@link Resample#MODEL_INPUT_PIXELS} pixels).
 */
public final class DatasetBuilder {

    /** The longest side photos are reduced to before cropping. */
    public static final int WORKING_SIZE = 1024;

    /**
     * Crops are edited at this many times the model's pixel count, then reduced to it: as in the
     * app and in 'eval', where a photo is edited at its own size and the model sees a reduced
     * copy, so per-pixel noise is averaged the same way in training as in use.
     */
    public static final int EDIT_OVERSAMPLING = 6;

    private final int bins;
    private final int cropsPerPhoto;
    private final int editsPerCrop;
    private final int mosaics;
    private final long seed;
    private final EditFamily family;

    public DatasetBuilder(int bins, int cropsPerPhoto, int editsPerCrop, int mosaics, long seed) {
        this(bins, cropsPerPhoto, editsPerCrop, mosaics, seed, EditFamily.SEED);
    }

    /** @param family the bad edits each crop gets (the seed's, the camera's, or both, half and half) */
    public DatasetBuilder(int bins, int cropsPerPhoto, int editsPerCrop, int mosaics, long seed, EditFamily family) {
        Histogram3D.checkSupportedBins(bins);
        if (cropsPerPhoto < 1 || editsPerCrop < 1 || mosaics < 0) {
            throw new IllegalArgumentException("crops and edits must be ≥ 1, mosaics ≥ 0");
        }
        this.bins = bins;
        this.cropsPerPhoto = cropsPerPhoto;
        this.editsPerCrop = editsPerCrop;
        this.mosaics = mosaics;
        this.seed = seed;
        this.family = java.util.Objects.requireNonNull(family);
    }

    /** A photo reduced for cropping. */
    public record Source(String name, int width, int height, int[] argb) {
        public static Source of(String name, Photo photo) {
            double scale = Math.min(1.0, (double) WORKING_SIZE / Math.max(photo.width(), photo.height()));
            int w = Math.max(1, (int) Math.round(photo.width() * scale));
            int h = Math.max(1, (int) Math.round(photo.height() * scale));
            int[] px = scale == 1.0 ? photo.argb()
                    : Resample.crop(photo.argb(), photo.width(), photo.height(), 0, 0, photo.width(), photo.height(), w, h);
            return new Source(name, w, h, px);
        }
    }

    @FunctionalInterface
    public interface Sink {
        void accept(float[] edited, float[] original) throws IOException;
    }

    /** How many pairs {@link #build} will write for this many photos. */
    public long pairCount(int photos) {
        return ((long) photos * cropsPerPhoto + mosaics) * editsPerCrop;
    }

    /**
     * Writes every pair to the sink, photo by photo then the mosaics, in an order fixed by the
     * seed (the work inside one photo runs in parallel; the output does not depend on it).
     */
    public void build(List<Source> photos, Sink sink) throws IOException {
        for (int p = 0; p < photos.size(); p++) {
            Source source = photos.get(p);
            int photoIndex = p;
            List<float[][]> pairs = parallelPairs(cropsPerPhoto, c -> {
                SplittableRandom random = new SplittableRandom(mix(seed, photoIndex, c));
                return randomCrop(source, random);
            });
            for (float[][] pair : pairs) {
                sink.accept(pair[0], pair[1]);
            }
        }
        if (photos.size() > 1 && mosaics > 0) {
            int chunk = 64; // bounded memory, whatever --mosaics says
            for (int from = 0; from < mosaics; from += chunk) {
                int base = from;
                List<float[][]> pairs = parallelPairs(Math.min(chunk, mosaics - from), m -> {
                    SplittableRandom random = new SplittableRandom(mix(seed, -1, base + m));
                    return mosaic(photos, random);
                });
                for (float[][] pair : pairs) {
                    sink.accept(pair[0], pair[1]);
                }
            }
        }
    }

    private interface CropMaker {
        Crop make(int index);
    }

    /** A crop at editing resolution, and how to reduce it (or an edit of it) to the model's size. */
    record Crop(int[] pixels, int width, int height) {
        int[] reduced(int[] px) {
            return Resample.toPixelCount(px, width, height, Resample.MODEL_INPUT_PIXELS);
        }
    }

    private List<float[][]> parallelPairs(int crops, CropMaker maker) {
        float[][][][] results = new float[crops][][][];
        IntStream.range(0, crops).parallel().forEach(c -> {
            Crop crop = maker.make(c);
            float[] original = Histogram3D.of(crop.reduced(crop.pixels()), bins).normalized();
            float[][][] perEdit = new float[editsPerCrop][][];
            SplittableRandom editRandom = new SplittableRandom(mix(seed ^ 0x9E3779B97F4A7C15L, crop.pixels().length, c)
                    ^ java.util.Arrays.hashCode(original));
            for (int e = 0; e < editsPerCrop; e++) {
                PhotoEdit edit = family.draw(editRandom);
                int[] edited = crop.reduced(edit.apply(crop.pixels()));
                perEdit[e] = new float[][] {Histogram3D.of(edited, bins).normalized(), original};
            }
            results[c] = perEdit;
        });
        List<float[][]> out = new ArrayList<>(crops * editsPerCrop);
        for (float[][][] perEdit : results) {
            out.addAll(java.util.Arrays.asList(perEdit));
        }
        return out;
    }

    /** A random crop (35–100 % of the short side, aspect 3:4 to 4:3) at editing resolution. */
    static Crop randomCrop(Source s, SplittableRandom random) {
        double share = 0.35 + 0.65 * random.nextDouble();
        double aspect = Math.exp((random.nextDouble() * 2 - 1) * Math.log(4.0 / 3));
        int side = (int) (Math.min(s.width(), s.height()) * share);
        int cw = Math.max(8, Math.min(s.width(), (int) Math.round(side * Math.sqrt(aspect))));
        int ch = Math.max(8, Math.min(s.height(), (int) Math.round(side / Math.sqrt(aspect))));
        cw = Math.min(cw, s.width());
        ch = Math.min(ch, s.height());
        int x0 = random.nextInt(s.width() - cw + 1);
        int y0 = random.nextInt(s.height() - ch + 1);
        int[] size = Resample.sizeForPixels(cw, ch, EDIT_OVERSAMPLING * Resample.MODEL_INPUT_PIXELS);
        return new Crop(Resample.crop(s.argb(), s.width(), s.height(), x0, y0, cw, ch, size[0], size[1]), size[0], size[1]);
    }

    /** A 2 × 2 mosaic of crops from two to four different photos, at editing resolution. */
    static Crop mosaic(List<Source> photos, SplittableRandom random) {
        int tile = (int) Math.round(128 * Math.sqrt(EDIT_OVERSAMPLING));
        int[] out = new int[4 * tile * tile];
        int kinds = 2 + random.nextInt(Math.min(3, photos.size() - 1));
        // distinct photos: a partial Fisher-Yates shuffle of the indices
        int[] all = IntStream.range(0, photos.size()).toArray();
        int[] chosen = new int[kinds];
        for (int k = 0; k < kinds; k++) {
            int j = k + random.nextInt(all.length - k);
            int t = all[k];
            all[k] = all[j];
            all[j] = t;
            chosen[k] = all[k];
        }
        for (int t = 0; t < 4; t++) {
            Source s = photos.get(chosen[t % kinds]);
            int side = (int) (Math.min(s.width(), s.height()) * (0.25 + 0.5 * random.nextDouble()));
            side = Math.max(8, side);
            int x0 = random.nextInt(s.width() - side + 1);
            int y0 = random.nextInt(s.height() - side + 1);
            int[] px = Resample.crop(s.argb(), s.width(), s.height(), x0, y0, side, side, tile, tile);
            int ox = (t % 2) * tile;
            int oy = (t / 2) * tile;
            for (int y = 0; y < tile; y++) {
                System.arraycopy(px, y * tile, out, (oy + y) * 2 * tile + ox, tile);
            }
        }
        return new Crop(out, 2 * tile, 2 * tile);
    }

    private static long mix(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + b * 0x165667B19E3779F9L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}
