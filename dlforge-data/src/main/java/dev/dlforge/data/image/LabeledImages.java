package dev.dlforge.data.image;

import dev.dlforge.core.image.GrayImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Images with class labels, kept as raw bytes (0..255) in one array of shape (N, C, H, W): a
 * quarter of the memory of floats, converted per batch.
 */
public record LabeledImages(byte[] pixels, int[] labels, int channels, int height, int width) {

    public LabeledImages {
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(labels.length + " labels need " + expected + " pixel bytes, got " + pixels.length);
        }
    }

    public int size() {
        return labels.length;
    }

    /** Bytes per image. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The images at {@code indices}, in that order. */
    public LabeledImages select(int[] indices) {
        int s = imageSize();
        byte[] p = new byte[indices.length * s];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * s, p, i * s, s);
            l[i] = labels[indices[i]];
        }
        return new LabeledImages(p, l, channels, height, width);
    }

    /**
     * At most {@code n} images drawn from every class in proportion (a seeded stratified sample), in
     * their original order: a quick run on class-sorted data still sees every class.
     */
    public LabeledImages sample(int n, int classes, long seed) {
        if (n >= size()) {
            return this;
        }
        int[] chosen = Splits.stratified(labels, classes, n / (double) size(), seed).heldOut();
        return select(chosen.length > n ? Arrays.copyOf(chosen, n) : chosen);
    }

    /** The first {@code n} images (all of them when there are fewer). */
    public LabeledImages head(int n) {
        if (n >= size()) {
            return this;
        }
        int s = imageSize();
        return new LabeledImages(Arrays.copyOf(pixels, n * s), Arrays.copyOf(labels, n), channels, height, width);
    }

    /** Image {@code i} for display: grey for one channel, RGB for three. */
    public BufferedImage image(int i) {
        int plane = height * width;
        int offset = i * imageSize();
        if (channels == 1) {
            return GrayImages.fromBytes(pixels, offset, height, width);
        }
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = offset + y * width + x;
                int r = pixels[p] & 0xFF;
                int g = pixels[p + plane] & 0xFF;
                int b = pixels[p + 2 * plane] & 0xFF;
                rgb.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return rgb;
    }

    /** Mean and standard deviation of each channel, pixels scaled to [0, 1]. */
    public float[][] channelStatistics() {
        int plane = height * width;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < size(); i++) {
                int base = i * imageSize() + c * plane;
                for (int p = base; p < base + plane; p++) {
                    double v = (pixels[p] & 0xFF) / 255.0;
                    sum += v;
                    sumSq += v * v;
                }
            }
            double n = (double) size() * plane;
            mean[c] = (float) (sum / n);
            std[c] = (float) Math.sqrt(Math.max(sumSq / n - mean[c] * (double) mean[c], 1e-12));
        }
        return new float[][] {mean, std};
    }

    /** Examples per class, for a dataset with {@code classes} classes. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
