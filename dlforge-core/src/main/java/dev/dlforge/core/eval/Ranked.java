package dev.dlforge.core.eval;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Examples sorted by descending score, with class totals: what ROC and precision-recall curves sweep. */
record Ranked(boolean[] sortedPositive, double[] sortedScores, long positives, long negatives) {

    static Ranked of(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException(positive.length + " labels but " + scores.length + " scores");
        }
        int[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()).mapToInt(Integer::intValue).toArray();
        boolean[] p = new boolean[order.length];
        double[] s = new double[order.length];
        long pos = 0;
        for (int i = 0; i < order.length; i++) {
            p[i] = positive[order[i]];
            s[i] = scores[order[i]];
            pos += p[i] ? 1 : 0;
        }
        return new Ranked(p, s, pos, order.length - pos);
    }

    int size() {
        return sortedScores.length;
    }

    boolean positive(int i) {
        return sortedPositive[i];
    }

    double score(int i) {
        return sortedScores[i];
    }
}
