package dev.dlforge.data.image;

import java.util.Random;

/**
 * Thickens or thins strokes, as pens and writers differ: draws {@code t} uniformly in
 * [-maxThin, maxGrow], applies {@code floor(|t|)} full steps of grey-scale dilation ({@code t > 0})
 * or erosion ({@code t < 0}) and then blends the next step in by the fraction left:
 * {@code x' = x_k + (|t| - k) (step(x_k) - x_k)}. One step is the maximum (dilation) or minimum
 * (erosion) over the pixel and its four neighbours, about one pixel more or less stroke on each side;
 * outside the image is background (0). Bright ink on black is assumed.
 *
 * @param maxGrow most dilation steps (e.g. 1.5)
 * @param maxThin most erosion steps (e.g. 0.5: a thin stroke should not vanish)
 */
public record StrokeWidth(double maxGrow, double maxThin) implements Augmentation {

    public StrokeWidth {
        if (!(maxGrow >= 0) || !(maxThin >= 0)) {
            throw new IllegalArgumentException("stroke width changes must be >= 0, got grow " + maxGrow + ", thin " + maxThin);
        }
    }

    @Override
    public void apply(float[] pixels, int offset, int channels, int height, int width, Random rng) {
        double t = -maxThin + rng.nextDouble() * (maxGrow + maxThin);
        boolean grow = t > 0;
        double steps = Math.abs(t);
        int plane = height * width;
        float[] cur = new float[plane];
        float[] next = new float[plane];
        for (int c = 0; c < channels; c++) {
            int base = offset + c * plane;
            System.arraycopy(pixels, base, cur, 0, plane);
            double left = steps;
            while (left > 0) {
                step(cur, next, width, height, grow);
                double f = Math.min(1, left);
                for (int i = 0; i < plane; i++) {
                    cur[i] = (float) (cur[i] + f * (next[i] - cur[i]));
                }
                left -= 1;
            }
            System.arraycopy(cur, 0, pixels, base, plane);
        }
    }

    /** One dilation (max) or erosion (min) step over the 4-neighbourhood: src (H, W) -> dst (H, W). */
    private static void step(float[] src, float[] dst, int w, int h, boolean grow) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = src[y * w + x];
                float l = x > 0 ? src[y * w + x - 1] : 0;
                float r = x < w - 1 ? src[y * w + x + 1] : 0;
                float u = y > 0 ? src[(y - 1) * w + x] : 0;
                float d = y < h - 1 ? src[(y + 1) * w + x] : 0;
                dst[y * w + x] = grow ? Math.max(v, Math.max(Math.max(l, r), Math.max(u, d)))
                        : Math.min(v, Math.min(Math.min(l, r), Math.min(u, d)));
            }
        }
    }
}
