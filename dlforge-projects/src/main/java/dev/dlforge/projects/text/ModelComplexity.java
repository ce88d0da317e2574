package dev.dlforge.projects.text;

/**
 * How much machinery a text model is, simplest first; the order is the preference when two models
 * score the same within noise ({@link ModelSelection}): a count-based or linear model (naive Bayes,
 * TF-IDF logistic regression) is easier to inspect, faster and less fragile than a network trained
 * by gradient descent (embedding bag, LSTM), which is in turn simpler than a pretrained encoder.
 */
public enum ModelComplexity {
    /** Naive Bayes, TF-IDF logistic regression, lexicon rules: one weight per word. */
    LINEAR,
    /** Networks trained from scratch: embedding bag, LSTM. */
    NEURAL,
    /** A pretrained encoder with a trained head. */
    PRETRAINED
}
