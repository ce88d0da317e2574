package dev.dlforge.data.image;

import java.util.Random;

/**
 * Elastic distortion (Simard, Steinkraus and Platt 2003): the wobble of a hand. Two fields of
 * uniform noise in [-1, 1], one per axis, are smoothed by a Gaussian of standard deviation
 * {@code sigma} pixels and scaled by {@code alpha}; each output pixel samples the input bilinearly at
 * {@code (x + dx(x, y), y + dy(x, y))}. Small {@code sigma} gives jitter, large {@code sigma} gentle
 * bends; Simard et al. used {@code alpha = 34, sigma = 4} on MNIST.
 *
 * @param alpha displacement scale in pixels (before smoothing)
 * @param sigma smoothing in pixels
 */
public record ElasticDistortion(double alpha, double sigma) implements Augmentation {

    public ElasticDistortion {
        if (!(alpha >= 0) || !(sigma > 0)) {
            throw new IllegalArgumentException("elastic distortion needs alpha >= 0 and sigma > 0, got " + alpha + ", " + sigma);
        }
    }

    @Override
    public void apply(float[] pixels, int offset, int channels, int height, int width, Random rng) {
        int plane = height * width;
        float[] dx = smoothedNoise(width, height, rng); // (H, W)
        float[] dy = smoothedNoise(width, height, rng); // (H, W)
        float[] src = new float[plane];
        for (int c = 0; c < channels; c++) {
            int base = offset + c * plane;
            System.arraycopy(pixels, base, src, 0, plane);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    pixels[base + i] = Augmentation.RandomAffine.bilinear(src, width, height, x + alpha * dx[i], y + alpha * dy[i]);
                }
            }
        }
    }

    /** Uniform noise in [-1, 1] blurred by a separable, normalised Gaussian (zero beyond the edges). */
    private float[] smoothedNoise(int w, int h, Random rng) {
        float[] noise = new float[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        float[] rows = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = x + k;
                    if (xx >= 0 && xx < w) {
                        s += kernel[k + radius] * noise[y * w + xx];
                    }
                }
                rows[y * w + x] = (float) s;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = y + k;
                    if (yy >= 0 && yy < h) {
                        s += kernel[k + radius] * rows[yy * w + x];
                    }
                }
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }
}
