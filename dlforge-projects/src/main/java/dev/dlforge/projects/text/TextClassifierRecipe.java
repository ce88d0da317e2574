package dev.dlforge.projects.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;

/**
 * How a text-classification run trains its models: one recipe for every model of the run, each
 * reading the settings it needs. Each nested record's {@code defaults()} holds the figures most
 * projects use (spam's and topics', docs/projects/spam.md); a project's recipe replaces the records
 * it tunes. Command-line options land in it by path ({@link TextClassificationProject#recipeOptions}).
 *
 * <p>Schema 2: the settings grouped in named records (schema 1 was one flat record of 22 fields).
 *
 * @param model {@value #ALL} (compare every model) or one model's name
 * @param seed seeds the sampling of a limited dataset, the split, initialisation and shuffling
 * @param data which texts and how they are held out
 * @param features the word vocabulary every model reads
 * @param naiveBayes naive Bayes' settings
 * @param logistic the logistic regressions' settings (TF-IDF, and the head on MiniLM embeddings)
 * @param network the neural model's shape
 * @param train the neural model's training loop ({@code batchSize} is the logistic regressions' too)
 * @param serving how the served model is chosen and answers
 */
@RecipeSchema(2)
public record TextClassifierRecipe(String model, long seed, Data data, Features features, NaiveBayes naiveBayes, Logistic logistic,
        Network network, Train train, Serving serving) {

    public static final String ALL = "all";
    /** The seed of every project's documented runs. */
    public static final long SEED = 42;

    /**
     * @param dataset dataset id
     * @param validationFraction share of every group held out for validation (early stopping, curves, thresholds)
     * @param testFraction share of every group held out for the reported test figures
     * @param limit train on at most this many texts (see {@link #textsToRead}); 0 all
     */
    public record Data(String dataset, double validationFraction, double testFraction, int limit) {

        /** 10% of every group held out for validation and 20% for test, no limit. */
        public static Data defaults(String dataset) {
            return new Data(dataset, 0.1, 0.2, 0);
        }

        /**
         * {@code --limit N} means N training texts: the dataset is read N / (1 - validation - test
         * fractions) texts deep (all groups in proportion), so that the split leaves about N to train
         * on and validation and test in their usual shares; 0 (no limit) reads all.
         */
        public int textsToRead() {
            return limit == 0 ? 0 : (int) Math.ceil(limit / (1 - validationFraction - testFraction));
        }
    }

    /**
     * @param vocabularySize most frequent training tokens kept as features (special ids included)
     * @param minCount a token must occur this often in training to be a feature (naive Bayes keeps every token)
     */
    public record Features(int vocabularySize, int minCount) {

        public static Features defaults() {
            return new Features(30_000, 2);
        }
    }

    /** @param laplace additive smoothing alpha of P(word | class) */
    public record NaiveBayes(double laplace) {

        public static NaiveBayes defaults() {
            return new NaiveBayes(1.0);
        }
    }

    /**
     * Mini-batch Adam on the mean cross-entropy plus lambda/2 ||W||^2, {@link Train#batchSize} texts a step.
     *
     * @param epochs passes over the training texts
     * @param learningRate Adam's rate
     * @param l2 the penalty lambda
     */
    public record Logistic(int epochs, double learningRate, double l2) {

        public static Logistic defaults() {
            return new Logistic(20, 0.02, 1e-4);
        }
    }

    /**
     * @param embeddingDim word-vector size
     * @param hidden hidden units after the pooled vectors (the LSTM's units per direction); 0 for a linear head
     * @param dropout before the output layer
     * @param maxTokens tokens of a text the network reads (the first ones)
     */
    public record Network(int embeddingDim, int hidden, float dropout, int maxTokens) {

        public static Network defaults() {
            return new Network(64, 64, 0.3f, 400);
        }
    }

    /**
     * @param epochs passes of the neural model over the training split
     * @param batchSize examples per step (neural model and logistic regressions)
     * @param learningRate Adam's rate for the neural model (cosine schedule)
     * @param patience stop after this many epochs without a lower validation loss; 0 never
     */
    public record Train(int epochs, int batchSize, double learningRate, int patience) {

        /** Spam's documented loop: 20 epochs of 32 texts at 2e-3, patience 4. */
        public static Train defaults() {
            return new Train(20, 32, 2e-3, 4);
        }
    }

    /**
     * @param rule how the served model is chosen and answers
     * @param maxFalsePositiveRate with a threshold rule: the validation false-positive rate each model's threshold is set for
     */
    public record Serving(ServedModelRule rule, double maxFalsePositiveRate) {

        /** The best model by validation F1, answering with the most probable class. */
        public static Serving defaults() {
            return new Serving(ServedModelRule.VALIDATION_F1, 0);
        }

        /** Thresholds for a validation false-positive rate of at most {@code rate} in every group. */
        public static Serving atFalsePositiveRatePerGroup(double rate) {
            return new Serving(ServedModelRule.RECALL_AT_FALSE_POSITIVE_RATE_PER_GROUP, rate);
        }
    }

    /**
     * Schema 1 was one flat record: its fields move into the named records (the logistic regression's
     * {@code logisticEpochs}, {@code logisticRate} and {@code l2}; the served model's {@code servedModelRule},
     * VALIDATION_F1 when absent), so runs and models trained before schema 2 keep working.
     */
    public static ObjectNode upgrade(ObjectNode flat, int fromSchema) {
        ObjectNode r = flat.objectNode();
        r.set("model", flat.get("model"));
        r.set("seed", flat.get("seed"));
        move(flat, r.putObject("data"), "dataset", "dataset", "validationFraction", "validationFraction", "testFraction", "testFraction",
                "limit", "limit");
        move(flat, r.putObject("features"), "vocabularySize", "vocabularySize", "minCount", "minCount");
        move(flat, r.putObject("naiveBayes"), "laplace", "laplace");
        move(flat, r.putObject("logistic"), "logisticEpochs", "epochs", "logisticRate", "learningRate", "l2", "l2");
        move(flat, r.putObject("network"), "embeddingDim", "embeddingDim", "hidden", "hidden", "dropout", "dropout", "maxTokens", "maxTokens");
        move(flat, r.putObject("train"), "epochs", "epochs", "batchSize", "batchSize", "learningRate", "learningRate", "patience", "patience");
        ObjectNode serving = r.putObject("serving");
        serving.put("rule", flat.path("servedModelRule").asText(ServedModelRule.VALIDATION_F1.name()));
        serving.put("maxFalsePositiveRate", flat.path("maxFalsePositiveRate").asDouble(0));
        return r;
    }

    /** Copies {@code from}'s fields into {@code to} by pairs of names (old, new). */
    private static void move(ObjectNode from, ObjectNode to, String... oldAndNew) {
        for (int i = 0; i < oldAndNew.length; i += 2) {
            if (from.has(oldAndNew[i])) {
                to.set(oldAndNew[i + 1], from.get(oldAndNew[i]));
            }
        }
    }

    /** Every model compared on {@code dataset} with each record's defaults. */
    public static TextClassifierRecipe defaults(String dataset) {
        return new TextClassifierRecipe(ALL, SEED, Data.defaults(dataset), Features.defaults(), NaiveBayes.defaults(), Logistic.defaults(),
                Network.defaults(), Train.defaults(), Serving.defaults());
    }

    public TextClassifierRecipe validated() {
        require(train.epochs() >= 1, "--epochs must be at least 1, got " + train.epochs());
        require(train.batchSize() >= 1, "--batch-size must be at least 1, got " + train.batchSize());
        require(train.learningRate() > 0 && Double.isFinite(train.learningRate()), "--lr must be a positive number, got " + train.learningRate());
        require(data.limit() == 0 || data.limit() >= 20, "--limit must be 0 (all) or at least 20 texts, got " + data.limit());
        require(data.testFraction() > 0 && data.validationFraction() >= 0 && data.testFraction() + data.validationFraction() < 0.9,
                "validation and test fractions must leave most data for training");
        require(!serving.rule().thresholds() || serving.maxFalsePositiveRate() > 0 && serving.maxFalsePositiveRate() < 1,
                "serving.maxFalsePositiveRate must be between 0 and 1 (exclusive), got " + serving.maxFalsePositiveRate());
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new DlforgeException(message, "see `dlforge train --help`");
        }
    }

    /**
     * The neural model's loop: best epoch by validation loss, early stopping with patience. Loss,
     * not accuracy: on a few hundred validation texts accuracy moves in steps of one text and
     * peaks by chance early (spam, seed 7: epoch 2 kept at validation accuracy 0.987, test F1
     * 0.953), while the loss still falls.
     */
    public TrainerConfig trainerConfig(boolean hasValidation) {
        String monitor = hasValidation ? "val_loss" : "none";
        return new TrainerConfig(train.epochs(), train.learningRate(), "cosine", seed, 0,
                new EarlyStopping(monitor, false, hasValidation ? train.patience() : 0));
    }
}
