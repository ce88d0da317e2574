package dev.dlforge.projects.poetry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.models.lm.rnn.RecurrentLmConfig;
import java.util.List;

/**
 * How a poetry language model is trained. The defaults reproduce docs/projects/poetry.md: a
 * character-level two-layer LSTM on fortunes' songs-poems.
 *
 * <p>Schema 2: the settings are grouped (network, words, train); schema 1 held them flat and reads
 * through {@link #upgrade}.
 *
 * @param model {@code lstm}, {@code gru} (characters) or {@code word-lstm}, {@code word-gru} (words)
 * @param dataset {@code songs-poems}, {@code moby-dick} or {@code fortunes} (every topic)
 * @param limit train on at most this many windows; validation and test keep their share ({@link PoetryCorpus#heldOutWindows}); 0 uses all
 */
@RecipeSchema(2)
public record PoetryRecipe(String model, String dataset, int limit, Network network, Words words, Train train) {
    static final List<String> MODELS = List.of("lstm", "gru", "word-lstm", "word-gru");
    static final List<String> DATASETS = List.of("songs-poems", "moby-dick", "fortunes");

    /**
     * The recurrent network (its cell comes from the model's name, its vocabulary from the tokenizer).
     *
     * @param embedDim token embedding size
     * @param hidden recurrent state size per layer
     * @param layers recurrent layers
     * @param dropout on embeddings, between layers and before the output layer
     */
    public record Network(int embedDim, int hidden, int layers, float dropout) {
        /** Two layers of 256 over 64-wide embeddings, dropout 0.2. */
        public static Network defaults() {
            return new Network(64, 256, 2, 0.2f);
        }
    }

    /**
     * The vocabulary of word models.
     *
     * @param maxVocab most word ids
     * @param minWordCount a word seen fewer times in training is {@code <unk>}
     */
    public record Words(int maxVocab, int minWordCount) {
        public static Words defaults() {
            return new Words(10_000, 2);
        }
    }

    /**
     * The training loop.
     *
     * @param epochs passes over the training text
     * @param batchSize windows per step
     * @param window tokens per window: the truncation length of back-propagation through time
     * @param learningRate Adam's base rate
     * @param schedule {@code constant}, {@code cosine} or {@code step}
     * @param clipNorm gradient L2 norm cap; 0 for none
     * @param seed seeds initialisation, window order and dropout
     */
    public record Train(int epochs, int batchSize, int window, double learningRate, String schedule, double clipNorm, long seed) {
        /** 12 epochs of 32 windows of 100 tokens, Adam at 2e-3 cosine-annealed, gradients clipped to norm 1. */
        public static Train defaults() {
            return new Train(12, 32, 100, 2e-3, "cosine", 1.0, 1234L);
        }
    }

    /** The documented recipe: a character LSTM on songs-poems. */
    public static PoetryRecipe defaults() {
        return new PoetryRecipe("lstm", "songs-poems", 0, Network.defaults(), Words.defaults(), Train.defaults());
    }

    /** A schema 1 recipe (every setting at the top level) in this shape. */
    public static ObjectNode upgrade(ObjectNode fields, int fromSchema) {
        RecipeJson.nest(fields, "network", List.of("embedDim", "hidden", "layers", "dropout"));
        RecipeJson.nest(fields, "words", List.of("maxVocab", "minWordCount"));
        RecipeJson.nest(fields, "train", List.of("epochs", "batchSize", "window", "learningRate", "schedule", "clipNorm", "seed"));
        return fields;
    }
    PoetryRecipe validated() {
        require(MODELS.contains(model), "project poetry has no model '" + model + "'", "choose one of: " + String.join(", ", MODELS));
        require(DATASETS.contains(dataset), "project poetry cannot train on '" + dataset + "'",
                "choose one of: " + String.join(", ", DATASETS));
        require(network != null && words != null && train != null, "the recipe lacks its network, words or training settings", null);
        require(train.epochs() >= 1, "--epochs must be at least 1, got " + train.epochs(), null);
        require(train.batchSize() >= 1, "--batch-size must be at least 1, got " + train.batchSize(), null);
        require(train.learningRate() > 0 && Double.isFinite(train.learningRate()), "--lr must be a positive number, got "
                + train.learningRate(), null);
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

    /** The network for a vocabulary of {@code vocabSize} tokens. */
    RecurrentLmConfig networkConfig(int vocabSize) {
        return new RecurrentLmConfig(vocabSize, network.embedDim(), network.hidden(), network.layers(), network.dropout(), cell());
    }

    /** The model kept is the epoch with the lowest validation cross-entropy (hence perplexity). */
    TrainerConfig trainerConfig() {
        return new TrainerConfig(train.epochs(), train.learningRate(), train.schedule(), train.seed(), 0, EarlyStopping.off("val_loss", false));
    }
}
