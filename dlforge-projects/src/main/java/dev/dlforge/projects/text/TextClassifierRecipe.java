package dev.dlforge.projects.text;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.projects.TrainOptions;

/**
 * How a text-classification run trains its models. Each project's defaults reproduce its documented
 * result. One recipe serves every model of the run; each reads the fields it needs.
 *
 * @param dataset dataset id
 * @param model {@code all} (compare every model) or one model's name
 * @param epochs passes of the neural model over the training split
 * @param batchSize examples per step (neural model and logistic regression)
 * @param learningRate Adam's rate for the neural model
 * @param embeddingDim word-vector size of the neural model
 * @param hidden hidden units after the pooled vectors; 0 for a linear head
 * @param dropout before the output layer
 * @param maxTokens tokens of a text the neural model reads (the first ones)
 * @param vocabularySize most frequent training tokens kept as features (special ids included)
 * @param minCount a token must occur this often in training to be a feature
 * @param laplace naive Bayes' additive smoothing alpha
 * @param l2 logistic regression's penalty lambda/2 ||W||^2 on the mean loss
 * @param logisticEpochs logistic regression's passes (Adam, rate {@code logisticRate})
 * @param logisticRate logistic regression's Adam rate
 * @param validationFraction share of every group held out for validation (early stopping, curves)
 * @param testFraction share of every group held out for the reported test figures
 * @param patience neural model: stop after this many epochs without better validation accuracy; 0 never
 * @param seed seeds the split, initialisation and shuffling
 * @param limit train on at most this many texts (see {@link #textsToRead}); 0 all
 * @param servedModelRule how the served model is chosen and answers; null (recipes saved before it existed) reads as VALIDATION_F1
 * @param maxFalsePositiveRate with RECALL_AT_FALSE_POSITIVE_RATE: the validation false-positive rate each model's threshold is set for
 */
public record TextClassifierRecipe(String dataset, String model, int epochs, int batchSize, double learningRate,
        int embeddingDim, int hidden, float dropout, int maxTokens, int vocabularySize, int minCount, double laplace,
        double l2, int logisticEpochs, double logisticRate, double validationFraction, double testFraction, int patience,
        long seed, int limit, ServedModelRule servedModelRule, double maxFalsePositiveRate) {

    public static final String ALL = "all";

    public TextClassifierRecipe {
        servedModelRule = servedModelRule == null ? ServedModelRule.VALIDATION_F1 : servedModelRule;
    }

    /** A recipe whose served model is the best by validation F1, answering with the most probable class. */
    public TextClassifierRecipe(String dataset, String model, int epochs, int batchSize, double learningRate, int embeddingDim, int hidden,
            float dropout, int maxTokens, int vocabularySize, int minCount, double laplace, double l2, int logisticEpochs, double logisticRate,
            double validationFraction, double testFraction, int patience, long seed, int limit) {
        this(dataset, model, epochs, batchSize, learningRate, embeddingDim, hidden, dropout, maxTokens, vocabularySize, minCount, laplace, l2,
                logisticEpochs, logisticRate, validationFraction, testFraction, patience, seed, limit, ServedModelRule.VALIDATION_F1, 0);
    }

    public TextClassifierRecipe validated() {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number, got " + learningRate);
        require(limit == 0 || limit >= 20, "--limit must be 0 (all) or at least 20 texts, got " + limit);
        require(testFraction > 0 && validationFraction >= 0 && testFraction + validationFraction < 0.9,
                "validation and test fractions must leave most data for training");
        require(!servedModelRule.thresholds() || maxFalsePositiveRate > 0 && maxFalsePositiveRate < 1,
                "maxFalsePositiveRate must be between 0 and 1 (exclusive), got " + maxFalsePositiveRate);
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help`");
        }
    }

    /** This recipe with the command line's overrides applied. */
    public TextClassifierRecipe with(TrainOptions o) {
        return new TextClassifierRecipe(
                o.dataset() != null ? o.dataset() : dataset,
                o.model() != null ? o.model() : model,
                o.epochs() != null ? o.epochs() : epochs,
                o.batchSize() != null ? o.batchSize() : batchSize,
                o.learningRate() != null ? o.learningRate() : learningRate,
                embeddingDim, hidden, dropout, maxTokens, vocabularySize, minCount, laplace, l2, logisticEpochs, logisticRate,
                validationFraction, testFraction, patience,
                o.seed() != null ? o.seed() : seed,
                o.limit() != null ? o.limit() : limit, servedModelRule, maxFalsePositiveRate);
    }

    /**
     * {@code --limit N} means N training texts: the dataset is read N / (1 - validation - test
     * fractions) texts deep (all groups in proportion), so that the split leaves about N to train on
     * and validation and test in their usual shares; 0 (no limit) reads all.
     */
    public int textsToRead() {
        return limit == 0 ? 0 : (int) Math.ceil(limit / (1 - validationFraction - testFraction));
    }

    public TextClassifierRecipe withEpochs(int newEpochs) {
        return new TextClassifierRecipe(dataset, model, newEpochs, batchSize, learningRate, embeddingDim, hidden, dropout, maxTokens,
                vocabularySize, minCount, laplace, l2, logisticEpochs, logisticRate, validationFraction, testFraction, patience, seed, limit,
                servedModelRule, maxFalsePositiveRate);
    }

    /**
     * The neural model's loop: best epoch by validation loss, early stopping with patience. Loss,
     * not accuracy: on a few hundred validation texts accuracy moves in steps of one text and
     * peaks by chance early (spam, seed 7: epoch 2 kept at validation accuracy 0.987, test F1
     * 0.953), while the loss still falls.
     */
    public TrainerConfig trainerConfig(boolean hasValidation) {
        String monitor = hasValidation ? "val_loss" : "none";
        return new TrainerConfig(epochs, learningRate, "cosine", seed, 0, new EarlyStopping(monitor, false, hasValidation ? patience : 0));
    }
}
