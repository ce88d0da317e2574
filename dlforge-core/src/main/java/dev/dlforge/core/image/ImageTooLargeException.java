package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;

/**
 * An image refused for its size: its header asks for more pixels than {@link ImageLimits} allow, or
 * decoding it ran out of memory. Typed so that the HTTP layer can answer 413 (Payload Too Large)
 * rather than 400: the request is well formed, only bigger than this server takes.
 */
public final class ImageTooLargeException extends DlforgeException {
    private final int width;
    private final int height;
    private final ImageLimits limits;

    /** Over the limits, known from the header before decoding. */
    public ImageTooLargeException(String name, int width, int height, ImageLimits limits) {
        this("image " + name + " is " + width + "x" + height + " (" + ImageLimits.count((long) width * height)
                + "), over the limit of " + limits.describe(),
                "scale it down to fit the limit (the operator can raise " + ImageLimits.PIXELS_ENV + " and " + ImageLimits.SIDE_ENV + ")",
                width, height, limits, null);
    }

    private ImageTooLargeException(String message, String hint, int width, int height, ImageLimits limits, Throwable cause) {
        super(message, hint, cause);
        this.width = width;
        this.height = height;
        this.limits = limits;
    }

    /** Within the limits but too large for the memory this process has left: the decoder ran out. */
    static ImageTooLargeException outOfMemory(String name, int width, int height, ImageLimits limits, OutOfMemoryError cause) {
        return new ImageTooLargeException("image " + name + " (" + width + "x" + height + ") is too large for the memory available to decode it",
                "scale it down, or give Java more memory (-Xmx) or lower " + ImageLimits.PIXELS_ENV, width, height, limits, cause);
    }

    /** The width the image's header gives, in pixels. */
    public int width() {
        return width;
    }

    /** The height the image's header gives, in pixels. */
    public int height() {
        return height;
    }

    /** The limits in force when it was refused. */
    public ImageLimits limits() {
        return limits;
    }
}
