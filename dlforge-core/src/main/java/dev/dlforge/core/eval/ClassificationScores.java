package dev.dlforge.core.eval;

import dev.dlforge.core.metrics.ConfusionMatrix;

/**
 * The headline scores of a classifier on labelled examples. With a positive class (binary tasks
 * such as spam) precision, recall, F1, ROC and PR are of that class; without one (multi-class)
 * precision, recall and F1 are macro averages over classes, AUC is the macro average of one-vs-rest
 * AUCs, and the curves are micro-averaged (every (example, class) score pooled).
 *
 * @param positiveClass the class the binary scores are about; -1 for macro averages
 */
public record ClassificationScores(int positiveClass, ConfusionMatrix confusion, double accuracy, double precision, double recall,
        double f1, double auc, double averagePrecision, RocCurve roc, PrecisionRecallCurve pr) {

    /** Scores of predictions {@code argmax p} against {@code truth}; {@code probabilities} is (N, K). */
    public static ClassificationScores of(int[] truth, float[][] probabilities, int classes, int positiveClass) {
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = ClassifierEvaluation.argMax(probabilities[i]);
        }
        return of(truth, predicted, probabilities, classes, positiveClass);
    }

    /**
     * Scores of the decisions {@code predicted} (e.g. positive only above a chosen threshold):
     * confusion, accuracy, precision, recall and F1 count them; AUC and the curves rank
     * {@code probabilities}, which do not depend on a threshold.
     */
    public static ClassificationScores of(int[] truth, int[] predicted, float[][] probabilities, int classes, int positiveClass) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        ConfusionMatrix cm = ConfusionMatrix.of(classes, truth, predicted);
        if (positiveClass >= 0) {
            boolean[] positive = new boolean[truth.length];
            double[] score = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                positive[i] = truth[i] == positiveClass;
                score[i] = probabilities[i][positiveClass];
            }
            RocCurve roc = RocCurve.of(positive, score);
            PrecisionRecallCurve pr = PrecisionRecallCurve.of(positive, score);
            return new ClassificationScores(positiveClass, cm, cm.accuracy(), cm.precision(positiveClass), cm.recall(positiveClass),
                    cm.f1(positiveClass), roc.auc(), pr.averagePrecision(), roc, pr);
        }
        double p = 0;
        double r = 0;
        double f = 0;
        double auc = 0;
        int aucClasses = 0;
        boolean[] pooledPositive = new boolean[truth.length * classes];
        double[] pooledScore = new double[truth.length * classes];
        for (int c = 0; c < classes; c++) {
            p += nanAsZero(cm.precision(c));
            r += nanAsZero(cm.recall(c));
            f += cm.f1(c);
            boolean[] positive = new boolean[truth.length];
            double[] score = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                positive[i] = truth[i] == c;
                score[i] = probabilities[i][c];
                pooledPositive[i * classes + c] = positive[i];
                pooledScore[i * classes + c] = score[i];
            }
            double a = RocCurve.of(positive, score).auc();
            if (!Double.isNaN(a)) {
                auc += a;
                aucClasses++;
            }
        }
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(pooledPositive, pooledScore);
        return new ClassificationScores(-1, cm, cm.accuracy(), p / classes, r / classes, f / classes,
                aucClasses == 0 ? Double.NaN : auc / aucClasses, pr.averagePrecision(), RocCurve.of(pooledPositive, pooledScore), pr);
    }

    /** FP / (FP + TN): the share of the other classes' examples called positive; NaN without a positive class or negatives. */
    public double falsePositiveRate() {
        if (positiveClass < 0) {
            return Double.NaN;
        }
        long negatives = confusion.total() - confusion.support(positiveClass);
        long falsePositives = 0;
        for (int c = 0; c < confusion.classes(); c++) {
            falsePositives += c == positiveClass ? 0 : confusion.count(c, positiveClass);
        }
        return negatives == 0 ? Double.NaN : falsePositives / (double) negatives;
    }

    private static double nanAsZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
