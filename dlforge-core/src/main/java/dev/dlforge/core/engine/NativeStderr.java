package dev.dlforge.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Points the process's native stderr (fd 2) at /dev/null while some native code runs. */
final class NativeStderr {
    private static final int STDERR = 2;
    private static final int O_WRONLY = 1;

    /** The few libc calls needed. */
    private interface LibC extends Library {
        int dup(int fd);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int fd);
    }

    private NativeStderr() {}

    static void muted(Runnable action) {
        LibC libc;
        try {
            libc = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            action.run(); // not a Unix libc: the notice shows, nothing else changes
            return;
        }
        System.err.flush();
        int saved = libc.dup(STDERR);
        int devNull = libc.open("/dev/null", O_WRONLY);
        if (saved < 0 || devNull < 0) {
            for (int fd : new int[] {saved, devNull}) {
                if (fd >= 0) {
                    libc.close(fd);
                }
            }
            action.run();
            return;
        }
        libc.dup2(devNull, STDERR);
        try {
            action.run();
        } finally {
            libc.dup2(saved, STDERR);
            libc.close(saved);
            libc.close(devNull);
        }
    }
}
