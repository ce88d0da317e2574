package dev.dlforge.data.image;

import java.util.Arrays;
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
                Arrays.fill(pixels, base, base + plane, 0f);
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

    /**
     * Rotates by up to {@code maxDegrees}, scales by a factor in [1 - maxScale, 1 + maxScale] and
     * shifts by up to {@code maxShift} pixels, about the image centre; optionally also slants
     * (shear {@code x += k y}, {@code |k| <= maxShear}: writers' italic) and stretches the width by a
     * factor in [1 - maxStretch, 1 + maxStretch] (narrow and wide hands). The forward map is
     * {@code target = R(angle) s W H (source - c) + c + shift} with {@code W = diag(stretch, 1)} and
     * {@code H = [[1, k], [0, 1]]}; each output pixel samples the input bilinearly at the
     * inverse-mapped position, and outside the image is background (0). Slant and stretch draw from
     * the generator only when enabled, so images augmented without them stay exactly as before.
     */
    record RandomAffine(double maxDegrees, double maxScale, double maxShift, double maxShear, double maxStretch) implements Augmentation {

        public RandomAffine(double maxDegrees, double maxScale, double maxShift) {
            this(maxDegrees, maxScale, maxShift, 0, 0);
        }

        @Override
        public void apply(float[] pixels, int offset, int channels, int height, int width, Random rng) {
            double angle = Math.toRadians((rng.nextDouble() * 2 - 1) * maxDegrees);
            double scale = 1 + (rng.nextDouble() * 2 - 1) * maxScale;
            double dx = (rng.nextDouble() * 2 - 1) * maxShift;
            double dy = (rng.nextDouble() * 2 - 1) * maxShift;
            double shear = maxShear > 0 ? (rng.nextDouble() * 2 - 1) * maxShear : 0;
            double stretch = maxStretch > 0 ? 1 + (rng.nextDouble() * 2 - 1) * maxStretch : 1;
            // Inverse map: source = H^-1 W^-1 R(-angle) (target - centre - shift) / scale + centre.
            double cos = Math.cos(angle) / scale;
            double sin = Math.sin(angle) / scale;
            double cx = (width - 1) / 2.0;
            double cy = (height - 1) / 2.0;
            int plane = height * width;
            float[] src = new float[plane];
            for (int c = 0; c < channels; c++) {
                int base = offset + c * plane;
                System.arraycopy(pixels, base, src, 0, plane);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double tx = x - cx - dx;
                        double ty = y - cy - dy;
                        double ry = -sin * tx + cos * ty;
                        double rx = (cos * tx + sin * ty) / stretch;
                        double sx = rx - shear * ry + cx;
                        double sy = ry + cy;
                        pixels[base + y * width + x] = bilinear(src, width, height, sx, sy);
                    }
                }
            }
        }

        static float bilinear(float[] img, int w, int h, double x, double y) {
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            return (float) ((1 - fy) * ((1 - fx) * at(img, w, h, x0, y0) + fx * at(img, w, h, x0 + 1, y0))
                    + fy * ((1 - fx) * at(img, w, h, x0, y0 + 1) + fx * at(img, w, h, x0 + 1, y0 + 1)));
        }

        private static float at(float[] img, int w, int h, int x, int y) {
            return x < 0 || y < 0 || x >= w || y >= h ? 0f : img[y * w + x];
        }
    }
}
