package dev.dlforge.core.image;

import java.awt.image.BufferedImage;

/**
 * How a whole picture (a product photo, a clothing item) becomes a model input shaped like the
 * training data: light-on-dark grey-scale of {@code size x size}, as Fashion-MNIST stores it.
 * Digits are framed differently, by their ink: see {@link DigitFraming}.
 *
 * <ol>
 *   <li>Luminance in [0, 1]; when the border is mostly light (a product on a white background) the
 *       image is inverted so the object is bright on black, like the training data.</li>
 *   <li>The whole picture is scaled to fit {@code size x size}, keeping its aspect ratio, and centred.</li>
 * </ol>
 *
 * @param size output side in pixels
 */
public record ImageInput(int size) implements PictureFraming {

    /** Pixels in [0, 1], row-major, {@code size * size}. */
    @Override
    public float[] toPixels(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] lum = GrayImages.luminance(image);
        if (borderMean(lum, w, h) > 0.5f) {
            for (int i = 0; i < lum.length; i++) {
                lum[i] = 1 - lum[i];
            }
        }
        BufferedImage gray = GrayImages.toImage(lum, 0, h, w, 0, 1);
        double scale = size / (double) Math.max(w, h);
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        float[] small = GrayImages.luminance(GrayImages.resize(gray, sw, sh));
        float[] out = new float[size * size];
        int ox = (size - sw) / 2;
        int oy = (size - sh) / 2;
        for (int y = 0; y < sh; y++) {
            System.arraycopy(small, y * sw, out, (oy + y) * size + ox, sw);
        }
        return out;
    }

    private static float borderMean(float[] p, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int x = 0; x < w; x++) {
            sum += p[x] + p[(h - 1) * w + x];
            n += 2;
        }
        for (int y = 0; y < h; y++) {
            sum += p[y * w] + p[y * w + w - 1];
            n += 2;
        }
        return (float) (sum / n);
    }
}
