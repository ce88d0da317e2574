package dev.dlforge.data.image;

import java.util.Random;

/** A random, label-preserving change to one training image (C, H, W floats), done in place. */
public interface Augmentation {

    void apply(float[] pixels, int offset, int channels, int height, int width, Random rng);

    /**
     * Moves the image by whole pixels, up to {@code maxPixels} in each direction independently;
     * uncovered pixels become 0 (background).
     */
    record RandomShift(int maxPixels) implements Augmentation {
        @Override
        public void apply(float[] pixels, int offset, int channels, int height, int width, Random rng) {
            int dx = rng.nextInt(2 * maxPixels + 1) - maxPixels;
            int dy = rng.nextInt(2 * maxPixels + 1) - maxPixels;
            if (dx == 0 && dy == 0) {
                return;
            }
            int plane = height * width;
            float[] copy = new float[plane];
            for (int c = 0; c < channels; c++) {
                int base = offset + c * plane;
                System.arraycopy(pixels, base, copy, 0, plane);
                java.util.Arrays.fill(pixels, base, base + plane, 0f);
                for (int y = Math.max(0, dy); y < Math.min(height, height + dy); y++) {
                    int x0 = Math.max(0, dx);
                    int x1 = Math.min(width, width + dx);
                    System.arraycopy(copy, (y - dy) * width + x0 - dx, pixels, base + y * width + x0, x1 - x0);
                }
            }
        }
    }

    /** Mirrors the image left-right with the given probability. */
    record HorizontalFlip(double probability) implements Augmentation {
        @Override
        public void apply(float[] pixels, int offset, int channels, int height, int width, Random rng) {
            if (rng.nextDouble() >= probability) {
                return;
            }
            for (int row = 0; row < channels * height; row++) {
                int start = offset + row * width;
                for (int a = start, b = start + width - 1; a < b; a++, b--) {
                    float t = pixels[a];
                    pixels[a] = pixels[b];
                    pixels[b] = t;
                }
            }
        }
    }
}
