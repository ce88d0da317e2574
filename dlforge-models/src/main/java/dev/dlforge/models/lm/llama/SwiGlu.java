package dev.dlforge.models.lm.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Llama's feed-forward network, a gated linear unit with SiLU (Shazeer, 2020):
 * y = W_down (silu(W_gate x) * (W_up x)), silu(z) = z sigmoid(z), widening C to F and back; no biases.
 */
public final class SwiGlu extends AbstractBlock {
    private final LlamaConfig config;
    private final Linear gate;
    private final Linear up;
    private final Linear down;

    public SwiGlu(LlamaConfig config) {
        super((byte) 1);
        this.config = config;
        gate = addChildBlock("gate", Linear.builder().setUnits(config.ffn()).optBias(false).build());
        up = addChildBlock("up", Linear.builder().setUnits(config.ffn()).optBias(false).build());
        down = addChildBlock("down", Linear.builder().setUnits(config.dim()).optBias(false).build());
        gate.setInitializer(new NormalInitializer(Llama.INIT_STD), Parameter.Type.WEIGHT);
        up.setInitializer(new NormalInitializer(Llama.INIT_STD), Parameter.Type.WEIGHT);
        down.setInitializer(new NormalInitializer(Llama.residualInitStd(config)), Parameter.Type.WEIGHT);
    }

    public Linear gate() {
        return gate;
    }

    public Linear up() {
        return up;
    }

    public Linear down() {
        return down;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray g = gate.forward(store, inputs, training).head();                       // (B, T, F)
        NDArray u = up.forward(store, inputs, training).head();                         // (B, T, F)
        NDArray hidden = g.mul(g.getNDArrayInternal().sigmoid()).mul(u);                // silu(g) * u
        return down.forward(store, new NDList(hidden), training);                       // (B, T, C)
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        gate.initialize(manager, dataType, new Shape(1, config.dim()));
        up.initialize(manager, dataType, new Shape(1, config.dim()));
        down.initialize(manager, dataType, new Shape(1, config.ffn()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
