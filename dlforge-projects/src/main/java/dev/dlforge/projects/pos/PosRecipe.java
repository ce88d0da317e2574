package dev.dlforge.projects.pos;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.models.text.BiLstmTagger;
import dev.dlforge.projects.TrainOptions;

/**
 * How the BiLSTM-CRF tagger is trained. The defaults reproduce docs/projects/pos.md on Brown.
 *
 * @param dataset {@code brown} (universal POS tags) or {@code conll2003} (named entities)
 * @param epochs passes over the training sentences
 * @param batchSize sentences per step
 * @param learningRate Adam's base rate
 * @param schedule {@code constant}, {@code cosine} or {@code step}
 * @param wordDim word embedding size
 * @param suffixDim embedding size of the last three letters
 * @param shapeDim embedding size of the word shape
 * @param hidden LSTM state size per direction
 * @param dropout before the output layer
 * @param minWordCount a word seen fewer times in training is unknown
 * @param clipNorm gradient L2 norm cap; 0 for none
 * @param testDocuments Brown documents held out for testing (of 500)
 * @param validationDocuments Brown documents held out for validation
 * @param seed seeds the document split, initialisation, shuffling and dropout
 * @param limit train on at most this many sentences; validation and test keep their share ({@link TaggingData#limit}); 0 uses all
 */
public record PosRecipe(String dataset, int epochs, int batchSize, double learningRate, String schedule, int wordDim,
        int suffixDim, int shapeDim, int hidden, float dropout, int minWordCount, double clipNorm, int testDocuments,
        int validationDocuments, long seed, int limit) {

    public static PosRecipe defaults() {
        return new PosRecipe("brown", 5, 32, 2e-3, "cosine", 64, 32, 8, 96, 0.3f, 2, 5.0, 50, 25, 20_24L, 0);
    }

    PosRecipe with(TrainOptions o) {
        return new PosRecipe(o.dataset() != null ? o.dataset() : dataset, o.epochs() != null ? o.epochs() : epochs,
                o.batchSize() != null ? o.batchSize() : batchSize, o.learningRate() != null ? o.learningRate() : learningRate,
                schedule, wordDim, suffixDim, shapeDim, hidden, dropout, minWordCount, clipNorm, testDocuments, validationDocuments,
                o.seed() != null ? o.seed() : seed, o.limit() != null ? o.limit() : limit);
    }

    PosRecipe withEpochs(int n) {
        return new PosRecipe(dataset, n, batchSize, learningRate, schedule, wordDim, suffixDim, shapeDim, hidden, dropout,
                minWordCount, clipNorm, testDocuments, validationDocuments, seed, limit);
    }

    PosRecipe validated() {
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number, got " + learningRate);
        require(limit >= 0, "--limit must not be negative, got " + limit);
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help`");
        }
    }

    /** The model kept is the epoch with the best validation token accuracy. */
    TrainerConfig trainerConfig() {
        return new TrainerConfig(epochs, learningRate, schedule, seed, 0, EarlyStopping.off("val_accuracy", true));
    }

    BiLstmTagger.Config network(int words, int suffixes, int tags) {
        return new BiLstmTagger.Config(words, wordDim, suffixes, suffixDim, TokenFeatures.SHAPES, shapeDim, hidden, dropout, tags);
    }
}
