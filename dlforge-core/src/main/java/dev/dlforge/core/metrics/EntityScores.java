package dev.dlforge.core.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Entity-level precision, recall and F1 as CoNLL's {@code conlleval} defines them: an entity counts
 * as found only when its type and both boundaries match a true entity exactly. Per type and overall
 * (micro-averaged over all entities): precision = tp / predicted, recall = tp / true,
 * F1 = 2 p r / (p + r).
 */
public final class EntityScores {
    private final TreeMap<String, long[]> counts = new TreeMap<>(); // type -> {tp, predicted, true}

    /** Adds one sentence's true and predicted tags (IOB1 or IOB2). */
    public void add(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true tags but " + predicted.size() + " predicted");
        }
        Set<EntitySpans.Span> gold = new HashSet<>(EntitySpans.of(truth));
        for (EntitySpans.Span s : gold) {
            counts.computeIfAbsent(s.type(), k -> new long[3])[2]++;
        }
        for (EntitySpans.Span s : EntitySpans.of(predicted)) {
            long[] c = counts.computeIfAbsent(s.type(), k -> new long[3]);
            c[1]++;
            if (gold.contains(s)) {
                c[0]++;
            }
        }
    }

    public Set<String> types() {
        return new TreeSet<>(counts.keySet());
    }

    public double precision(String type) {
        long[] c = counts.getOrDefault(type, new long[3]);
        return c[1] == 0 ? 0 : c[0] / (double) c[1];
    }

    public double recall(String type) {
        long[] c = counts.getOrDefault(type, new long[3]);
        return c[2] == 0 ? 0 : c[0] / (double) c[2];
    }

    public double f1(String type) {
        return f1(precision(type), recall(type));
    }

    /** True entities of {@code type}. */
    public long support(String type) {
        return counts.getOrDefault(type, new long[3])[2];
    }

    public double precision() {
        long[] c = total();
        return c[1] == 0 ? 0 : c[0] / (double) c[1];
    }

    public double recall() {
        long[] c = total();
        return c[2] == 0 ? 0 : c[0] / (double) c[2];
    }

    public double f1() {
        return f1(precision(), recall());
    }

    private long[] total() {
        long[] t = new long[3];
        for (long[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
