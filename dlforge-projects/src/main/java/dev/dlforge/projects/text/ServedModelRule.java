package dev.dlforge.projects.text;

/** How a text-classification run picks the model it serves and how that model answers (a recipe field). */
public enum ServedModelRule {
    /**
     * The highest validation F1 (macro F1 with several classes); the first model on ties. The
     * answer is the most probable class. Sentiment and topics use it.
     */
    VALIDATION_F1,
    /**
     * For binary tasks where a false positive costs more than a miss (spam: losing a real mail).
     * Each model gets the threshold at which its validation false-positive rate is at most the
     * recipe's {@code maxFalsePositiveRate} ({@link DecisionThreshold}); the served model is the one
     * with the highest validation recall at its threshold, or a simpler one within noise
     * ({@link ModelSelection}). It answers positive only when p(positive) >= its threshold.
     */
    RECALL_AT_FALSE_POSITIVE_RATE,
    /**
     * As {@link #RECALL_AT_FALSE_POSITIVE_RATE}, with the rate held within every group of negative
     * validation texts (spam: each ham folder, the small hard-ham one included), not only pooled:
     * {@link DecisionThreshold#atFalsePositiveRatePerGroup}.
     */
    RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP;

    /** Whether each model answers at a threshold chosen for a false-positive rate. */
    public boolean thresholds() {
        return this != VALIDATION_F1;
    }
}
