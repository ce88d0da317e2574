package dev.dlforge.core.image;

import java.awt.image.BufferedImage;

/**
 * How an arbitrary picture becomes a model input shaped like the training data: light-on-dark
 * grey-scale of {@code size x size}, as MNIST and Fashion-MNIST store it.
 *
 * <ol>
 *   <li>Luminance in [0, 1]; when the border is mostly light (dark ink on paper, a product on a white
 *       background) the image is inverted so the object is bright on black, like the training data.</li>
 *   <li>With {@code objectBox > 0} (digits): crop to the object's bounding box, scale it to fit an
 *       {@code objectBox} square keeping its aspect ratio, and centre it by its centre of mass, as
 *       MNIST was prepared. Otherwise: scale the whole picture to fit and centre it.</li>
 * </ol>
 *
 * @param size output side in pixels
 * @param objectBox side of the box the object is fitted into; 0 fits the whole image
 */
public record ImageInput(int size, int objectBox) {

    /** Pixels in [0, 1], row-major, {@code size * size}. */
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
        int[] box = objectBox > 0 ? inkBounds(lum, w, h) : new int[] {0, 0, w, h};
        BufferedImage object = gray.getSubimage(box[0], box[1], box[2], box[3]);
        int fit = objectBox > 0 ? objectBox : size;
        double scale = fit / (double) Math.max(box[2], box[3]);
        int sw = Math.max(1, (int) Math.round(box[2] * scale));
        int sh = Math.max(1, (int) Math.round(box[3] * scale));
        float[] small = GrayImages.luminance(GrayImages.resize(object, sw, sh));
        float[] out = new float[size * size];
        int ox = (size - sw) / 2;
        int oy = (size - sh) / 2;
        if (objectBox > 0) {
            double[] com = centreOfMass(small, sw, sh);
            ox = (int) Math.round(size / 2.0 - com[0]);
            oy = (int) Math.round(size / 2.0 - com[1]);
            ox = Math.max(0, Math.min(size - sw, ox));
            oy = Math.max(0, Math.min(size - sh, oy));
        }
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

    /** x, y, width, height of the pixels brighter than a quarter of the maximum; all of it if none. */
    private static int[] inkBounds(float[] p, int w, int h) {
        float max = 0;
        for (float v : p) {
            max = Math.max(max, v);
        }
        float threshold = max / 4;
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (p[y * w + x] > threshold) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? new int[] {0, 0, w, h} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    private static double[] centreOfMass(float[] p, int w, int h) {
        double sum = 0, sx = 0, sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = p[y * w + x];
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return sum == 0 ? new double[] {w / 2.0, h / 2.0} : new double[] {sx / sum, sy / sum};
    }
}
