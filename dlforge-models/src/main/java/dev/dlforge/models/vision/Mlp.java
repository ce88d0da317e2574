package dev.dlforge.models.vision;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import dev.dlforge.models.Standardize;

/**
 * A multi-layer perceptron over flattened images: standardise, flatten, then for each hidden width
 * h: Linear(h), ReLU, Dropout; finally Linear(classes) giving logits (softmax is in the loss).
 *
 * <pre>(B, C, H, W) -> (B, C*H*W) -> (B, h1) -> ... -> (B, classes)</pre>
 */
public final class Mlp {
    private Mlp() {}

    public static SequentialBlock build(int channels, int[] hidden, float dropout, int classes) {
        SequentialBlock net = new SequentialBlock().add(new Standardize(channels)).add(Blocks.batchFlattenBlock());
        for (int width : hidden) {
            net.add(Linear.builder().setUnits(width).build()).add(Activation::relu);
            if (dropout > 0) {
                net.add(Dropout.builder().optRate(dropout).build());
            }
        }
        return net.add(Linear.builder().setUnits(classes).build());
    }
}
