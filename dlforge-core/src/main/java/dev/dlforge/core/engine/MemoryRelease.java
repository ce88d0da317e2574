package dev.dlforge.core.engine;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Gives the memory a finished job freed back to the operating system, for long-lived processes (the
 * studio) that run one job after another.
 *
 * <p>Freed is not returned: the Java heap keeps the size a job grew it to, and glibc's malloc keeps
 * libtorch's freed tensors in its arenas (the launcher asks it to, with trim and mmap thresholds of
 * 4 GiB, because fresh pages are slow on these VMs; see docs/BENCHMARKS.md). Measured in the studio:
 * after ten small trainings 86 MB of native memory was in use but malloc held 2.2 GB, and resident
 * memory had grown from 134 MB to 3.2 GB. Between jobs nothing is lost by returning it: a full
 * collection shrinks the heap to its live data, then {@code malloc_trim} (HotSpot's
 * {@code System.trim_native_heap}, JDK 17.0.9 and later) returns every free page of every arena.
 *
 * <p>Since JDK 17, G1 gives the shrunk heap back in a background thread after the collection: read
 * at once, resident memory still held it: in a studio after a pos training, 1,147 MB for 100 ms
 * after the collection, then 1,071, 758 and 505 MB at 50 ms steps. So the release waits until
 * resident memory has stayed put for {@link #QUIET_MILLIS} (at most {@link #SETTLE_MILLIS}) before
 * it trims and reports.
 */
public final class MemoryRelease {
    private static final String TRIM_OPERATION = "systemTrimNativeHeap";
    /** The longest wait for the heap's background uncommit to end. */
    static final long SETTLE_MILLIS = 2_000;
    private static final long POLL_MILLIS = 50;
    /** Resident memory counts as settled when it moved by less than {@link #SETTLED_MB} over this long. */
    private static final long QUIET_MILLIS = 400;
    private static final double SETTLED_MB = 2;

    /**
     * What one release did.
     *
     * @param rssBeforeMb resident memory before, MiB (NaN where /proc is missing)
     * @param rssAfterMb resident memory after, MiB
     * @param nativeTrimmed whether the native heap was trimmed (false on JVMs or C libraries without it)
     */
    public record Released(double rssBeforeMb, double rssAfterMb, boolean nativeTrimmed) {}

    private MemoryRelease() {}

    /** Collects the Java heap, then trims the native heap. Call it when no job is running: it takes up to a few seconds. */
    public static Released afterJob() {
        double before = ProcessMemory.rssMegabytes();
        System.gc(); // a full collection: G1 then uncommits what exceeds MaxHeapFreeRatio of the live data
        awaitSettledResidentMemory();
        boolean trimmed = trimNativeHeap();
        return new Released(before, ProcessMemory.rssMegabytes(), trimmed);
    }

    /** Polls resident memory until it moved less than {@link #SETTLED_MB} over {@link #QUIET_MILLIS}, or {@link #SETTLE_MILLIS} pass. */
    static void awaitSettledResidentMemory() {
        long start = System.nanoTime();
        double steady = ProcessMemory.rssMegabytes();
        long steadySince = start;
        while (!Double.isNaN(steady) && System.nanoTime() - start < SETTLE_MILLIS * 1_000_000) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            double now = ProcessMemory.rssMegabytes();
            if (Math.abs(now - steady) >= SETTLED_MB) {
                steady = now;
                steadySince = System.nanoTime();
            } else if (System.nanoTime() - steadySince >= QUIET_MILLIS * 1_000_000) {
                return;
            }
        }
    }

    /** Returns malloc's free pages to the kernel; false where this JVM has no such command. */
    static boolean trimNativeHeap() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName commands = new ObjectName("com.sun.management:type=DiagnosticCommand");
            MBeanOperationInfo[] operations = server.getMBeanInfo(commands).getOperations();
            if (Arrays.stream(operations).noneMatch(o -> o.getName().equals(TRIM_OPERATION))) {
                return false;
            }
            Object answer = server.invoke(commands, TRIM_OPERATION, new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.valueOf(answer).startsWith("Trim native heap"); // elsewhere (musl, macOS) it answers "Not available."
        } catch (JMException | RuntimeException e) {
            return false; // no management server (a trimmed JRE): the memory stays with the process, nothing breaks
        }
    }
}
