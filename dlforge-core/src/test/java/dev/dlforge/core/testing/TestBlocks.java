package dev.dlforge.core.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import dev.dlforge.core.engine.Engines;
import java.util.ArrayList;
import java.util.List;

/** Small networks for tests that need a real model without the models module. */
public final class TestBlocks {
    private TestBlocks() {}

    /** inputs -> hidden (ReLU, dropout) -> classes, initialised from {@code seed}. */
    public static SequentialBlock mlp(NDManager manager, int inputs, int hidden, int classes, long seed) {
        Engines.seed(seed);
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::relu)
                .add(Dropout.builder().optRate(0.1f).build())
                .add(Linear.builder().setUnits(classes).build());
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
        return block;
    }

    /** Every parameter value of {@code block}, in parameter order: what two runs are compared by, to the bit. */
    public static float[] flatWeights(Block block) {
        List<float[]> parts = new ArrayList<>();
        block.getParameters().forEach(p -> parts.add(p.getValue().getArray().toFloatArray()));
        float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
