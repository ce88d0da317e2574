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
 */
public final class MemoryRelease {
    private static final String TRIM_OPERATION = "systemTrimNativeHeap";

    /**
     * What one release did.
     *
     * @param rssBeforeMb resident memory before, MiB (NaN where /proc is missing)
     * @param rssAfterMb resident memory after, MiB
     * @param nativeTrimmed whether the native heap was trimmed (false on JVMs or C libraries without it)
     */
    public record Released(double rssBeforeMb, double rssAfterMb, boolean nativeTrimmed) {}

    private MemoryRelease() {}

    /** Collects the Java heap, then trims the native heap. Call it when no job is running: it takes a fraction of a second. */
    public static Released afterJob() {
        double before = ProcessMemory.rssMegabytes();
        System.gc(); // a full collection: G1 then uncommits what exceeds MaxHeapFreeRatio of the live data
        boolean trimmed = trimNativeHeap();
        return new Released(before, ProcessMemory.rssMegabytes(), trimmed);
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
