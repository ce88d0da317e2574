package dev.dlforge.projects.gpt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.models.lm.gpt.GptConfig;
import dev.dlforge.models.lm.gpt.GptTrainConfig;
import dev.dlforge.projects.kit.Recipes;
import java.util.List;

/**
 * How the {@code gpt} project trains. The defaults are nanoGPT's CPU baby run on characters (see
 * {@link GptConfig#baby} and {@link GptTrainConfig#nanoGptChar}), here on Moby-Dick: 8 validations
 * 250 iterations apart (2,000 iterations of 12 x 64 tokens), each on 20 batches.
 *
 * <p>Schema 2: the settings are grouped (corpus, network, train) and a run's "epochs" are its
 * validations ({@code train.epochs}); schema 1 held them flat, the loop in nanoGPT's iteration
 * counts, and reads through {@link #upgrade}.
 *
 * @param model {@code char} (one token per character, as nanoGPT's shakespeare_char) or {@code bpe}
 *     (byte-level BPE trained on the training split)
 * @param dataset a text corpus (moby-dick, brown-text, nlp-corpus, ...)
 * @param limit train on the first {@code limit} windows of {@code network.blockSize} tokens of the training split
 *     (see {@link GptCorpus#limited}); each validation then comes after one pass's worth of them (see
 *     {@link #validated}); 0 all
 */
@RecipeSchema(2)
public record GptRecipe(String model, String dataset, int limit, Corpus corpus, Network network, Train train) {

    public static final String CHAR = "char";
    public static final String BPE = "bpe";

    /**
     * How the running text becomes token ids.
     *
     * @param validationFraction the corpus's tail held out for validation (nanoGPT: 0.1)
     * @param bpeVocab vocabulary size of the BPE tokenizer ({@code bpe} model)
     */
    public record Corpus(double validationFraction, int bpeVocab) {
        public static Corpus defaults() {
            return new Corpus(0.1, 2048);
        }
    }

    /** The transformer, in {@link GptConfig}'s terms (its vocabulary comes from the tokenizer). */
    public record Network(int nLayer, int nHead, int nEmbd, int blockSize, float dropout, boolean bias) {
        /** nanoGPT's baby config: 4 layers, 4 heads, 128 channels, 64 tokens of context, no dropout or biases. */
        public static Network defaults() {
            GptConfig baby = GptConfig.baby(1);
            return new Network(baby.nLayer(), baby.nHead(), baby.nEmbd(), baby.blockSize(), baby.dropout(), baby.bias());
        }

        /** The network for a vocabulary of {@code vocabSize} tokens. */
        public GptConfig config(int vocabSize) {
            return new GptConfig(vocabSize, blockSize, nLayer, nHead, nEmbd, dropout, bias, false);
        }
    }

    /**
     * The training loop, in nanoGPT's terms, with its run length given as validations: the run is
     * {@code epochs * evalInterval} iterations, the learning rate warms up over {@code warmupShare} of
     * them and decays (cosine) to {@code learningRate * minLearningRateRatio} at the last one; so a
     * shorter run or another rate keeps the schedule's shape (see {@link #config}).
     *
     * @param epochs validations, each after {@code evalInterval} iterations (one trainer epoch)
     * @param evalIters batches averaged by each validation
     * @param batchSize sequences per step (each {@code network.blockSize} tokens long)
     */
    public record Train(int epochs, int evalInterval, int evalIters, int batchSize, double learningRate,
            double minLearningRateRatio, double warmupShare, float weightDecay, float beta1, float beta2, double gradClip,
            long seed) {

        /** nanoGPT's CPU baby run ({@link GptTrainConfig#nanoGptChar}) as validations and shares. */
        public static Train defaults() {
            GptTrainConfig n = GptTrainConfig.nanoGptChar();
            return new Train(n.epochs(), n.evalInterval(), n.evalIters(), n.batchSize(), n.learningRate(),
                    n.minLearningRate() / n.learningRate(), n.warmupIters() / (double) n.maxIters(), n.weightDecay(), n.beta1(),
                    n.beta2(), n.gradClip(), n.seed());
        }

        /** Optimiser steps in the whole run. */
        public int iterations() {
            return Math.multiplyExact(epochs, evalInterval);
        }

        /** Warm-up steps: {@code warmupShare} of the run, rounded, and fewer than the run. */
        public int warmupIters() {
            return (int) Math.min(iterations() - 1L, Math.round(warmupShare * iterations()));
        }

        /** Where the cosine schedule ends. */
        public double minLearningRate() {
            return learningRate * minLearningRateRatio;
        }

        /** The loop in nanoGPT's terms. */
        public GptTrainConfig config() {
            return new GptTrainConfig(iterations(), evalInterval, evalIters, batchSize, learningRate, minLearningRate(), warmupIters(),
                    weightDecay, beta1, beta2, gradClip, seed);
        }
    }

