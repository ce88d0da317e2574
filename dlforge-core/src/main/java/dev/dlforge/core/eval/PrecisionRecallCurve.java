package dev.dlforge.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision TP / (TP + FP) against recall TP / P as the threshold falls through each distinct
 * score (tied scores move together), starting at recall 0 with precision 1. Average precision is
 * sum over points of (R_i - R_{i-1}) P_i, the step-wise area that scikit-learn also reports; it does
 * not interpolate, which would be optimistic.
 *
 * @param recall x of each point, rising from 0 to 1
 * @param precision y of each point
 * @param thresholds the score at which each point is reached (+infinity for the start)
 */
public record PrecisionRecallCurve(double[] recall, double[] precision, double[] thresholds) {

    public static PrecisionRecallCurve of(boolean[] positive, double[] scores) {
        Ranked r = Ranked.of(positive, scores);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 1, Double.POSITIVE_INFINITY});
        long tp = 0;
        for (int i = 0; i < r.size(); i++) {
            tp += r.positive(i) ? 1 : 0;
            if (i + 1 == r.size() || r.score(i + 1) != r.score(i)) {
                points.add(new double[] {r.positives() == 0 ? 0 : tp / (double) r.positives(), tp / (double) (i + 1), r.score(i)});
            }
        }
        return new PrecisionRecallCurve(RocCurve.column(points, 0), RocCurve.column(points, 1), RocCurve.column(points, 2));
    }

    /** Step-wise area under the curve; NaN without positives. */
    public double averagePrecision() {
        if (recall[recall.length - 1] == 0) {
            return Double.NaN;
        }
        double ap = 0;
        for (int i = 1; i < recall.length; i++) {
            ap += (recall[i] - recall[i - 1]) * precision[i];
        }
        return ap;
    }
}
