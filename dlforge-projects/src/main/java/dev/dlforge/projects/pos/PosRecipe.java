package dev.dlforge.projects.pos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.run.RecipeJson;
import dev.dlforge.core.run.RecipeSchema;
import dev.dlforge.core.train.EarlyStopping;
import dev.dlforge.core.train.TrainerConfig;
import dev.dlforge.models.text.BiLstmTagger;
import java.util.List;

/**
 * How the BiLSTM-CRF tagger is trained. The defaults reproduce docs/projects/pos.md on Brown.
 *
 * @param dataset {@code brown} (universal POS tags) or {@code conll2003} (named entities)
 * @param model the one variant, {@code bilstm-crf}
 * @param train the training loop
 * @param network the tagger's sizes and vocabulary cut-off
 * @param split how Brown's documents are held out
 * @param limit train on at most this many sentences; validation and test keep their share ({@link TaggingData#limit}); 0 uses all
 */
@RecipeSchema(2)
public record PosRecipe(String dataset, String model, Training train, Network network, Split split, int limit) {

    /**
     * The training loop: Adam on a learning-rate schedule, the gradient clipped by its L2 norm; the
     * model kept is the epoch with the best validation token accuracy.
     *
     * @param epochs passes over the training sentences
     * @param batchSize sentences per step
     * @param learningRate Adam's base rate
     * @param schedule {@code constant}, {@code cosine} or {@code step}
     * @param clipNorm gradient L2 norm cap; 0 for none
     * @param seed seeds initialisation, shuffling and dropout (Brown's document split has its own fixed seed)
     */
    public record Training(int epochs, int batchSize, double learningRate, String schedule, double clipNorm, long seed) {

        /** 5 epochs of 32 sentences, Adam at 2e-3 annealed on a cosine, gradients clipped at norm 5, seed 2024. */
        public static Training defaults() {
            return new Training(5, 32, 2e-3, "cosine", 5.0, 2024L);
        }
    }

    /**
     * The BiLSTM-CRF's sizes ({@link BiLstmTagger.Config}) and its word vocabulary's cut-off.
     *
     * @param wordDim word embedding size
     * @param suffixDim embedding size of the last three letters
     * @param shapeDim embedding size of the word shape
     * @param hidden LSTM state size per direction
     * @param dropout before the output layer
     * @param minWordCount a word seen fewer times in training is unknown
     */
    public record Network(int wordDim, int suffixDim, int shapeDim, int hidden, float dropout, int minWordCount) {

        /** Words in 64 dimensions, suffixes in 32, shapes in 8; 96 LSTM units each way; dropout 0.3; words seen twice or more. */
        public static Network defaults() {
            return new Network(64, 32, 8, 96, 0.3f, 2);
        }
    }

    /**
     * Brown's documents held out (CoNLL-2003 brings its own split).
     *
     * @param testDocuments Brown documents held out for testing (of 500)
     * @param validationDocuments Brown documents held out for validation
     */
    public record Split(int testDocuments, int validationDocuments) {

        /** 50 test and 25 validation documents of Brown's 500. */
        public static Split defaults() {
            return new Split(50, 25);
        }
    }

    public static PosRecipe defaults() {
        return new PosRecipe(TaggingDatasets.BROWN, "bilstm-crf", Training.defaults(), Network.defaults(), Split.defaults(), 0);
    }

    /** A schema 1 recipe (every field at the top, no model) in this shape: runs and models trained before it still read. */
    public static ObjectNode upgrade(ObjectNode fields, int fromSchema) {
        RecipeJson.nest(fields, "train", List.of("epochs", "batchSize", "learningRate", "schedule", "clipNorm", "seed"));
        RecipeJson.nest(fields, "network", List.of("wordDim", "suffixDim", "shapeDim", "hidden", "dropout", "minWordCount"));
        RecipeJson.nest(fields, "split", List.of("testDocuments", "validationDocuments"));
        fields.put("model", "bilstm-crf");
        return fields;
    }
    PosRecipe validated() {
        require(train.epochs() >= 1, "--epochs must be at least 1, got " + train.epochs());
        require(train.batchSize() >= 1, "--batch-size must be at least 1, got " + train.batchSize());
        require(train.learningRate() > 0 && Double.isFinite(train.learningRate()), "--lr must be a positive number, got " + train.learningRate());
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
        return new TrainerConfig(train.epochs(), train.learningRate(), train.schedule(), train.seed(), 0,
                EarlyStopping.off("val_accuracy", true));
    }

    /** The tagger's configuration for vocabularies of {@code words} words and {@code suffixes} suffixes, and {@code tags} tags. */
    BiLstmTagger.Config taggerConfig(int words, int suffixes, int tags) {
        return new BiLstmTagger.Config(words, network.wordDim(), suffixes, network.suffixDim(), TokenFeatures.SHAPES, network.shapeDim(),
                network.hidden(), network.dropout(), tags);
    }
}
