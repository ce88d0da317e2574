package dev.dlforge.core.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Conversions between grey-scale pixel arrays (row-major, 0 = black, 1 = white) and images.
 *
 * <p>Grey values are the stored 8-bit samples, as in IDX files, PNGs and every Python library. Java's
 * own {@code TYPE_BYTE_GRAY} treats its samples as <em>linear</em> light and converts them to sRGB in
 * {@code getRGB} and {@code drawImage} (a stored 128 reads as 188), so the images made here are
 * {@code TYPE_INT_RGB} with equal channels, and grey images read from files are read sample by sample.
 */
public final class GrayImages {
    private GrayImages() {}

    /** An image from {@code h*w} values starting at {@code offset}, mapped linearly from [lo, hi] to [0, 255]. */
    public static BufferedImage toImage(float[] pixels, int offset, int h, int w, float lo, float hi) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float range = hi - lo == 0 ? 1 : hi - lo;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = (pixels[offset + y * w + x] - lo) / range;
                image.setRGB(x, y, grey(Math.round(Math.max(0, Math.min(1, v)) * 255)));
            }
        }
        return image;
    }

    /** The same, scaled so the array's own minimum is black and maximum white (for weights). */
    public static BufferedImage toImageAutoContrast(float[] values, int offset, int h, int w) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (int i = offset; i < offset + h * w; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return toImage(values, offset, h, w, lo, hi);
    }

    /** From uint8 pixels (0..255), e.g. a dataset's raw storage. */
    public static BufferedImage fromBytes(byte[] pixels, int offset, int h, int w) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, grey(pixels[offset + y * w + x] & 0xFF));
            }
        }
        return image;
    }

    /**
     * Luminance of every pixel in [0, 1], row-major: {@code 0.299 R + 0.587 G + 0.114 B} of colour
     * images, the stored sample of grey ones; transparent pixels count as white paper.
     */
    public static float[] luminance(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            return greySamples(image.getRaster(), cm);
        }
        int w = image.getWidth();
        int h = image.getHeight();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float a = ((argb >>> 24) & 0xFF) / 255f;
                float r = ((argb >> 16) & 0xFF) / 255f;
                float g = ((argb >> 8) & 0xFF) / 255f;
                float b = (argb & 0xFF) / 255f;
                float lum = 0.299f * r + 0.587f * g + 0.114f * b;
                out[y * w + x] = a * lum + (1 - a);
            }
        }
        return out;
    }

    /** Grey (and alpha) samples of a grey image's raster, without colour-space conversion. */
    private static float[] greySamples(Raster raster, ColorModel cm) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        float max = (1 << cm.getComponentSize(0)) - 1;
        float alphaMax = cm.hasAlpha() ? (1 << cm.getComponentSize(1)) - 1 : 1;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = raster.getSample(x, y, 0) / max;
                float a = cm.hasAlpha() ? raster.getSample(x, y, 1) / alphaMax : 1;
                out[y * w + x] = a * v + (1 - a);
            }
        }
        return out;
    }

    private static int grey(int v) {
        return v * 0x010101;
    }

    /** Bilinear resize of a grey image to {@code w x h}. */
    public static BufferedImage resize(BufferedImage src, int w, int h) {
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }
}
