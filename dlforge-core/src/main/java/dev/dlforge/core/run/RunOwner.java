package dev.dlforge.core.run;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The process training a run, as {@code run.json} records it while the run says "running". A
 * kill -9 leaves no chance to record anything, so readers ask whether this process still lives; a
 * pid alone would not do, because the kernel hands pids out again, so the process's start time is
 * kept with it and a live process with the same pid but another start time is not the owner.
 *
 * @param pid the operating system's process id
 * @param started when that process started (ISO-8601), or null where the system does not say
 */
public record RunOwner(long pid, String started) {
    /**
     * How far two readings of one process's start time may differ. Linux derives it from the boot
     * time, which clock adjustments move by a second or so; a pid reused within that window of its
     * owner's start is not a case worth a false "interrupted".
     */
    static final Duration SAME_START = Duration.ofSeconds(2);

    /** This JVM. */
    public static RunOwner current() {
        return of(ProcessHandle.current());
    }

    public static RunOwner of(ProcessHandle process) {
        return new RunOwner(process.pid(), process.info().startInstant().map(Instant::toString).orElse(null));
    }

    /** True while the recorded process runs: its pid is alive and, where both are known, started when it did. */
    public boolean isAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> now = process.get().info().startInstant();
        Instant recorded = startedInstant();
        if (now.isEmpty() || recorded == null) {
            return true; // nothing to tell a reused pid by; alive is the safe answer (no false "interrupted")
        }
        return Duration.between(recorded, now.get()).abs().compareTo(SAME_START) <= 0;
    }

    /** True when this is the JVM asking. */
    public boolean isCurrentProcess() {
        return pid == ProcessHandle.current().pid();
    }

    private Instant startedInstant() {
        try {
            return started == null ? null : Instant.parse(started);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
