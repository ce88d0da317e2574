package dev.dlforge.projects.poetry;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.models.lm.rnn.RecurrentLmConfig;
import dev.dlforge.projects.TrainOptions;
import java.util.List;

/**
 * How a poetry language model is trained. The defaults reproduce docs/projects/poetry.md: a
 * character-level two-layer LSTM on fortunes' songs-poems.
 *
 * @param dataset {@code songs-poems}, {@code moby-dick} or {@code fortunes} (every topic)
 * @param model {@code lstm}, {@code gru} (characters) or {@code word-lstm}, {@code word-gru} (words)
 * @param epochs passes over the training text
 * @param batchSize windows per step
 * @param window tokens per window: the truncation length of back-propagation through time
 * @param learningRate Adam's base rate
 * @param schedule {@code constant}, {@code cosine} or {@code step}
 * @param embedDim token embedding size
 * @param hidden recurrent state size per layer
 * @param layers recurrent layers
 * @param dropout on embeddings, between layers and before the output layer
 * @param clipNorm gradient L2 norm cap; 0 for none
 * @param maxVocab most word ids (word models)
 * @param minWordCount a word seen fewer times in training is {@code <unk>} (word models)
 * @param seed seeds initialisation, window order and dropout
 * @param limit train on at most this many windows; validation and test keep their share ({@link PoetryCorpus#heldOutWindows}); 0 uses all
 */
public record PoetryRecipe(String dataset, String model, int epochs, int batchSize, int window, double learningRate,
        String schedule, int embedDim, int hidden, int layers, float dropout, double clipNorm, int maxVocab, int minWordCount,
        long seed, int limit) {
    static final List<String> MODELS = List.of("lstm", "gru", "word-lstm", "word-gru");
    static final List<String> DATASETS = List.of("songs-poems", "moby-dick", "fortunes");

    public static PoetryRecipe defaults() {
        return new PoetryRecipe("songs-poems", "lstm", 12, 32, 100, 2e-3, "cosine", 64, 256, 2, 0.2f, 1.0, 10_000, 2, 1234L, 0);
    }

    PoetryRecipe with(TrainOptions o) {
        return new PoetryRecipe(o.dataset() != null ? o.dataset() : dataset, o.model() != null ? o.model() : model,
                o.epochs() != null ? o.epochs() : epochs, o.batchSize() != null ? o.batchSize() : batchSize, window,
                o.learningRate() != null ? o.learningRate() : learningRate, schedule, embedDim, hidden, layers, dropout, clipNorm,
                maxVocab, minWordCount, o.seed() != null ? o.seed() : seed, o.limit() != null ? o.limit() : limit);
    }

    PoetryRecipe withEpochs(int n) {
        return new PoetryRecipe(dataset, model, n, batchSize, window, learningRate, schedule, embedDim, hidden, layers, dropout,
                clipNorm, maxVocab, minWordCount, seed, limit);
    }

    PoetryRecipe validated() {
        require(MODELS.contains(model), "project poetry has no model '" + model + "'", "choose one of: " + String.join(", ", MODELS));
        require(DATASETS.contains(dataset), "project poetry cannot train on '" + dataset + "'",
                "choose one of: " + String.join(", ", DATASETS));
        require(epochs >= 1, "--epochs must be at least 1, got " + epochs, null);
        require(batchSize >= 1, "--batch-size must be at least 1, got " + batchSize, null);
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number, got " + learningRate, null);
        require(limit >= 0, "--limit must not be negative, got " + limit, null);
        return this;
    }

    private static void require(boolean ok, String message, String hint) {
        if (!ok) {
            throw new DlforgeException(message, hint != null ? hint : "see `dlforge train --help`");
        }
    }

    /** Words rather than characters. */
    boolean wordLevel() {
        return model.startsWith("word-");
    }

    RecurrentLmConfig.Cell cell() {
        return model.endsWith("gru") ? RecurrentLmConfig.Cell.GRU : RecurrentLmConfig.Cell.LSTM;
    }

    RecurrentLmConfig network(int vocabSize) {
        return new RecurrentLmConfig(vocabSize, embedDim, hidden, layers, dropout, cell());
    }

    /** The model kept is the epoch with the lowest validation cross-entropy (hence perplexity). */
    TrainerConfig trainerConfig() {
        return new TrainerConfig(epochs, learningRate, schedule, seed, 0, EarlyStopping.off("val_loss", false));
    }
}
