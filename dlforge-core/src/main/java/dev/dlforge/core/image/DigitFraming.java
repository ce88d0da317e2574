package dev.dlforge.core.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The one way a picture of a digit becomes a model input. Training images, {@code dlforge predict},
 * the HTTP API and the studio's draw pad all go through {@link #frame}, so the network sees digits of
 * one size, place, polarity and contrast whatever their source:
 *
 * <ol>
 *   <li><b>Polarity.</b> Luminance {@code v} in [0, 1]; when the median {@code b} of the border pixels
 *       is above 0.5 (dark ink on light paper) every pixel becomes {@code 1 - v}: ink is bright on
 *       black, as in the training sheet and MNIST.</li>
 *   <li><b>Contrast.</b> {@code v' = clamp((v - b) / (m - b), 0, 1)} with {@code b} the border median
 *       after step 1 and {@code m} the brightest pixel: paper becomes 0, the darkest ink 1.</li>
 *   <li><b>Crop</b> to the bounding box of the ink, the pixels with {@code v' > }{@value #INK}.</li>
 *   <li><b>Scale</b> that box so its longer side is {@code box} pixels, keeping the aspect ratio
 *       (area averaging when shrinking, bilinear interpolation when enlarging).</li>
 *   <li><b>Place</b> it in a {@code size x size} frame so its centre of mass lies on the frame's
 *       centre, rounded to whole pixels and kept inside the frame.</li>
 *   <li><b>Quantise</b> to {@code k / 255}, computed as {@code k * (1f / 255f)}: exactly the values a
 *       stored training image (bytes) becomes in a batch, so framing twice or storing in between
 *       changes nothing the model sees.</li>
 * </ol>
 * MNIST's frame is {@code size = 28, box = 20} ({@link #MNIST}).
 *
 * @param size side of the output frame in pixels
 * @param box side of the square the digit's longer side is scaled to
 */
public record DigitFraming(int size, int box) implements PictureFraming {
    /** The digit's longer side scaled to 20 pixels, centred by mass in 28x28, as MNIST was prepared. */
    public static final DigitFraming MNIST = new DigitFraming(28, 20);
    /** Pixels brighter than this (after the contrast step) count as ink for the bounding box. */
    static final float INK = 0.25f;

    public DigitFraming {
        if (box < 1 || box > size) {
            throw new IllegalArgumentException("the digit box must be 1.." + size + " pixels, got " + box);
        }
    }

    @Override
    public float[] toPixels(BufferedImage image) {
        return frame(GrayImages.luminance(image), image.getWidth(), image.getHeight());
    }

    /**
     * The framed digit, {@code size * size} values {@code k / 255}; all zero when the picture holds no
     * ink (every pixel equals the background).
     *
     * @param luminance {@code width * height} grey values in [0, 1], row-major; not modified
     */
    public float[] frame(float[] luminance, int width, int height) {
        float[] v = normalised(luminance, width, height);
        int[] ink = inkBounds(v, width, height);
        float[] out = new float[size * size];
        if (ink == null) {
            return out;
        }
        int cw = ink[2];
        int ch = ink[3];
        double scale = box / (double) Math.max(cw, ch);
        int sw = Math.max(1, Math.min(box, (int) Math.round(cw * scale)));
        int sh = Math.max(1, Math.min(box, (int) Math.round(ch * scale)));
        float[] digit = Resampling.resize(v, width, ink[0], ink[1], cw, ch, sw, sh); // (sh, sw)
        double[] com = centreOfMass(digit, sw, sh);
        int ox = clamp((int) Math.round(size / 2.0 - com[0]), 0, size - sw);
        int oy = clamp((int) Math.round(size / 2.0 - com[1]), 0, size - sh);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                out[(oy + y) * size + ox + x] = quantised(digit[y * sw + x]);
            }
        }
        return out;
    }

    /** {@link #frame} of 8-bit samples, as 8-bit samples ({@code k} of {@code k / 255}). */
    public byte[] frameBytes(byte[] pixels, int offset, int width, int height) {
        float[] lum = new float[width * height];
        for (int i = 0; i < lum.length; i++) {
            lum[i] = (pixels[offset + i] & 0xFF) * (1f / 255f);
        }
        float[] framed = frame(lum, width, height);
        byte[] out = new byte[framed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round(framed[i] * 255);
        }
        return out;
    }

    /** True when the picture reads as dark ink on light paper: its border median is above 0.5. */
    public static boolean isDarkOnLight(float[] luminance, int width, int height) {
        return borderMedian(luminance, width, height) > 0.5f;
    }

    /** Steps 1 and 2: bright ink on a black background, stretched to [0, 1]. */
    private static float[] normalised(float[] lum, int w, int h) {
        boolean invert = isDarkOnLight(lum, w, h);
        float[] v = new float[lum.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = invert ? 1 - lum[i] : lum[i];
        }
        float background = borderMedian(v, w, h);
        float max = 0;
        for (float p : v) {
            max = Math.max(max, p);
        }
        float range = max - background;
        for (int i = 0; i < v.length; i++) {
            v[i] = range <= 0 ? 0 : Math.max(0, Math.min(1, (v[i] - background) / range));
        }
        return v;
    }

    private static float borderMedian(float[] p, int w, int h) {
        float[] border = new float[w == 1 || h == 1 ? w * h : 2 * w + 2 * (h - 2)];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || y == h - 1 || x == 0 || x == w - 1) {
                    border[n++] = p[y * w + x];
                }
            }
        }
        Arrays.sort(border, 0, n);
        return n % 2 == 1 ? border[n / 2] : (border[n / 2 - 1] + border[n / 2]) / 2;
    }

    /** x, y, width, height of the ink; null when there is none. */
    private static int[] inkBounds(float[] p, int w, int h) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (p[y * w + x] > INK) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /** Centre of mass in pixel coordinates (a pixel's centre is at +0.5). */
    static double[] centreOfMass(float[] p, int w, int h) {
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

    private static float quantised(float v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 255) * (1f / 255f);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
