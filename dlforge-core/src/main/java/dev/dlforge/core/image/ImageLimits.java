package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;
import java.util.Locale;

/**
 * The largest image dlforge decodes. A compressed image says its size in a header of a few bytes and
 * the decoder allocates width x height pixels before reading any of them, so a 69-byte PNG can ask
 * for 2 GB and a 389 KB black PNG of 20000x20000 costs 15 s of CPU and 6 GB of memory. Both sizes
 * are checked from the header, before decoding.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_SIDE} pixels a side and {@value #DEFAULT_MAX_PIXELS} pixels in
 * all. 24 megapixels is a full-frame camera photo (6000x4000), about 96 MB once decoded at 4 bytes
 * a pixel; a side of 8192 admits panoramas and scanned sheets (OpenCV's digits sheet is 2000x1000)
 * while refusing the thin 100000x10 strips that pass a pixel count. The classifiers frame every
 * picture to 28-32 pixels, so nothing a user legitimately sends them is near either limit.
 *
 * <p>Override with system properties {@code dlforge.image.maxSide} / {@code dlforge.image.maxPixels}
 * or environment variables {@code DLFORGE_MAX_IMAGE_SIDE} / {@code DLFORGE_MAX_IMAGE_PIXELS} (the
 * property wins), read at each decode.
 *
 * @param maxSide the largest width or height accepted, in pixels
 * @param maxPixels the largest width x height accepted
 */
public record ImageLimits(int maxSide, long maxPixels) {
    public static final int DEFAULT_MAX_SIDE = 8192;
    public static final long DEFAULT_MAX_PIXELS = 24_000_000L;
    public static final String SIDE_PROPERTY = "dlforge.image.maxSide";
    public static final String PIXELS_PROPERTY = "dlforge.image.maxPixels";
    public static final String SIDE_ENV = "DLFORGE_MAX_IMAGE_SIDE";
    public static final String PIXELS_ENV = "DLFORGE_MAX_IMAGE_PIXELS";

    public ImageLimits {
        if (maxSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("image limits must be positive: side " + maxSide + ", pixels " + maxPixels);
        }
    }

    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_SIDE, DEFAULT_MAX_PIXELS);
    }

    /** The defaults, overridden by the system properties or environment variables named above. */
    public static ImageLimits current() {
        long side = setting(SIDE_PROPERTY, SIDE_ENV, DEFAULT_MAX_SIDE);
        long pixels = setting(PIXELS_PROPERTY, PIXELS_ENV, DEFAULT_MAX_PIXELS);
        return new ImageLimits((int) Math.min(side, Integer.MAX_VALUE), pixels);
    }

    public boolean allows(long width, long height) {
        return width <= maxSide && height <= maxSide && width * height <= maxPixels;
    }

    /** Refuses an image of {@code width} x {@code height} over the limits; {@code name} appears in the error. */
    public void check(String name, int width, int height) {
        if (!allows(width, height)) {
            throw new ImageTooLargeException(name, width, height, this);
        }
    }

    /** E.g. "8192 pixels a side and 24.0 megapixels in all". */
    String describe() {
        return maxSide + " pixels a side and " + count(maxPixels) + " in all";
    }

    /** E.g. "24.0 megapixels", or "2048 pixels" below a tenth of a megapixel. */
    static String count(long pixels) {
        return pixels < 100_000 ? pixels + " pixels" : String.format(Locale.ROOT, "%.1f megapixels", pixels / 1e6);
    }

    /** A positive count from {@code property}, else {@code env}, else {@code fallback}; anything else is refused. */
    static long setting(String property, String env, long fallback) {
        String value = System.getProperty(property);
        String source = property;
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
            source = env;
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip().replace("_", ""));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new DlforgeException(source + "='" + value + "' is not a positive whole number",
                "set it to a pixel count such as " + fallback + ", or unset it for the default");
    }
}
