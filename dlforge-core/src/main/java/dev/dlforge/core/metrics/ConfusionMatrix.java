package dev.dlforge.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs, and the scores derived from them: accuracy, and
 * per class precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2pr / (p + r).
 */
public final class ConfusionMatrix {
    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        counts = new long[classes][classes];
    }

    public static ConfusionMatrix of(int classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix m = new ConfusionMatrix(classes);
        for (int i = 0; i < truth.length; i++) {
            m.add(truth[i], predicted[i]);
        }
        return m;
    }

    public void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        long n = total();
        return n == 0 ? Double.NaN : correct / (double) n;
    }

    /** Examples of class {@code c} (row sum). */
    public long support(int c) {
        long n = 0;
        for (long v : counts[c]) {
            n += v;
        }
        return n;
    }

    public double recall(int c) {
        long s = support(c);
        return s == 0 ? Double.NaN : counts[c][c] / (double) s;
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : counts[c][c] / (double) predicted;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 2 * p * r / (p + r);
    }

    /** Off-diagonal cells, most frequent first. */
    public record Confusion(int truth, int predicted, long count) {}

    public List<Confusion> topConfusions(int limit) {
        List<Confusion> all = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                if (t != p && counts[t][p] > 0) {
                    all.add(new Confusion(t, p, counts[t][p]));
                }
            }
        }
        all.sort(Comparator.comparingLong(Confusion::count).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }
}
