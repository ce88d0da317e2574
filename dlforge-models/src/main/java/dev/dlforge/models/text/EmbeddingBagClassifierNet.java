package dev.dlforge.models.text;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * A fastText-style text classifier: the mean of learned word vectors, then an MLP.
 *
 * <pre>ids (B, T) -> EmbeddingBag (B, D) -> Linear(H), ReLU, Dropout -> Linear(classes) logits (B, K)</pre>
 */
public final class EmbeddingBagClassifierNet {
    private EmbeddingBagClassifierNet() {}

    public static SequentialBlock build(int vocabularySize, int dimension, int hidden, float dropout, int classes) {
        SequentialBlock net = new SequentialBlock().add(new EmbeddingBag(vocabularySize, dimension));
        if (hidden > 0) {
            net.add(Linear.builder().setUnits(hidden).build()).add(Activation::relu);
        }
        if (dropout > 0) {
            net.add(Dropout.builder().optRate(dropout).build());
        }
        return net.add(Linear.builder().setUnits(classes).build());
    }
}
