package app.retone.core.image;

/**
 * A small copy of a photo for a filmstrip, packed ARGB: read from the photo ({@link ThumbnailReader})
 * or from the desktop's shared cache ({@link ThumbnailCache}).
 */
public record Thumbnail(int width, int height, int[] argb) {

    public Thumbnail {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("a thumbnail of " + width + " x " + height + " with " + argb.length + " pixels");
        }
    }

    /** This thumbnail fitted inside {@code maxSide} × {@code maxSide}, its shape kept, averaged down (never enlarged). */
    public Thumbnail fittedInside(int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int tw = Math.max(1, (int) Math.round(width * scale));
        int th = Math.max(1, (int) Math.round(height * scale));
        return tw == width && th == height ? this
                : new Thumbnail(tw, th, Resample.crop(argb, width, height, 0, 0, width, height, tw, th));
    }
}
