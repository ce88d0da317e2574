package dev.dlforge.data.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what was repaired or skipped while reading text, by kind (e.g. {@code truncated}), so a
 * reader never fails on bad input yet the caller can warn "12 truncated, 3 skipped". Thread-safe.
 */
public final class TextRepairs {
    /** A text not valid UTF-8, read as windows-1252. */
    public static final String WINDOWS_1252 = "decoded as windows-1252";
    /** NUL and other control characters removed. */
    public static final String CONTROL_CHARS = "with control characters removed";
    /** A line longer than the cap, cut. */
    public static final String LONG_LINES = "with over-long lines cut";
    /** A text longer than the cap, cut. */
    public static final String TRUNCATED = "truncated";
    /** An input that could not be read at all. */
    public static final String SKIPPED = "skipped";

    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();

    public synchronized void add(String kind) {
        add(kind, 1);
    }

    /** Counts {@code n} more of {@code kind}; nothing when {@code n} is 0. */
    public synchronized void add(String kind, long n) {
        if (n > 0) {
            counts.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(n);
        }
    }

    /** Every repair and skip together. */
    public synchronized long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public synchronized long count(String kind) {
        AtomicLong n = counts.get(kind);
        return n == null ? 0 : n.get();
    }

    public synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Every count, in the order first seen. */
    public synchronized Map<String, Long> counts() {
        Map<String, Long> copy = new LinkedHashMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** One warning line per kind, e.g. {@code warning: moby-dick: 2 with over-long lines cut}. */
    public synchronized void printTo(java.io.PrintStream err, String source) {
        counts.forEach((kind, n) -> err.println("warning: " + source + ": " + String.format(Locale.ROOT, "%,d %s", n.get(), kind)));
    }

    /** E.g. {@code "3 truncated, 1 skipped"}; empty when nothing needed repair. */
    public synchronized String summary() {
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s", v.get(), k)));
        return s.toString();
    }
}
