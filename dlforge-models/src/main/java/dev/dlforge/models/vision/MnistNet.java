package dev.dlforge.models.vision;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The {@code Net} of pytorch/examples' MNIST example, layer for layer, used to compare speed with
 * PyTorch on equal terms:
 *
 * <pre>
 *   (B, 1, 28, 28) -> conv 3x3 32, ReLU (B, 32, 26, 26) -> conv 3x3 64, ReLU (B, 64, 24, 24)
 *   -> max-pool 2 (B, 64, 12, 12) -> dropout 0.25 -> flatten (B, 9216) -> fc 128, ReLU
 *   -> dropout 0.5 -> fc 10
 * </pre>
 */
public final class MnistNet {
    private MnistNet() {}

    public static SequentialBlock build() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Dropout.builder().optRate(0.25f).build())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.5f).build())
                .add(Linear.builder().setUnits(10).build());
    }
}
