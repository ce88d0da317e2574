package dev.dlforge.data.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** What a reader skipped or cut, counted by reason, so bad input is reported instead of crashing a run. */
public final class ReadWarnings {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public void add(String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    public void addAll(ReadWarnings other) {
        other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
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

    /** e.g. {@code 3 token without a tag, 1 sentence truncated}; empty when nothing was wrong. */
    public String summary() {
        StringJoiner s = new StringJoiner(", ");
        counts.forEach((k, v) -> s.add(v + " " + k));
        return s.toString();
    }
}
