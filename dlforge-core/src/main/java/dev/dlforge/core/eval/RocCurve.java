package dev.dlforge.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The receiver operating characteristic of scores for a positive class: for every threshold t,
 * the false positive rate FP(t) / N against the true positive rate TP(t) / P, where an example is
 * called positive when its score is at least t. Tied scores move together (one point per distinct
 * score). AUC is the trapezoidal area under the points, which equals the probability that a random
 * positive scores above a random negative (ties counting one half).
 *
 * @param falsePositiveRate x of each point, from 0 to 1
 * @param truePositiveRate y of each point, from 0 to 1
 * @param thresholds the score at which each point is reached (+infinity for the origin)
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {

    /** @param positive whether each example is of the positive class; @param scores higher = more positive */
    public static RocCurve of(boolean[] positive, double[] scores) {
        Ranked r = Ranked.of(positive, scores);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.positive(i)) {
                tp++;
            } else {
                fp++;
            }
            if (i + 1 == r.size() || r.score(i + 1) != r.score(i)) {
                points.add(new double[] {r.negatives() == 0 ? 0 : fp / (double) r.negatives(),
                        r.positives() == 0 ? 0 : tp / (double) r.positives(), r.score(i)});
            }
        }
        return new RocCurve(column(points, 0), column(points, 1), column(points, 2));
    }

    /** Area under the curve by the trapezoidal rule; NaN when a class is missing. */
    public double auc() {
        if (truePositiveRate[truePositiveRate.length - 1] == 0 || falsePositiveRate[falsePositiveRate.length - 1] == 0) {
            return Double.NaN;
        }
        double area = 0;
        for (int i = 1; i < falsePositiveRate.length; i++) {
            area += (falsePositiveRate[i] - falsePositiveRate[i - 1]) * (truePositiveRate[i] + truePositiveRate[i - 1]) / 2;
        }
        return area;
    }

    static double[] column(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
}
