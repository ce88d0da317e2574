package dev.dlforge.core.train;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a running {@link Trainer} to stop at the next batch boundary after writing a checkpoint.
 *
 * <p>Ctrl-C or SIGTERM go through a JVM shutdown hook that requests the stop and waits until the
 * checkpoint is on disk. Killing libtorch mid-step can crash the process and leave a torn file, so
 * the training thread then parks instead of touching the engine again while the JVM exits.
 */
public final class StopSignal {
    private volatile boolean requested;
    private volatile boolean shuttingDown;
    private final CountDownLatch safePoint = new CountDownLatch(1);

    /** Requests a graceful stop (the studio's stop button, tests). */
    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /** Called by the trainer once its state is safely on disk. */
    void reachedSafePoint() {
        safePoint.countDown();
    }

    /** Installs the hook; the returned thread is passed to {@link #uninstall} when training ends. */
    public Thread installShutdownHook(Duration maxWait) {
        Thread hook = new Thread(() -> {
            shuttingDown = true;
            requested = true;
            System.err.println("\nstopping: finishing the current batch and writing a checkpoint...");
            try {
                safePoint.await(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "dlforge-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    public static void uninstall(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running; nothing to undo
        }
    }
}
