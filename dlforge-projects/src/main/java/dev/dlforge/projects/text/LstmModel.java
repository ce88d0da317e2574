package dev.dlforge.projects.text;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.dlforge.models.text.LstmClassifier;

/**
 * Word embeddings read in order by a bidirectional LSTM, its states mean- and max-pooled over the
 * real tokens, then a linear layer ({@link LstmClassifier}): unlike a bag of words it can see that
 * "not" comes before "good". Trained as every {@link NeuralTextModel}; the recipe's network
 * {@code embeddingDim} is d, {@code hidden} the LSTM's units per direction, {@code dropout} on the
 * pooled vector.
 */
public final class LstmModel extends NeuralTextModel {
    public static final String NAME = "lstm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "learned word embeddings, a bidirectional LSTM, mean+max pooling, linear";
    }

    @Override
    protected Block newBlock(TextClassifierRecipe.Network n, int vocabularySize, int classes, NDManager manager) {
        Block block = new LstmClassifier(new LstmClassifier.Config(vocabularySize, n.embeddingDim(), Math.max(1, n.hidden()), 1, true,
                LstmClassifier.Pooling.MEAN_MAX, n.dropout(), classes));
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 8)); // the parameters' type; ids come as int64
        return block;
    }
}
