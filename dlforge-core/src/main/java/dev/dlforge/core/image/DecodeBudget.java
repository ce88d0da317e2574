package dev.dlforge.core.image;

import dev.dlforge.core.DlforgeException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many pixels the whole process may be decoding at once. {@link ImageLimits} bound one image;
 * a server decodes requests on many HTTP threads, and sixteen maximal images at once would still
 * exhaust the heap. Each decode holds permits for its pixel count while it runs and waits, up to a
 * bounded time, for others to finish when the budget is spent.
 *
 * <p>The shared budget defaults to 4 maximal images, capped at a sixteenth of the heap in pixels (a
 * decoded pixel takes up to 8 bytes in a raster and the caller's float copy another 4; the rest of
 * the heap is the model's and the batches'), and never below one maximal image so that any image
 * the limits allow can be decoded alone. With the default limits and a 3 GB heap that is 96
 * megapixels. Override with system property {@code dlforge.image.decodeBudgetPixels} or environment
 * variable {@code DLFORGE_IMAGE_DECODE_BUDGET_PIXELS}, read once, at the first decode.
 */
public final class DecodeBudget {
    public static final String PROPERTY = "dlforge.image.decodeBudgetPixels";
    public static final String ENV = "DLFORGE_IMAGE_DECODE_BUDGET_PIXELS";
    /** A maximal image decodes in well under a second on 2 cores; a wait longer than many of them only ties up a request thread. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final long BYTES_PER_PIXEL_OF_HEAP = 16;
    /** Created at the first decode, so that a process that never decodes an image never reads the setting. */
    private static volatile DecodeBudget shared;

    private final Semaphore permits;
    private final int total;
    private final Duration wait;

    /** A budget of {@code pixels} decoded at once; a decode waits at most {@code wait} for its share. */
    public DecodeBudget(long pixels, Duration wait) {
        if (pixels < 1 || wait.isNegative()) {
            throw new IllegalArgumentException("a decode budget needs positive pixels and a non-negative wait");
        }
        this.total = (int) Math.min(pixels, Integer.MAX_VALUE);
        this.permits = new Semaphore(total, true); // fair: a large image is not starved by a stream of small ones
        this.wait = wait;
    }

    /** The process-wide budget every {@link ImageFiles} decode draws on. */
    public static DecodeBudget shared() {
        DecodeBudget b = shared;
        if (b == null) {
            synchronized (DecodeBudget.class) {
                if (shared == null) {
                    shared = create(); // a bad setting throws here, at every decode, until it is fixed
                }
                b = shared;
            }
        }
        return b;
    }

    /** 4 maximal images, at most a sixteenth of the heap's bytes, at least one maximal image. */
    static long defaultPixels(ImageLimits limits, long maxHeapBytes) {
        long fourImages = limits.maxPixels() > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * limits.maxPixels();
        return Math.max(limits.maxPixels(), Math.min(fourImages, maxHeapBytes / BYTES_PER_PIXEL_OF_HEAP));
    }

    /** The budget in pixels. */
    public long pixels() {
        return total;
    }

    /** Pixels not held by a decode right now. */
    public long available() {
        return permits.availablePermits();
    }

    /**
     * Holds {@code pixels} of the budget (all of it for an image larger than the budget, which then
     * decodes alone) until the returned permit is closed.
     *
     * @throws ImageDecodeBusyException when the budget stays spent for the whole wait
     */
    public Permit acquire(long pixels, String name) {
        int n = (int) Math.max(1, Math.min(pixels, total));
        try {
            if (!permits.tryAcquire(n, wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ImageDecodeBusyException("image " + name + " waited " + wait.toMillis() + " ms for decode memory: "
                        + "other images held the whole budget of " + ImageLimits.count(total),
                        "retry in a moment, or send fewer or smaller images at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DlforgeException("decoding image " + name + " was interrupted", "retry");
        }
        return new Permit(n);
    }

    /** Pixels held by one decode; closing it gives them back (once). */
    public final class Permit implements AutoCloseable {
        private int held;

        private Permit(int held) {
            this.held = held;
        }

        @Override
        public void close() {
            if (held > 0) {
                permits.release(held);
                held = 0;
            }
        }
    }

    private static DecodeBudget create() {
        long fallback = defaultPixels(ImageLimits.current(), Runtime.getRuntime().maxMemory());
        return new DecodeBudget(ImageLimits.setting(PROPERTY, ENV, fallback), DEFAULT_WAIT);
    }
}
