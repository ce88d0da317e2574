package dev.dlforge.data.text;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a text reader had to repair (undecodable bytes, control characters, absurdly long lines),
 * counted per kind so one bad file gives one line of warning, not a million.
 */
public final class TextWarnings {
    private final Map<String, Long> counts = new TreeMap<>();

    public void count(String kind, long n) {
        if (n > 0) {
            counts.merge(kind, n, Long::sum);
        }
    }

    public long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** One line per kind, e.g. {@code moby-dick: 2 lines over 100000 characters truncated}. */
    public void printTo(java.io.PrintStream err, String source) {
        counts.forEach((kind, n) -> err.println("warning: " + source + ": " + n + " " + kind));
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