    /** The documented recipe: nanoGPT's baby run on Moby-Dick characters. */
    public static GptRecipe defaults() {
        return new GptRecipe(CHAR, "moby-dick", 0, Corpus.defaults(), Network.defaults(), Train.defaults());
    }

    /**
     * A schema 1 recipe (flat, the loop in iterations) in this shape: the same run, with its
     * iterations as validations, its warm-up as a share and its floor as a ratio. An imported run's
     * recipe ({@link GptImport}) is left as it is.
     */
    public static ObjectNode upgrade(ObjectNode fields, int fromSchema) {
        if (!fields.path("train").isObject()) {
            return fields;
        }
        if (fields.has("tokens")) {
            fields.set("model", fields.remove("tokens"));
        }
        RecipeJson.nest(fields, "corpus", List.of("validationFraction", "bpeVocab"));
        RecipeJson.nest(fields, "network", List.of("nLayer", "nHead", "nEmbd", "blockSize", "dropout", "bias"));
        ObjectNode train = (ObjectNode) fields.get("train");
        int iterations = train.path("maxIters").asInt();
        double learningRate = train.path("learningRate").asDouble();
        train.put("epochs", iterations / Math.max(1, train.path("evalInterval").asInt(1)));
        train.put("minLearningRateRatio", train.path("minLearningRate").asDouble() / learningRate);
        train.put("warmupShare", train.path("warmupIters").asDouble() / iterations);
        train.remove(List.of("maxIters", "minLearningRate", "warmupIters"));
        return fields;
    }
    /**
     * The recipe checked, with {@code --limit N}'s derived interval: N training windows make one pass
     * of ceil(N / batch) iterations, so each validation comes after that many (at most the recipe's
     * interval). Idempotent, so a resumed run's recipe derives the same interval again.
     */
    public GptRecipe validated() {
        require(CHAR.equals(model) || BPE.equals(model), "project gpt has no model '" + model + "' (choose char or bpe)");
        require(dataset != null && !dataset.isBlank(), "the recipe names no dataset");
        require(limit >= 0, "--limit must be at least 1 training window, got " + limit);
        require(corpus != null && network != null && train != null, "the recipe lacks its corpus, network or training settings");
        require(corpus.bpeVocab() > 256, "a byte-level BPE needs more than 256 tokens, got " + corpus.bpeVocab());
        require(corpus.validationFraction() > 0 && corpus.validationFraction() < 1,
                "the validation fraction must be in (0, 1), got " + corpus.validationFraction());
        require(train.epochs() >= 1, "--epochs (validations) must be at least 1, got " + train.epochs());
        require(train.learningRate() > 0 && Double.isFinite(train.learningRate()), "--lr must be a positive number, got " + train.learningRate());
        require(train.batchSize() >= 1, "--batch-size must be at least 1, got " + train.batchSize());
        require(train.evalInterval() >= 1 && train.evalIters() >= 1, "the validation interval and batches must be at least 1");
        int interval = limit > 0 ? (int) Math.min(train.evalInterval(), ((long) limit + train.batchSize() - 1) / train.batchSize())
                : train.evalInterval();
        return interval == train.evalInterval() ? this : Recipes.with(this, "train.evalInterval", interval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help` and docs/projects/gpt.md");
        }
    }
}
