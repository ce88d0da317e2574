package dev.dlforge.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory, Java heap and native (libtorch) allocations together. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** This process's resident set size in MiB, or NaN where /proc is not available. */
    public static double rssMegabytes() {
        return rss(Path.of("/proc/self/status"));
    }

    /** Another process's (a server under test), or NaN when it is gone or /proc is not available. */
    public static double rssMegabytes(long pid) {
        return rss(Path.of("/proc", Long.toString(pid), "status"));
    }

    private static double rss(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
