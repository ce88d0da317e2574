package dev.dlforge.models.vision;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.dlforge.models.Standardize;

/**
 * A small VGG-style network (Simonyan and Zisserman, 2015): stages of 3x3 convolutions with batch
 * norm and ReLU, each stage ending in 2x2 max-pooling and dropout; then a dense layer and logits.
 *
 * <pre>
 *   (B, C, 28, 28) -> stage(32): (B, 32, 14, 14) -> stage(64): (B, 64, 7, 7)
 *   -> flatten (B, 3136) -> Linear(dense), BN, ReLU, Dropout -> Linear(classes)
 * </pre>
 *
 * @param channels input channels
 * @param stageWidths filters of each stage, e.g. {32, 64}
 * @param convsPerStage 3x3 convolutions per stage
 * @param convDropout dropout after each stage's pooling
 * @param dense width of the hidden dense layer
 * @param denseDropout dropout before the logits
 * @param classes outputs
 */
public record VggStyleCnn(int channels, int[] stageWidths, int convsPerStage, float convDropout, int dense,
        float denseDropout, int classes) {

    public SequentialBlock build() {
        SequentialBlock net = new SequentialBlock().add(new Standardize(channels));
        for (int width : stageWidths) {
            for (int i = 0; i < convsPerStage; i++) {
                // No bias: the batch norm right after it has its own shift.
                net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                                .setFilters(width).optBias(false).build())
                        .add(BatchNorm.builder().build())
                        .add(Activation::relu);
            }
            net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            if (convDropout > 0) {
                net.add(Dropout.builder().optRate(convDropout).build());
            }
        }
        net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(dense).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
        if (denseDropout > 0) {
            net.add(Dropout.builder().optRate(denseDropout).build());
        }
        return net.add(Linear.builder().setUnits(classes).build());
    }
}
