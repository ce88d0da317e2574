package dev.dlforge.data.text;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what a reader skipped or repaired, by reason ("not valid UTF-8, read as windows-1252",
 * "label not 0 or 1", ...), so bad input is reported, never fatal and never silent.
 */
public final class ReadWarnings {
    private final Map<String, Integer> counts = new TreeMap<>();

    public void add(String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    public int count(String reason) {
        return counts.getOrDefault(reason, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** One line per reason, e.g. {@code 3 x label not 0 or 1}; empty when nothing was wrong. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        counts.forEach((reason, n) -> s.append(s.isEmpty() ? "" : "\n").append(n).append(" x ").append(reason));
        return s.toString();
    }
}
