package dev.dlforge.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Running example-weighted means of step metrics over an epoch (or an evaluation pass). */
public final class MetricSums {
    private final Map<String, Double> sums;
    private long examples;

    public MetricSums() {
        this(new LinkedHashMap<>(), 0);
    }

    private MetricSums(Map<String, Double> sums, long examples) {
        this.sums = sums;
        this.examples = examples;
    }

    public void add(StepResult step) {
        for (var e : step.values().entrySet()) {
            sums.merge(e.getKey(), e.getValue() * step.examples(), Double::sum);
        }
        examples += step.examples();
    }

    public long examples() {
        return examples;
    }

    /** The means so far, each key prefixed (e.g. {@code train_}). */
    public Map<String, Double> means(String prefix) {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, v) -> means.put(prefix + k, examples == 0 ? Double.NaN : v / examples));
        return means;
    }

    /** Snapshot for a checkpoint. */
    public Snapshot snapshot() {
        return new Snapshot(new LinkedHashMap<>(sums), examples);
    }

    public static MetricSums restore(Snapshot s) {
        return new MetricSums(new LinkedHashMap<>(s.sums()), s.examples());
    }

    /** The serialisable form. */
    public record Snapshot(Map<String, Double> sums, long examples) {
        public static Snapshot empty() {
            return new Snapshot(Map.of(), 0);
        }
    }
}
