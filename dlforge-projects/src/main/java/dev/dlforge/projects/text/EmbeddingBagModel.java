package dev.dlforge.projects.text;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.dlforge.models.text.EmbeddingBagClassifierNet;

/**
 * Learned word vectors averaged over the text (EmbeddingBag), then an MLP, trained as every
 * {@link NeuralTextModel}. See {@link EmbeddingBagClassifierNet} for the shapes.
 */
public final class EmbeddingBagModel extends NeuralTextModel {
    public static final String NAME = "embedding-bag";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "learned word embeddings, averaged (EmbeddingBag), then an MLP";
    }

    @Override
    protected Block newBlock(TextClassifierRecipe.Network n, int vocabularySize, int classes, NDManager manager) {
        Block block = EmbeddingBagClassifierNet.build(vocabularySize, n.embeddingDim(), n.hidden(), n.dropout(), classes);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 8)); // the parameters' type; ids come as int64
        return block;
    }
}
